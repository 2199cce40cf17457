//! The `_subprocess` module under lib/subprocess.py: starting a child with
//! its standard streams inherited, piped, sent to /dev/null or (stderr)
//! joined to stdout; feeding and draining the pipes; waiting. Every wait
//! releases the GIL.
//!
//! Children live in a table keyed by pid, outside any Python object: they
//! are operating system handles (the `Child` and its pipe ends), and the
//! table is what lets `wait` and `communicate` find them from any thread.
//! Output is read by one thread per pipe, which sends everything it read
//! when the pipe closes; a `communicate` that times out leaves the readers
//! running, so the next call gets all of the output.

use crate::args::{self, Kw};
use gilt_vm::builtins::import;
use gilt_vm::eval::attr;
use gilt_vm::exc::{ExcKind, PyResult, Raise};
use gilt_vm::interp::Vm;
use gilt_vm::object::{NativeFn, Object};
use gilt_vm::value::Value;
use std::collections::HashMap;
use std::io::{Read, Write};
use std::os::unix::process::ExitStatusExt;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// A started child and what is left of its pipes.
struct Running {
    child: Child,
    stdin: Option<ChildStdin>,
    stdout: Option<Receiver<Vec<u8>>>,
    stderr: Option<Receiver<Vec<u8>>>,
    /// Output already collected by a reader.
    out: Option<Vec<u8>>,
    err: Option<Vec<u8>>,
}

static CHILDREN: Mutex<Option<HashMap<u32, Running>>> = Mutex::new(None);

fn with_child<T>(pid: u32, f: impl FnOnce(&mut Running) -> T) -> Option<T> {
    let mut table = CHILDREN.lock().unwrap_or_else(|e| e.into_inner());
    table.get_or_insert_with(HashMap::new).get_mut(&pid).map(f)
}

/// How a stream of the child is set up (lib/subprocess.py's codes).
const INHERIT: i64 = 0;
const PIPE: i64 = 1;
const DEVNULL: i64 = 2;
const STDOUT: i64 = 3;

/// Fill the `_subprocess` module.
pub fn init(vm: &mut Vm, module: &Value) -> PyResult<()> {
    let functions: &[(&'static str, NativeFn)] = &[
        ("spawn", spawn),
        ("communicate", communicate),
        ("wait", wait),
        ("poll", poll),
        ("close_stdin", close_stdin),
        ("forget", forget),
    ];
    import::add_functions(vm, module, functions);
    Ok(())
}

fn stdio(mode: i64) -> Stdio {
    match mode {
        PIPE => Stdio::piped(),
        DEVNULL => Stdio::null(),
        _ => Stdio::inherit(),
    }
}

fn strings(vm: &Vm, v: &Value, what: &str) -> PyResult<Vec<String>> {
    let items: Vec<Value> = match v.as_object() {
        Some(Object::List(l)) => l.get(&vm.gil).clone(),
        Some(Object::Tuple(t)) => t.to_vec(),
        _ => return Err(Raise::type_error(format!("{what} must be a list"))),
    };
    items
        .iter()
        .map(|item| match item.as_object() {
            Some(Object::Str(s)) => Ok(s.text.to_string()),
            Some(Object::Bytes(b)) => Ok(String::from_utf8_lossy(b).into_owned()),
            _ => Err(Raise::type_error(format!(
                "expected str, bytes or os.PathLike object, not {}",
                attr::type_name(vm, item)
            ))),
        })
        .collect()
}

/// A thread that reads `r` to its end and sends what it read.
fn reader(mut r: impl Read + Send + 'static) -> Receiver<Vec<u8>> {
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = r.read_to_end(&mut buf);
        let _ = tx.send(buf);
    });
    rx
}

