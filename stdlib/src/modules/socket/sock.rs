//! The `_socket.socket` class: a descriptor with a timeout.
//!
//! Every descriptor is non-blocking at the OS level; a blocking socket or one
//! with a timeout waits for readiness in [`super::wait`] with the GIL released
//! and retries, so Ctrl-C and other threads run while it waits.

use super::addr::{self, Addr};
use super::{fds, wait};
use crate::args::{self, Kw};
use gilt_vm::builtins::os_error::from_errno;
use gilt_vm::eval::attr;
use gilt_vm::exc::{ExcKind, PyResult, Raise};
use gilt_vm::interp::Vm;
use gilt_vm::object::{Native, Object};
use gilt_vm::value::{Obj, Value};
use parking_lot::Mutex;
use rustix::event::PollFlags;
use rustix::fd::{AsRawFd, OwnedFd};
use rustix::io::Errno;
use rustix::net::{self as net, RecvFlags, SendFlags};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// A socket's state, shared with threads that wait on it.
pub struct Sock {
    fd: Mutex<Option<Arc<OwnedFd>>>,
    pub family: i32,
    pub kind: i32,
    pub proto: i32,
    /// None: blocking; zero: non-blocking; else the timeout.
    timeout: Mutex<Option<Duration>>,
}

/// The default timeout of new sockets (`setdefaulttimeout`).
pub static DEFAULT_TIMEOUT: Mutex<Option<Duration>> = Mutex::new(None);

impl Sock {
    /// A socket over `fd`, made non-blocking at the OS level.
    pub fn new(fd: Arc<OwnedFd>, family: i32, kind: i32, proto: i32) -> Sock {
        let _ = rustix::io::ioctl_fionbio(&*fd, true);
        Sock {
            fd: Mutex::new(Some(fd)),
            family,
            kind,
            proto,
            timeout: Mutex::new(*DEFAULT_TIMEOUT.lock()),
        }
    }

    /// The open descriptor; EBADF once closed.
    pub fn sock_fd(&self, vm: &mut Vm) -> PyResult<Arc<OwnedFd>> {
        let fd = self.fd.lock().clone();
        fd.ok_or_else(|| from_errno(vm, 9, None, None))
    }

    /// The descriptor's number, -1 once closed.
    pub fn fileno(&self) -> i64 {
        self.fd
            .lock()
            .as_ref()
            .map_or(-1, |fd| fd.as_raw_fd() as i64)
    }
}

/// A new socket object of `class`.
pub fn value(class: Obj, sock: Sock) -> Value {
    Native::value(class, sock)
}

/// The `Sock` behind `self` (args[0]).
pub fn this<'a>(vm: &Vm, args: &'a [Value], method: &str) -> PyResult<&'a Sock> {
    match args.first().and_then(Value::as_object) {
        Some(Object::Native(n)) => n.data::<Sock>(),
        _ => None,
    }
    .ok_or_else(|| attr::wrong_receiver(vm, method, "_socket.socket", args))
}

/// The OSError for a failed call.
pub fn os_error(vm: &mut Vm, e: Errno) -> Raise {
    from_errno(vm, e.raw_os_error(), None, None)
}

/// `TimeoutError('timed out')`.
pub fn timed_out(vm: &mut Vm) -> Raise {
    let class = Value::Obj(vm.interp.exceptions["TimeoutError"].clone());
    let msg = gilt_vm::object::PyStr::value("timed out");
    match gilt_vm::eval::call::call(vm, &class, vec![msg], Vec::new()) {
        Ok(exc) => Raise::Object(exc),
        Err(e) => e,
    }
}

