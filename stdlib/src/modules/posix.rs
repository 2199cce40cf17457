//! The `posix` module: the operating system calls `os` (lib/os.py) is built
//! on, as in CPython. Failures raise OSError subclasses worded as CPython
//! words them (`[Errno 2] No such file or directory: 'x'`).

use crate::args::{self, Kw};
use crate::structseq;
use gilt_vm::builtins::{import, os_error};
use gilt_vm::eval::attr;
use gilt_vm::exc::{PyResult, Raise};
use gilt_vm::gil::GilCell;
use gilt_vm::interp::Vm;
use gilt_vm::object::{Dict, NativeFn, Object, PyStr};
use gilt_vm::value::{Obj, Value};
use std::os::unix::fs::{DirBuilderExt, MetadataExt};

/// The sequence fields of `os.stat_result` (times as whole seconds).
const STAT_FIELDS: [&str; 10] = [
    "st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size", "st_atime",
    "st_mtime", "st_ctime",
];

/// The attributes after them: float and nanosecond times, block counts.
const STAT_EXTRA: [&str; 9] = [
    "st_atime",
    "st_mtime",
    "st_ctime",
    "st_atime_ns",
    "st_mtime_ns",
    "st_ctime_ns",
    "st_blksize",
    "st_blocks",
    "st_rdev",
];