/// `spawn(argv, executable, cwd, env, stdin, stdout, stderr)`: the pid.
fn spawn(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let [argv, executable, cwd, env, i, o, e] = args::parse(
        "spawn",
        [
            "argv",
            "executable",
            "cwd",
            "env",
            "stdin",
            "stdout",
            "stderr",
        ],
        7,
        args,
        kwargs,
    )?;
    let argv = strings(vm, &argv.unwrap_or(Value::None), "argv")?;
    let Some(first) = argv.first() else {
        return Err(Raise::value_error("args must not be empty"));
    };
    let program = match executable.unwrap_or(Value::None) {
        Value::None => first.clone(),
        v => args::text(vm, "spawn", "executable", &v)?,
    };
    let mut cmd = Command::new(&program);
    cmd.args(&argv[1..]);
    let cwd = cwd.unwrap_or(Value::None);
    if !matches!(cwd, Value::None) {
        cmd.current_dir(args::path(vm, "spawn", &cwd, args::PathKind::Plain)?);
    }
    if let Some(Object::Dict(d)) = env.as_ref().and_then(Value::as_object) {
        cmd.env_clear();
        for (k, v) in d.get(&vm.gil).iter() {
            if let (Some(Object::Str(k)), Some(Object::Str(v))) = (k.as_object(), v.as_object()) {
                cmd.env(&*k.text, &*v.text);
            }
        }
    }
    let mode = |v: Option<Value>| match v {
        Some(Value::Int(m)) => m,
        _ => INHERIT,
    };
    let (i, o, e) = (mode(i), mode(o), mode(e));
    cmd.stdin(stdio(i));
    let mut merged = None;
    if e == STDOUT && o == PIPE {
        // One pipe for both streams.
        let (r, w) = std::io::pipe().map_err(|err| io_error(vm, &err))?;
        let w2 = w.try_clone().map_err(|err| io_error(vm, &err))?;
        cmd.stdout(w);
        cmd.stderr(w2);
        merged = Some(r);
    } else {
        cmd.stdout(stdio(o));
        if e == STDOUT {
            // Joined to an inherited stdout: the same descriptor.
            cmd.stderr(Stdio::inherit());
        } else {
            cmd.stderr(stdio(e));
        }
    }
    let mut child = cmd.spawn().map_err(|err| spawn_error(vm, &err, &program))?;
    // Drop the parent's copies of the merged pipe's write end.
    drop(cmd);
    let pid = child.id();
    let stdout = match merged {
        Some(r) => Some(reader(r)),
        None => child.stdout.take().map(reader),
    };
    let stderr = child.stderr.take().map(reader);
    let running = Running {
        stdin: child.stdin.take(),
        child,
        stdout,
        stderr,
        out: None,
        err: None,
    };
    let mut table = CHILDREN.lock().unwrap_or_else(|e| e.into_inner());
    table.get_or_insert_with(HashMap::new).insert(pid, running);
    Ok(Value::Int(pid as i64))
}

fn io_error(vm: &mut Vm, err: &std::io::Error) -> Raise {
    gilt_vm::builtins::os_error::from_io(vm, err, None, None)
}

/// FileNotFoundError/PermissionError naming the program, as CPython's.
fn spawn_error(vm: &mut Vm, err: &std::io::Error, program: &str) -> Raise {
    let name = gilt_vm::object::PyStr::value(program);
    gilt_vm::builtins::os_error::from_io(vm, err, Some(name), None)
}

fn pid_arg(vm: &Vm, v: Option<Value>) -> PyResult<u32> {
    Ok(args::int(vm, &v.unwrap_or(Value::None))? as u32)
}

fn timeout_arg(vm: &Vm, v: Option<Value>) -> PyResult<Option<Duration>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => Ok(Some(Duration::from_secs_f64(args::float(vm, &v)?.max(0.0)))),
    }
}

fn no_child() -> Raise {
    Raise::new(ExcKind::OSError, "no such child process")
}

/// The return code of a finished child: its exit code, or minus the signal.
fn code(status: std::process::ExitStatus) -> i64 {
    match status.code() {
        Some(c) => c as i64,
        None => -(status.signal().unwrap_or(0) as i64),
    }
}

/// `communicate(pid, input, timeout)`: `(stdout, stderr, timed_out)`.
fn communicate(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let [pid, input, timeout] =
        args::parse("communicate", ["pid", "input", "timeout"], 3, args, kwargs)?;
    let pid = pid_arg(vm, pid)?;
    let input = match input.as_ref().and_then(Value::as_object) {
        Some(Object::Bytes(b)) => Some(b.to_vec()),
        Some(Object::ByteArray(b)) => Some(b.get(&vm.gil).clone()),
        _ => None,
    };
    let timeout = timeout_arg(vm, timeout)?;
    let (stdin, out_rx, err_rx) =
        with_child(pid, |r| (r.stdin.take(), r.stdout.take(), r.stderr.take()))
            .ok_or_else(no_child)?;
    let deadline = timeout.map(|t| Instant::now() + t);
    let (out, err, out_rx, err_rx) = vm.gil.release_for("subprocess.communicate", move || {
        if let Some(mut w) = stdin {
            let data = input.unwrap_or_default();
            // A writer thread, so a child that fills its output first
            // cannot block us; closing stdin tells it the input ended.
            std::thread::spawn(move || {
                let _ = w.write_all(&data);
            });
        }
        let (out, out_rx) = collect(out_rx, deadline);
        let (err, err_rx) = collect(err_rx, deadline);
        (out, err, out_rx, err_rx)
    });
    let timed_out = out_rx.is_some() || err_rx.is_some();
    let (out, err) = with_child(pid, |r| {
        if let Some(o) = out {
            r.out.get_or_insert_with(Vec::new).extend(o);
        }
        if let Some(e) = err {
            r.err.get_or_insert_with(Vec::new).extend(e);
        }
        r.stdout = out_rx;
        r.stderr = err_rx;
        if timed_out {
            (None, None)
        } else {
            (r.out.take(), r.err.take())
        }
    })
    .ok_or_else(no_child)?;
    let bytes = |b: Option<Vec<u8>>| match b {
        Some(b) => Value::obj(Object::Bytes(b.into())),
        None => Value::None,
    };
    Ok(crate::num::tuple(vec![
        bytes(out),
        bytes(err),
        Value::Bool(timed_out),
    ]))
}