/// Run `op` until it stops saying "would block", waiting for `events` in
/// between as the socket's timeout allows.
pub fn io<T>(
    vm: &mut Vm,
    sock: &Sock,
    events: PollFlags,
    mut op: impl FnMut(&OwnedFd) -> rustix::io::Result<T>,
) -> PyResult<T> {
    let fd = sock.sock_fd(vm)?;
    let timeout = *sock.timeout.lock();
    let deadline = timeout.map(|t| Instant::now() + t);
    loop {
        match op(&fd) {
            Ok(v) => return Ok(v),
            Err(Errno::INTR) => continue,
            Err(Errno::AGAIN) if timeout != Some(Duration::ZERO) => {}
            Err(e) => return Err(os_error(vm, e)),
        }
        let ready = match wait::wait(vm, &[(fd.clone(), events)], deadline)? {
            Ok(r) => r,
            Err(errno) => return Err(from_errno(vm, errno, None, None)),
        };
        if ready[0].is_empty() {
            return Err(timed_out(vm));
        }
    }
}

fn flags_arg(vm: &Vm, v: Option<Value>) -> PyResult<u32> {
    Ok(match v {
        Some(f) => args::int(vm, &f)? as u32,
        None => 0,
    })
}

fn bufsize(vm: &Vm, v: Option<Value>, func: &str) -> PyResult<usize> {
    let n = args::int(vm, &v.unwrap_or(Value::None))?;
    if n < 0 {
        return Err(Raise::value_error(format!("negative buffersize in {func}")));
    }
    Ok(n as usize)
}

/// The data argument of send/sendall/sendto.
fn data(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    match gilt_vm::object::bytes::as_bytes(&vm.gil, v) {
        Some(b) => Ok(b.to_vec()),
        None => Err(Raise::type_error(format!(
            "a bytes-like object is required, not '{}'",
            attr::type_name(vm, v)
        ))),
    }
}

pub fn bind(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let s = this(vm, args, "bind")?;
    let [address] = args::parse("bind", ["address"], 1, &args[1..], kwargs)?;
    let a = addr::from_value(vm, "bind", s.family, &address.unwrap_or(Value::None))?;
    let fd = s.sock_fd(vm)?;
    let r = match &a {
        Addr::Ip(ip) => net::bind(&*fd, ip),
        Addr::Unix(u) => net::bind(&*fd, u),
    };
    r.map_err(|e| os_error(vm, e))?;
    Ok(Value::None)
}

pub fn listen(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let s = this(vm, args, "listen")?;
    let [backlog] = args::parse("listen", ["backlog"], 0, &args[1..], kwargs)?;
    let backlog = match backlog {
        Some(b) => args::int(vm, &b)?.clamp(0, i32::MAX as i64) as i32,
        // CPython's default: SOMAXCONN capped at 128.
        None => 128,
    };
    let fd = s.sock_fd(vm)?;
    net::listen(&*fd, backlog).map_err(|e| os_error(vm, e))?;
    Ok(Value::None)
}

/// `_accept()`: (new socket object, address).
pub fn accept(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let s = this(vm, args, "_accept")?;
    args::parse("_accept", [], 0, &args[1..], kwargs)?;
    let (fd, peer) = io(vm, s, PollFlags::IN, |fd| {
        net::acceptfrom_with(fd, net::SocketFlags::CLOEXEC)
    })?;
    let class = attr::class_of(vm, &args[0]);
    let sock = Sock::new(fds::add(fd), s.family, s.kind, s.proto);
    // An accepted socket inherits the default timeout, not the listener's.
    let conn = value(class, sock);
    Ok(addr::tuple(vec![conn, addr::to_value(peer)]))
}

