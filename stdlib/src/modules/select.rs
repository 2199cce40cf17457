//! `select`: `select.select` and `select.poll` over `poll(2)`, waiting with
//! the GIL released (see `socket::wait`).

use crate::args::{self, Kw};
use crate::class::{new_class, Member};
use crate::modules::socket::{fds, wait};
use gilt_vm::builtins::import;
use gilt_vm::builtins::os_error::from_errno;
use gilt_vm::eval::{attr, call, iter};
use gilt_vm::exc::{ExcKind, PyResult, Raise};
use gilt_vm::interp::Vm;
use gilt_vm::object::{Native, Object};
use gilt_vm::value::Value;
use parking_lot::Mutex;
use rustix::event::PollFlags;
use rustix::fd::OwnedFd;
use std::sync::Arc;
use std::time::{Duration, Instant};

const POLLIN: i64 = 0x001;
const POLLPRI: i64 = 0x002;
const POLLOUT: i64 = 0x004;

/// Fill the `select` module.
pub fn init(vm: &mut Vm, module: &Value) -> PyResult<()> {
    import::add_functions(vm, module, &[("select", select), ("poll", poll_new)]);
    let constants: &[(&str, i64)] = &[
        ("POLLIN", POLLIN),
        ("POLLPRI", POLLPRI),
        ("POLLOUT", POLLOUT),
        ("POLLERR", 0x008),
        ("POLLHUP", 0x010),
        ("POLLNVAL", 0x020),
        ("POLLRDNORM", 0x040),
        ("POLLRDBAND", 0x080),
        ("POLLWRNORM", 0x100),
        ("POLLWRBAND", 0x200),
        ("POLLMSG", 0x400),
        ("POLLRDHUP", 0x2000),
        ("PIPE_BUF", 4096),
    ];
    for (name, value) in constants {
        import::set_attr(vm, module, name, Value::Int(*value));
    }
    let error = Value::Obj(vm.interp.exceptions["OSError"].clone());
    import::set_attr(vm, module, "error", error);
    let poll = new_class(
        vm,
        "select",
        "poll",
        vec![
            ("register", Member::Method(poll_register)),
            ("modify", Member::Method(poll_modify)),
            ("unregister", Member::Method(poll_unregister)),
            ("poll", Member::Method(poll_poll)),
        ],
    )?;
    import::set_attr(vm, module, POLL_CLASS, Value::Obj(poll));
    Ok(())
}

/// The hidden module attribute holding the poll class.
const POLL_CLASS: &str = "__gilt_poll_class__";

/// The descriptor number of `v`: an int, or what its `fileno()` returns.
fn fd_of(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    let n = match v {
        Value::Int(_) | Value::Bool(_) => args::int(vm, v)?,
        _ => {
            let Ok(method) = attr::get(vm, v, "fileno") else {
                return Err(Raise::type_error(
                    "argument must be an int, or have a fileno() method.",
                ));
            };
            let r = call::call(vm, &method, Vec::new(), Vec::new())?;
            match r {
                Value::Int(_) | Value::Bool(_) => args::int(vm, &r)?,
                _ => return Err(Raise::type_error("fileno() returned a non-integer")),
            }
        }
    };
    if n < 0 {
        return Err(Raise::value_error(format!(
            "file descriptor cannot be a negative integer ({n})"
        )));
    }
    i32::try_from(n).map_err(|_| Raise::new(ExcKind::OverflowError, "fd is greater than maximum"))
}

/// The open descriptor numbered `n`, EBADF if there is none.
fn open_fd(vm: &mut Vm, n: i32) -> PyResult<Arc<OwnedFd>> {
    fds::any(n).ok_or_else(|| from_errno(vm, 9, None, None))
}