/// Fill the `posix` module.
pub fn init(vm: &mut Vm, module: &Value) -> PyResult<()> {
    let functions: &[(&'static str, NativeFn)] = &[
        ("getcwd", getcwd),
        ("chdir", chdir),
        ("listdir", listdir),
        ("mkdir", mkdir),
        ("rmdir", rmdir),
        ("remove", remove),
        ("unlink", unlink),
        ("rename", rename),
        ("replace", replace),
        ("stat", stat),
        ("lstat", lstat),
        ("readlink", readlink),
        ("getpid", getpid),
        ("kill", kill),
        ("getppid", getppid),
        ("cpu_count", cpu_count),
        ("putenv", putenv),
        ("unsetenv", unsetenv),
        ("urandom", urandom),
        ("strerror", strerror),
    ];
    import::add_functions(vm, module, functions);
    let class = structseq::new_type(vm, "os", "stat_result", &STAT_FIELDS, &STAT_EXTRA);
    import::set_attr(vm, module, "stat_result", Value::Obj(class));
    let mut environ = Dict::new();
    for (k, v) in std::env::vars_os() {
        environ.insert_str(
            &k.to_string_lossy(),
            PyStr::value(v.to_string_lossy().into_owned()),
        );
    }
    let environ = Value::obj(Object::Dict(GilCell::new(environ)));
    import::set_attr(vm, module, "environ", environ);
    Ok(())
}

/// The one path argument of `func`, as text and as the value to name in errors.
fn one_path(vm: &Vm, func: &str, args: &[Value], kwargs: &Kw) -> PyResult<(String, Value)> {
    let [path] = args::parse(func, ["path"], 1, args, kwargs)?;
    let path = path.unwrap_or(Value::None);
    Ok((args::path(vm, func, &path, fd_kind(func))?, path))
}

/// Which functions also take a file descriptor, as their errors say.
fn fd_kind(func: &str) -> args::PathKind {
    match func {
        "stat" | "chdir" => args::PathKind::Fd,
        _ => args::PathKind::Plain,
    }
}

fn os_err(vm: &mut Vm, e: std::io::Error, path: &Value) -> Raise {
    os_error::from_io(vm, &e, Some(path.clone()), None)
}

fn getcwd(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    args::parse("posix.getcwd", [], 0, args, kwargs)?;
    match std::env::current_dir() {
        Ok(p) => Ok(PyStr::value(p.to_string_lossy().into_owned())),
        Err(e) => Err(os_error::from_io(vm, &e, None, None)),
    }
}

fn chdir(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let (path, shown) = one_path(vm, "chdir", args, kwargs)?;
    std::env::set_current_dir(&path).map_err(|e| os_err(vm, e, &shown))?;
    Ok(Value::None)
}

fn listdir(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let [path] = args::parse("listdir", ["path"], 0, args, kwargs)?;
    let shown = path.unwrap_or(Value::None);
    let path = match &shown {
        Value::None => ".".to_string(),
        v => args::path(vm, "listdir", v, args::PathKind::FdOrNone)?,
    };
    let read = std::fs::read_dir(&path).map_err(|e| os_err(vm, e, &PyStr::value(path.as_str())))?;
    let mut names = Vec::new();
    for entry in read {
        let entry = entry.map_err(|e| os_err(vm, e, &PyStr::value(path.as_str())))?;
        names.push(PyStr::value(
            entry.file_name().to_string_lossy().into_owned(),
        ));
    }
    Ok(Value::obj(Object::List(GilCell::new(names))))
}

fn mkdir(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let [path, mode] = args::parse("mkdir", ["path", "mode"], 1, args, kwargs)?;
    let shown = path.unwrap_or(Value::None);
    let path = args::path(vm, "mkdir", &shown, args::PathKind::Plain)?;
    let mode = match mode {
        Some(m) => args::int(vm, &m)?,
        None => 0o777,
    };
    std::fs::DirBuilder::new()
        .mode(mode as u32)
        .create(&path)
        .map_err(|e| os_err(vm, e, &shown))?;
    Ok(Value::None)
}

fn rmdir(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let (path, shown) = one_path(vm, "rmdir", args, kwargs)?;
    std::fs::remove_dir(&path).map_err(|e| os_err(vm, e, &shown))?;
    Ok(Value::None)
}

fn remove_file(vm: &mut Vm, func: &str, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let (path, shown) = one_path(vm, func, args, kwargs)?;
    std::fs::remove_file(&path).map_err(|e| os_err(vm, e, &shown))?;
    Ok(Value::None)
}

fn remove(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    remove_file(vm, "remove", args, kwargs)
}

fn unlink(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    remove_file(vm, "unlink", args, kwargs)
}

fn move_path(vm: &mut Vm, func: &str, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let [src, dst] = args::parse(func, ["src", "dst"], 2, args, kwargs)?;
    let (src, dst) = (src.unwrap_or(Value::None), dst.unwrap_or(Value::None));
    let from = args::path(vm, func, &src, args::PathKind::Plain)?;
    let to = args::path(vm, func, &dst, args::PathKind::Plain)?;
    std::fs::rename(&from, &to).map_err(|e| os_error::from_io(vm, &e, Some(src), Some(dst)))?;
    Ok(Value::None)
}

fn rename(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    move_path(vm, "rename", args, kwargs)
}

fn replace(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    move_path(vm, "replace", args, kwargs)
}

fn stat_result_class(vm: &mut Vm) -> PyResult<Obj> {
    let module = import::import_module(vm, "posix")?;
    match attr::get(vm, &module, "stat_result")? {
        Value::Obj(c) if matches!(c.get(), Object::Class(_)) => Ok(c),
        _ => Err(Raise::type_error("os.stat_result is not a class")),
    }
}

fn stat_value(vm: &mut Vm, meta: &std::fs::Metadata) -> PyResult<Value> {
    let class = stat_result_class(vm)?;
    let int = |n: i64| Value::Int(n);
    let times = [
        (meta.atime(), meta.atime_nsec()),
        (meta.mtime(), meta.mtime_nsec()),
        (meta.ctime(), meta.ctime_nsec()),
    ];
    let mut seq = vec![
        int(meta.mode() as i64),
        int(meta.ino() as i64),
        int(meta.dev() as i64),
        int(meta.nlink() as i64),
        int(meta.uid() as i64),
        int(meta.gid() as i64),
        int(meta.size() as i64),
    ];
    seq.extend(times.iter().map(|&(s, _)| int(s)));
    let mut extra: Vec<(&str, Value)> = Vec::new();
    for (name, &(s, ns)) in STAT_EXTRA[..3].iter().zip(&times) {
        extra.push((name, Value::Float(s as f64 + ns as f64 * 1e-9)));
    }
    for (name, &(s, ns)) in STAT_EXTRA[3..6].iter().zip(&times) {
        extra.push((
            name,
            int(s.saturating_mul(1_000_000_000).saturating_add(ns)),
        ));
    }
    extra.push(("st_blksize", int(meta.blksize() as i64)));
    extra.push(("st_blocks", int(meta.blocks() as i64)));
    extra.push(("st_rdev", int(meta.rdev() as i64)));
    Ok(structseq::make(vm, &class, seq, extra))
}

fn stat(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let (path, shown) = one_path(vm, "stat", args, kwargs)?;
    let meta = std::fs::metadata(&path).map_err(|e| os_err(vm, e, &shown))?;
    stat_value(vm, &meta)
}

fn lstat(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let (path, shown) = one_path(vm, "lstat", args, kwargs)?;
    let meta = std::fs::symlink_metadata(&path).map_err(|e| os_err(vm, e, &shown))?;
    stat_value(vm, &meta)
}

fn readlink(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let (path, shown) = one_path(vm, "readlink", args, kwargs)?;
    let target = std::fs::read_link(&path).map_err(|e| os_err(vm, e, &shown))?;
    Ok(PyStr::value(target.to_string_lossy().into_owned()))
}

fn getpid(_vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    args::parse("posix.getpid", [], 0, args, kwargs)?;
    Ok(Value::Int(std::process::id() as i64))
}

/// `os.kill(pid, signal)`.
fn kill(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let [pid, signum] = args::parse("kill", ["pid", "signal"], 2, args, kwargs)?;
    let pid = args::int(vm, &pid.unwrap_or(Value::None))?;
    let signum = args::int(vm, &signum.unwrap_or(Value::None))?;
    let (Ok(pid), Ok(signum)) = (i32::try_from(pid), i32::try_from(signum)) else {
        return Err(Raise::new(
            gilt_vm::exc::ExcKind::OverflowError,
            "signed integer is greater than maximum",
        ));
    };
    if let Err(errno) = gilt_vm::signals::kill(pid, signum) {
        return Err(gilt_vm::builtins::os_error::from_errno(
            vm, errno, None, None,
        ));
    }
    // A signal sent to this very process is handled before kill returns.
    if vm.main_thread && gilt_vm::signals::pending() {
        gilt_vm::eval::breaker::run_signal_handlers(vm)?;
    }
    Ok(Value::None)
}

fn getppid(_vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    args::parse("posix.getppid", [], 0, args, kwargs)?;
    Ok(Value::Int(std::os::unix::process::parent_id() as i64))
}

fn cpu_count(_vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    args::parse("posix.cpu_count", [], 0, args, kwargs)?;
    Ok(match std::thread::available_parallelism() {
        Ok(n) => Value::Int(n.get() as i64),
        Err(_) => Value::None,
    })
}

/// An environment variable name or value, refused where the C library
/// would misread it.
fn env_text(vm: &Vm, func: &str, v: &Value, is_name: bool) -> PyResult<String> {
    let text = match v.as_object() {
        Some(Object::Str(s)) => s.text.to_string(),
        _ => {
            return Err(Raise::type_error(format!(
                "{func}() argument {} must be str, not {}",
                if is_name { 1 } else { 2 },
                attr::type_name(vm, v)
            )))
        }
    };
    if text.contains('\0') {
        return Err(Raise::value_error("embedded null character"));
    }
    if is_name && (text.is_empty() || text.contains('=')) {
        return Err(Raise::value_error("illegal environment variable name"));
    }
    Ok(text)
}

fn putenv(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let [name, value] = args::parse("putenv", ["name", "value"], 2, args, kwargs)?;
    let name = env_text(vm, "putenv", &name.unwrap_or(Value::None), true)?;
    let value = env_text(vm, "putenv", &value.unwrap_or(Value::None), false)?;
    std::env::set_var(name, value);
    Ok(Value::None)
}

fn unsetenv(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let [name] = args::parse("unsetenv", ["name"], 1, args, kwargs)?;
    let name = env_text(vm, "unsetenv", &name.unwrap_or(Value::None), true)?;
    std::env::remove_var(name);
    Ok(Value::None)
}

fn urandom(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let [size] = args::parse("posix.urandom", ["size"], 1, args, kwargs)?;
    let size = args::int(vm, &size.unwrap_or(Value::None))?;
    if size < 0 {
        return Err(Raise::value_error("negative argument not allowed"));
    }
    let mut buf = vec![0u8; size as usize];
    use std::io::Read;
    let read = std::fs::File::open("/dev/urandom").and_then(|mut f| f.read_exact(&mut buf));
    read.map_err(|e| os_error::from_io(vm, &e, None, None))?;
    Ok(Value::obj(Object::Bytes(buf.into())))
}

fn strerror(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let [code] = args::parse("posix.strerror", ["code"], 1, args, kwargs)?;
    let code = args::int(vm, &code.unwrap_or(Value::None))?;
    Ok(PyStr::value(os_error::strerror(code as i32)))
}