/// Connect; the error number when `ex` (connect_ex), else raise.
fn connect_impl(vm: &mut Vm, args: &[Value], kwargs: &Kw, func: &str) -> PyResult<i32> {
    let s = this(vm, args, func)?;
    let [address] = args::parse(func, ["address"], 1, &args[1..], kwargs)?;
    let a = addr::from_value(vm, func, s.family, &address.unwrap_or(Value::None))?;
    let Some(fd) = s.fd.lock().clone() else {
        return Ok(9); // EBADF: connect_ex reports it, connect raises it
    };
    let r = match &a {
        Addr::Ip(ip) => net::connect(&*fd, ip),
        Addr::Unix(u) => net::connect(&*fd, u),
    };
    let timeout = *s.timeout.lock();
    match r {
        Ok(()) => return Ok(0),
        Err(Errno::INPROGRESS) if timeout != Some(Duration::ZERO) => {}
        Err(e) => return Ok(e.raw_os_error()),
    }
    let deadline = timeout.map(|t| Instant::now() + t);
    let ready = match wait::wait(vm, &[(fd.clone(), PollFlags::OUT)], deadline)? {
        Ok(r) => r,
        Err(errno) => return Ok(errno),
    };
    if ready[0].is_empty() {
        return Err(timed_out(vm));
    }
    match net::sockopt::socket_error(&*fd) {
        Ok(Ok(())) => Ok(0),
        Ok(Err(e)) | Err(e) => Ok(e.raw_os_error()),
    }
}

pub fn connect(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    match connect_impl(vm, args, kwargs, "connect")? {
        0 => Ok(Value::None),
        errno => Err(from_errno(vm, errno, None, None)),
    }
}

pub fn connect_ex(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    Ok(Value::Int(
        connect_impl(vm, args, kwargs, "connect_ex")? as i64
    ))
}

pub fn send(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let s = this(vm, args, "send")?;
    let [d, flags] = args::parse("send", ["data", "flags"], 1, &args[1..], kwargs)?;
    let d = data(vm, &d.unwrap_or(Value::None))?;
    let flags = SendFlags::from_bits_retain(flags_arg(vm, flags)?) | SendFlags::NOSIGNAL;
    let n = io(vm, s, PollFlags::OUT, |fd| net::send(fd, &d, flags))?;
    Ok(Value::Int(n as i64))
}

pub fn sendall(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let s = this(vm, args, "sendall")?;
    let [d, flags] = args::parse("sendall", ["data", "flags"], 1, &args[1..], kwargs)?;
    let d = data(vm, &d.unwrap_or(Value::None))?;
    let flags = SendFlags::from_bits_retain(flags_arg(vm, flags)?) | SendFlags::NOSIGNAL;
    let mut sent = 0;
    while sent < d.len() {
        sent += io(vm, s, PollFlags::OUT, |fd| net::send(fd, &d[sent..], flags))?;
    }
    Ok(Value::None)
}

pub fn sendto(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let s = this(vm, args, "sendto")?;
    if !kwargs.is_empty() {
        return Err(Raise::type_error("sendto() takes no keyword arguments"));
    }
    let (d, flags, address) = match &args[1..] {
        [d, a] => (d, None, a),
        [d, f, a] => (d, Some(f.clone()), a),
        rest => {
            return Err(Raise::type_error(format!(
                "sendto() takes 2 or 3 arguments ({} given)",
                rest.len()
            )))
        }
    };
    let d = data(vm, d)?;
    let flags = SendFlags::from_bits_retain(flags_arg(vm, flags)?) | SendFlags::NOSIGNAL;
    let a = addr::from_value(vm, "sendto", s.family, address)?;
    let n = io(vm, s, PollFlags::OUT, |fd| match &a {
        Addr::Ip(ip) => net::sendto(fd, &d, flags, ip),
        Addr::Unix(u) => net::sendto(fd, &d, flags, u),
    })?;
    Ok(Value::Int(n as i64))
}

pub fn recv(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let s = this(vm, args, "recv")?;
    let [n, flags] = args::parse("recv", ["bufsize", "flags"], 1, &args[1..], kwargs)?;
    let n = bufsize(vm, n, "recv")?;
    let flags = RecvFlags::from_bits_retain(flags_arg(vm, flags)?);
    let mut buf = vec![0u8; n];
    let got = io(vm, s, PollFlags::IN, |fd| {
        net::recv(fd, &mut buf[..], flags).map(|(_, got)| got)
    })?;
    buf.truncate(got.min(n));
    Ok(gilt_vm::object::bytes::new_bytes(buf))
}