/// Wait for `fds` with the deadline, raising OS errors.
fn wait_all(
    vm: &mut Vm,
    fds: &[(Arc<OwnedFd>, PollFlags)],
    timeout: Option<Duration>,
) -> PyResult<Vec<PollFlags>> {
    let deadline = timeout.map(|t| Instant::now() + t);
    match wait::wait(vm, fds, deadline)? {
        Ok(r) => Ok(r),
        Err(errno) => Err(from_errno(vm, errno, None, None)),
    }
}

/// `select(rlist, wlist, xlist, timeout=None)`.
fn select(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    if !kwargs.is_empty() {
        return Err(Raise::type_error("select() takes no keyword arguments"));
    }
    if !(3..=4).contains(&args.len()) {
        return Err(Raise::type_error(format!(
            "select expected at {} 3 arguments, got {}",
            if args.len() < 3 { "least" } else { "most" },
            args.len()
        )));
    }
    let timeout = match args.get(3) {
        None | Some(Value::None) => None,
        Some(v @ (Value::Int(_) | Value::Bool(_) | Value::Float(_))) => {
            let secs = args::float(vm, v)?;
            if secs.is_nan() {
                return Err(Raise::value_error("Invalid value NaN (not a number)"));
            }
            if secs < 0.0 {
                return Err(Raise::value_error("timeout must be non-negative"));
            }
            Some(Duration::try_from_secs_f64(secs).map_err(|_| {
                Raise::new(ExcKind::OverflowError, "timeout doesn't fit into C timeval")
            })?)
        }
        Some(_) => return Err(Raise::type_error("timeout must be a float or None")),
    };
    let masks = [
        PollFlags::IN | PollFlags::HUP | PollFlags::ERR,
        PollFlags::OUT | PollFlags::ERR,
        PollFlags::PRI,
    ];
    let asked = [PollFlags::IN, PollFlags::OUT, PollFlags::PRI];
    let mut lists: Vec<Vec<Value>> = Vec::new();
    let mut polled = Vec::new();
    let mut owners = Vec::new();
    for (which, list) in args[..3].iter().enumerate() {
        let items = iter::collect(vm, list)
            .map_err(|_| Raise::type_error("arguments 1-3 must be sequences"))?;
        for (i, item) in items.iter().enumerate() {
            let n = fd_of(vm, item)?;
            polled.push((open_fd(vm, n)?, asked[which]));
            owners.push((which, i));
        }
        lists.push(items);
    }
    let ready = wait_all(vm, &polled, timeout)?;
    let mut out: [Vec<Value>; 3] = Default::default();
    for ((which, i), events) in owners.into_iter().zip(ready) {
        if events.intersects(masks[which]) {
            out[which].push(lists[which][i].clone());
        }
    }
    let [r, w, x] = out;
    let list = |v: Vec<Value>| Value::obj(Object::List(gilt_vm::gil::GilCell::new(v)));
    Ok(Value::obj(Object::Tuple(
        vec![list(r), list(w), list(x)].into(),
    )))
}

/// A poll object: registered descriptors with their event masks, in order.
#[derive(Default)]
struct Poll {
    fds: Mutex<Vec<(i32, u16)>>,
}

fn poll_new(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    args::parse("poll", [], 0, args, kwargs)?;
    let module = import::import_module(vm, "select")?;
    let class = import::module::namespace(&module)
        .and_then(|d| d.get(&vm.gil).get_str(POLL_CLASS).cloned());
    match class {
        Some(Value::Obj(class)) => Ok(Native::value(class, Poll::default())),
        _ => Err(Raise::new(
            ExcKind::RuntimeError,
            "select is not initialised",
        )),
    }
}

fn this<'a>(vm: &Vm, args: &'a [Value], method: &str) -> PyResult<&'a Poll> {
    match args.first().and_then(Value::as_object) {
        Some(Object::Native(n)) => n.data::<Poll>(),
        _ => None,
    }
    .ok_or_else(|| attr::wrong_receiver(vm, method, "select.poll", args))
}