/// What a reader sent by `deadline`; the receiver back when it is not done.
fn collect(
    rx: Option<Receiver<Vec<u8>>>,
    deadline: Option<Instant>,
) -> (Option<Vec<u8>>, Option<Receiver<Vec<u8>>>) {
    let Some(rx) = rx else {
        return (None, None);
    };
    let got = match deadline {
        None => rx.recv().map_err(|_| RecvTimeoutError::Disconnected),
        Some(d) => rx.recv_timeout(d.saturating_duration_since(Instant::now())),
    };
    match got {
        Ok(data) => (Some(data), None),
        Err(RecvTimeoutError::Timeout) => (None, Some(rx)),
        Err(RecvTimeoutError::Disconnected) => (Some(Vec::new()), None),
    }
}

/// `wait(pid, timeout)`: the return code, or None when the timeout passed.
fn wait(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let [pid, timeout] = args::parse("wait", ["pid", "timeout"], 1, args, kwargs)?;
    let pid = pid_arg(vm, pid)?;
    let timeout = timeout_arg(vm, timeout)?;
    let deadline = timeout.map(|t| Instant::now() + t);
    let mut pause = Duration::from_micros(200);
    loop {
        if let Some(code) = try_wait(vm, pid)? {
            return Ok(Value::Int(code));
        }
        if deadline.is_some_and(|d| Instant::now() >= d) {
            return Ok(Value::None);
        }
        let nap = match deadline {
            Some(d) => pause.min(d.saturating_duration_since(Instant::now())),
            None => pause,
        };
        vm.gil
            .release_for("subprocess.wait", || std::thread::sleep(nap));
        if vm.main_thread && gilt_vm::signals::pending() {
            gilt_vm::eval::breaker::run_signal_handlers(vm)?;
        }
        pause = (pause * 2).min(Duration::from_millis(20));
    }
}

fn try_wait(vm: &mut Vm, pid: u32) -> PyResult<Option<i64>> {
    let status = with_child(pid, |r| r.child.try_wait()).ok_or_else(no_child)?;
    match status {
        Ok(s) => Ok(s.map(code)),
        Err(e) => Err(io_error(vm, &e)),
    }
}

/// `poll(pid)`: the return code, or None while the child runs.
fn poll(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let [pid] = args::parse("poll", ["pid"], 1, args, kwargs)?;
    let pid = pid_arg(vm, pid)?;
    Ok(match try_wait(vm, pid)? {
        Some(c) => Value::Int(c),
        None => Value::None,
    })
}

/// `close_stdin(pid, data)`: write `data` (if any) to the child's stdin, then close it.
fn close_stdin(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let [pid, data] = args::parse("close_stdin", ["pid", "data"], 1, args, kwargs)?;
    let pid = pid_arg(vm, pid)?;
    let data = match data.as_ref().and_then(Value::as_object) {
        Some(Object::Bytes(b)) => b.to_vec(),
        _ => Vec::new(),
    };
    if let Some(Some(mut w)) = with_child(pid, |r| r.stdin.take()) {
        let result = vm.gil.release_for("pipe write", move || w.write_all(&data));
        if let Err(e) = result {
            if e.kind() != std::io::ErrorKind::BrokenPipe {
                return Err(io_error(vm, &e));
            }
        }
    }
    Ok(Value::None)
}

/// `forget(pid)`: drop a finished child's entry.
fn forget(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let [pid] = args::parse("forget", ["pid"], 1, args, kwargs)?;
    let pid = pid_arg(vm, pid)?;
    let mut table = CHILDREN.lock().unwrap_or_else(|e| e.into_inner());
    table.get_or_insert_with(HashMap::new).remove(&pid);
    Ok(Value::None)
}