pub fn recv_into(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let s = this(vm, args, "recv_into")?;
    let [target, nbytes, flags] = args::parse(
        "recv_into",
        ["buffer", "nbytes", "flags"],
        1,
        &args[1..],
        kwargs,
    )?;
    let target = target.unwrap_or(Value::None);
    let Some(Object::ByteArray(cell)) = target.as_object() else {
        return Err(Raise::type_error(format!(
            "recv_into() argument 'buffer' must be read-write bytes-like object, not {}",
            attr::type_name(vm, &target)
        )));
    };
    let room = cell.get(&vm.gil).len();
    let n = match nbytes {
        Some(v) => {
            let n = args::int(vm, &v)?;
            if n < 0 {
                return Err(Raise::value_error("negative buffersize in recv_into"));
            }
            if n as usize > room {
                return Err(Raise::value_error("buffer too small for requested bytes"));
            }
            if n == 0 {
                room
            } else {
                n as usize
            }
        }
        None => room,
    };
    let flags = RecvFlags::from_bits_retain(flags_arg(vm, flags)?);
    let mut buf = vec![0u8; n];
    let got = io(vm, s, PollFlags::IN, |fd| {
        net::recv(fd, &mut buf[..], flags).map(|(_, got)| got)
    })?
    .min(n);
    let dest = cell.get_mut(&mut vm.gil);
    let end = got.min(dest.len());
    dest[..end].copy_from_slice(&buf[..end]);
    Ok(Value::Int(end as i64))
}

pub fn recvfrom(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let s = this(vm, args, "recvfrom")?;
    let [n, flags] = args::parse("recvfrom", ["bufsize", "flags"], 1, &args[1..], kwargs)?;
    let n = bufsize(vm, n, "recvfrom")?;
    let flags = RecvFlags::from_bits_retain(flags_arg(vm, flags)?);
    let mut buf = vec![0u8; n];
    let (got, from) = io(vm, s, PollFlags::IN, |fd| {
        net::recvfrom(fd, &mut buf[..], flags).map(|(_, got, from)| (got, from))
    })?;
    buf.truncate(got.min(n));
    Ok(addr::tuple(vec![
        gilt_vm::object::bytes::new_bytes(buf),
        addr::to_value(from),
    ]))
}

pub fn shutdown(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let s = this(vm, args, "shutdown")?;
    let [how] = args::parse("shutdown", ["how"], 1, &args[1..], kwargs)?;
    let how = match args::int(vm, &how.unwrap_or(Value::None))? {
        0 => net::Shutdown::Read,
        1 => net::Shutdown::Write,
        2 => net::Shutdown::Both,
        _ => return Err(from_errno(vm, 22, None, None)),
    };
    let fd = s.sock_fd(vm)?;
    net::shutdown(&*fd, how).map_err(|e| os_error(vm, e))?;
    Ok(Value::None)
}

pub fn close(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let s = this(vm, args, "close")?;
    args::parse("close", [], 0, &args[1..], kwargs)?;
    s.fd.lock().take();
    Ok(Value::None)
}

pub fn detach(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let s = this(vm, args, "detach")?;
    args::parse("detach", [], 0, &args[1..], kwargs)?;
    let fd = s.fd.lock().take();
    Ok(Value::Int(match fd {
        Some(fd) => {
            let n = fd.as_raw_fd() as i64;
            fds::detach(fd);
            n
        }
        None => -1,
    }))
}