fn mask_arg(vm: &Vm, v: Option<Value>) -> PyResult<u16> {
    let Some(v) = v else {
        return Ok((POLLIN | POLLPRI | POLLOUT) as u16);
    };
    let n = args::int(vm, &v)?;
    if !(0..=0xffff).contains(&n) {
        return Err(Raise::new(
            ExcKind::OverflowError,
            if n < 0 {
                "Python int too large to convert to C unsigned short"
            } else {
                "Python int too large for C unsigned short"
            },
        ));
    }
    Ok(n as u16)
}

fn poll_register(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let p = this(vm, args, "register")?;
    let [fd, mask] = args::parse("register", ["fd", "eventmask"], 1, &args[1..], kwargs)?;
    let n = fd_of(vm, &fd.unwrap_or(Value::None))?;
    let mask = mask_arg(vm, mask)?;
    let mut fds = p.fds.lock();
    match fds.iter_mut().find(|(f, _)| *f == n) {
        Some(entry) => entry.1 = mask,
        None => fds.push((n, mask)),
    }
    Ok(Value::None)
}

fn poll_modify(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let p = this(vm, args, "modify")?;
    let [fd, mask] = args::parse("modify", ["fd", "eventmask"], 2, &args[1..], kwargs)?;
    let n = fd_of(vm, &fd.unwrap_or(Value::None))?;
    let mask = mask_arg(vm, mask)?;
    let found = match p.fds.lock().iter_mut().find(|(f, _)| *f == n) {
        Some(entry) => {
            entry.1 = mask;
            true
        }
        None => false,
    };
    if !found {
        return Err(from_errno(vm, 2, None, None));
    }
    Ok(Value::None)
}

fn poll_unregister(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let p = this(vm, args, "unregister")?;
    let [fd] = args::parse("unregister", ["fd"], 1, &args[1..], kwargs)?;
    let n = fd_of(vm, &fd.unwrap_or(Value::None))?;
    let mut fds = p.fds.lock();
    match fds.iter().position(|(f, _)| *f == n) {
        Some(i) => {
            fds.remove(i);
            Ok(Value::None)
        }
        None => {
            drop(fds);
            Err(Raise::WithValue(ExcKind::KeyError, Value::Int(n as i64)))
        }
    }
}

/// `poll(timeout=None)`: milliseconds, None or negative for no limit; a
/// list of `(fd, events)`.
fn poll_poll(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let p = this(vm, args, "poll")?;
    let [timeout] = args::parse("poll", ["timeout"], 0, &args[1..], kwargs)?;
    let timeout = match timeout {
        None | Some(Value::None) => None,
        Some(v @ (Value::Int(_) | Value::Bool(_) | Value::Float(_))) => {
            let ms = args::float(vm, &v)?;
            (ms >= 0.0).then(|| Duration::from_secs_f64(ms.ceil() / 1000.0))
        }
        Some(v) => {
            return Err(Raise::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                attr::type_name(vm, &v)
            )))
        }
    };
    let registered = p.fds.lock().clone();
    let mut polled = Vec::new();
    let mut numbers = Vec::new();
    let mut out = Vec::new();
    for (n, mask) in registered {
        match fds::any(n) {
            Some(fd) => {
                polled.push((fd, PollFlags::from_bits_retain(mask)));
                numbers.push(n);
            }
            // A closed descriptor reports POLLNVAL, as poll(2) does.
            None => out.push((n, 0x020)),
        }
    }
    let ready = if out.is_empty() {
        wait_all(vm, &polled, timeout)?
    } else {
        wait_all(vm, &polled, Some(Duration::ZERO))?
    };
    for (n, events) in numbers.into_iter().zip(ready) {
        if !events.is_empty() {
            out.push((n, events.bits()));
        }
    }
    let items = out
        .into_iter()
        .map(|(n, ev)| {
            Value::obj(Object::Tuple(
                vec![Value::Int(n as i64), Value::Int(ev as i64)].into(),
            ))
        })
        .collect();
    Ok(Value::obj(Object::List(gilt_vm::gil::GilCell::new(items))))
}