/// `dup()`: a new socket object over a duplicate of the descriptor.
pub fn dup(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let s = this(vm, args, "dup")?;
    args::parse("dup", [], 0, &args[1..], kwargs)?;
    let fd = s.sock_fd(vm)?;
    let copy = rustix::io::fcntl_dupfd_cloexec(&*fd, 0).map_err(|e| os_error(vm, e))?;
    let class = attr::class_of(vm, &args[0]);
    let sock = Sock::new(fds::add(copy), s.family, s.kind, s.proto);
    *sock.timeout.lock() = *s.timeout.lock();
    Ok(value(class, sock))
}

pub fn fileno(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let s = this(vm, args, "fileno")?;
    args::parse("fileno", [], 0, &args[1..], kwargs)?;
    Ok(Value::Int(s.fileno()))
}

/// The numbers of `self`: family, type, proto (for the Python wrapper).
pub fn kind(vm: &mut Vm, args: &[Value], _kwargs: &Kw) -> PyResult<Value> {
    let s = this(vm, args, "_kind")?;
    Ok(addr::tuple(vec![
        Value::Int(s.family as i64),
        Value::Int(s.kind as i64),
        Value::Int(s.proto as i64),
    ]))
}

/// A timeout argument: None, or a non-negative number of seconds.
pub fn timeout_arg(vm: &Vm, v: &Value) -> PyResult<Option<Duration>> {
    if let Value::None = v {
        return Ok(None);
    }
    let secs = match v {
        Value::Float(_) | Value::Int(_) | Value::Bool(_) => args::float(vm, v)?,
        _ => {
            return Err(Raise::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                attr::type_name(vm, v)
            )))
        }
    };
    if secs.is_nan() {
        return Err(Raise::value_error("Invalid value NaN (not a number)"));
    }
    if secs < 0.0 {
        return Err(Raise::value_error("Timeout value out of range"));
    }
    Duration::try_from_secs_f64(secs)
        .map(Some)
        .map_err(|_| Raise::new(ExcKind::OverflowError, "timeout doesn't fit into C timeval"))
}

fn timeout_value(t: Option<Duration>) -> Value {
    match t {
        None => Value::None,
        Some(d) => Value::Float(d.as_secs_f64()),
    }
}

pub fn settimeout(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let s = this(vm, args, "settimeout")?;
    let [t] = args::parse("settimeout", ["value"], 1, &args[1..], kwargs)?;
    *s.timeout.lock() = timeout_arg(vm, &t.unwrap_or(Value::None))?;
    Ok(Value::None)
}

pub fn gettimeout(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let s = this(vm, args, "gettimeout")?;
    args::parse("gettimeout", [], 0, &args[1..], kwargs)?;
    Ok(timeout_value(*s.timeout.lock()))
}

pub fn setblocking(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let s = this(vm, args, "setblocking")?;
    let [flag] = args::parse("setblocking", ["flag"], 1, &args[1..], kwargs)?;
    let flag = gilt_vm::eval::ops::truthy(vm, &flag.unwrap_or(Value::None))?;
    *s.timeout.lock() = if flag { None } else { Some(Duration::ZERO) };
    Ok(Value::None)
}

pub fn getblocking(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let s = this(vm, args, "getblocking")?;
    args::parse("getblocking", [], 0, &args[1..], kwargs)?;
    Ok(Value::Bool(*s.timeout.lock() != Some(Duration::ZERO)))
}

pub fn getsockname(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let s = this(vm, args, "getsockname")?;
    args::parse("getsockname", [], 0, &args[1..], kwargs)?;
    let fd = s.sock_fd(vm)?;
    let a = net::getsockname(&*fd).map_err(|e| os_error(vm, e))?;
    Ok(addr::to_value(Some(a)))
}

pub fn getpeername(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let s = this(vm, args, "getpeername")?;
    args::parse("getpeername", [], 0, &args[1..], kwargs)?;
    let fd = s.sock_fd(vm)?;
    let a = net::getpeername(&*fd).map_err(|e| os_error(vm, e))?;
    Ok(addr::to_value(a))
}
