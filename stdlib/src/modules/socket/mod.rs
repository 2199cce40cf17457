//! `_socket`: sockets over the OS's descriptors (AF_INET, AF_INET6, AF_UNIX;
//! stream and datagram), byte-order and address helpers, and the constants.
//! `socket.py` wraps the class in CPython's `socket.socket`.

mod addr;
pub mod fds;
mod options;
mod sock;
pub mod wait;

use crate::args::{self, Kw};
use crate::class::{new_class, Member};
use gilt_vm::builtins::import;
use gilt_vm::builtins::os_error::from_errno;
use gilt_vm::exc::{ExcKind, PyResult, Raise};
use gilt_vm::interp::Vm;
use gilt_vm::object::{NativeFn, Object, PyStr};
use gilt_vm::value::{Obj, Value};
use rustix::net::{self as net, AddressFamily, Protocol, SocketFlags, SocketType};
use sock::Sock;
use std::net::{Ipv4Addr, Ipv6Addr};

pub const AF_UNSPEC: i32 = 0;
pub const AF_UNIX: i32 = 1;
pub const AF_INET: i32 = 2;
pub const AF_INET6: i32 = 10;
const SOCK_STREAM: i32 = 1;
const SOCK_DGRAM: i32 = 2;
const SOCK_NONBLOCK: i32 = 0o4000;
const SOCK_CLOEXEC: i32 = 0o2000000;

/// The module's integer constants.
const CONSTANTS: &[(&str, i64)] = &[
    ("AF_UNSPEC", AF_UNSPEC as i64),
    ("AF_UNIX", AF_UNIX as i64),
    ("AF_INET", AF_INET as i64),
    ("AF_INET6", AF_INET6 as i64),
    ("SOCK_STREAM", SOCK_STREAM as i64),
    ("SOCK_DGRAM", SOCK_DGRAM as i64),
    ("SOCK_RAW", 3),
    ("SOCK_RDM", 4),
    ("SOCK_SEQPACKET", 5),
    ("SOCK_NONBLOCK", SOCK_NONBLOCK as i64),
    ("SOCK_CLOEXEC", SOCK_CLOEXEC as i64),
    ("SOL_SOCKET", options::SOL_SOCKET),
    ("SOL_IP", 0),
    ("SOL_TCP", 6),
    ("SOL_UDP", 17),
    ("SO_REUSEADDR", options::SO_REUSEADDR),
    ("SO_TYPE", options::SO_TYPE),
    ("SO_ERROR", options::SO_ERROR),
    ("SO_BROADCAST", options::SO_BROADCAST),
    ("SO_SNDBUF", options::SO_SNDBUF),
    ("SO_RCVBUF", options::SO_RCVBUF),
    ("SO_KEEPALIVE", options::SO_KEEPALIVE),
    ("SO_LINGER", 13),
    ("SO_REUSEPORT", 15),
    ("IPPROTO_IP", 0),
    ("IPPROTO_ICMP", 1),
    ("IPPROTO_TCP", options::IPPROTO_TCP),
    ("IPPROTO_UDP", 17),
    ("IPPROTO_IPV6", options::IPPROTO_IPV6),
    ("IPPROTO_RAW", 255),
    ("IPV6_V6ONLY", options::IPV6_V6ONLY),
    ("TCP_NODELAY", options::TCP_NODELAY),
    ("SHUT_RD", 0),
    ("SHUT_WR", 1),
    ("SHUT_RDWR", 2),
    ("SOMAXCONN", 4096),
    ("MSG_PEEK", 2),
    ("MSG_DONTWAIT", 0x40),
    ("MSG_WAITALL", 0x100),
    ("MSG_NOSIGNAL", 0x4000),
    ("AI_PASSIVE", 1),
    ("AI_CANONNAME", 2),
    ("AI_NUMERICHOST", 4),
    ("AI_NUMERICSERV", 0x400),
    ("NI_NUMERICHOST", 1),
    ("NI_NUMERICSERV", 2),
    ("EAI_NONAME", -2),
    ("EAI_AGAIN", -3),
    ("EAI_FAMILY", -6),
    ("EAI_SERVICE", -8),
    ("INADDR_ANY", 0),
    ("INADDR_LOOPBACK", 0x7f00_0001),
    ("INADDR_BROADCAST", 0xffff_ffff),
];

/// Fill the `_socket` module.
pub fn init(vm: &mut Vm, module: &Value) -> PyResult<()> {
    let functions: &[(&'static str, NativeFn)] = &[
        ("socketpair", socketpair),
        ("gethostname", gethostname),
        ("htons", htons),
        ("ntohs", htons),
        ("htonl", htonl),
        ("ntohl", htonl),
        ("inet_aton", inet_aton),
        ("inet_ntoa", inet_ntoa),
        ("inet_pton", inet_pton),
        ("inet_ntop", inet_ntop),
        ("getdefaulttimeout", getdefaulttimeout),
        ("setdefaulttimeout", setdefaulttimeout),
    ];
    import::add_functions(vm, module, functions);
    for (name, value) in CONSTANTS {
        import::set_attr(vm, module, name, Value::Int(*value));
    }
    let class = socket_class(vm)?;
    import::set_attr(vm, module, "socket", Value::Obj(class));
    let os_error = vm.interp.exceptions["OSError"].clone();
    for name in ["herror", "gaierror"] {
        let exc =
            gilt_vm::interp::new_class(name, std::slice::from_ref(&os_error), None, &mut vm.gil)?;
        if let Object::Class(c) = exc.get() {
            c.dict
                .get_mut(&mut vm.gil)
                .insert_str("__module__", PyStr::value("socket"));
        }
        import::set_attr(vm, module, name, Value::Obj(exc));
    }
    import::set_attr(vm, module, "error", Value::Obj(os_error));
    let timeout = Value::Obj(vm.interp.exceptions["TimeoutError"].clone());
    import::set_attr(vm, module, "timeout", timeout);
    Ok(())
}

fn socket_class(vm: &mut Vm) -> PyResult<Obj> {
    let methods: Vec<(&'static str, NativeFn)> = vec![
        ("bind", sock::bind),
        ("listen", sock::listen),
        ("_accept", sock::accept),
        ("connect", sock::connect),
        ("connect_ex", sock::connect_ex),
        ("send", sock::send),
        ("sendall", sock::sendall),
        ("sendto", sock::sendto),
        ("recv", sock::recv),
        ("recv_into", sock::recv_into),
        ("recvfrom", sock::recvfrom),
        ("shutdown", sock::shutdown),
        ("close", sock::close),
        ("detach", sock::detach),
        ("dup", sock::dup),
        ("fileno", sock::fileno),
        ("_kind", sock::kind),
        ("settimeout", sock::settimeout),
        ("gettimeout", sock::gettimeout),
        ("setblocking", sock::setblocking),
        ("getblocking", sock::getblocking),
        ("getsockname", sock::getsockname),
        ("getpeername", sock::getpeername),
        ("setsockopt", options::setsockopt),
        ("getsockopt", options::getsockopt),
    ];
    let mut members: Vec<(&'static str, Member)> = methods
        .into_iter()
        .map(|(name, f)| (name, Member::Method(f)))
        .collect();
    members.push(("__new__", Member::Function(socket_new)));
    new_class(vm, "_socket", "socket", members)
}

/// The gaierror `[Errno code] msg`.
pub fn gaierror(vm: &mut Vm, code: i32, msg: &str) -> Raise {
    let class = import::import_module(vm, "_socket").ok().and_then(|m| {
        import::module::namespace(&m).and_then(|d| d.get(&vm.gil).get_str("gaierror").cloned())
    });
    let Some(class) = class else {
        return Raise::new(ExcKind::OSError, msg);
    };
    let args = vec![Value::Int(code as i64), PyStr::value(msg)];
    match gilt_vm::eval::call::call(vm, &class, args, Vec::new()) {
        Ok(exc) => Raise::Object(exc),
        Err(e) => e,
    }
}

/// An optional int argument, `default` when missing.
fn int_or(vm: &Vm, v: Option<Value>, default: i64) -> PyResult<i64> {
    match v {
        None => Ok(default),
        Some(v) => args::int(vm, &v),
    }
}

/// A new descriptor for (family, type, proto).
fn open(vm: &mut Vm, family: i32, kind: i32, proto: i32) -> PyResult<rustix::fd::OwnedFd> {
    let flags = SocketFlags::CLOEXEC;
    let protocol = std::num::NonZeroU32::new(proto as u32).map(Protocol::from_raw);
    let kind = SocketType::from_raw((kind & !(SOCK_NONBLOCK | SOCK_CLOEXEC)) as u32);
    net::socket_with(
        AddressFamily::from_raw(family as u16),
        kind,
        flags,
        protocol,
    )
    .map_err(|e| sock::os_error(vm, e))
}

/// `socket(family=-1, type=-1, proto=-1, fileno=None)`.
fn socket_new(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let Some(Value::Obj(cls)) = args.first().cloned() else {
        return Err(Raise::type_error("socket.__new__(): not enough arguments"));
    };
    let [family, kind, proto, fileno] = args::parse(
        "socket",
        ["family", "type", "proto", "fileno"],
        0,
        &args[1..],
        kwargs,
    )?;
    let family = int_or(vm, family, -1)? as i32;
    let kind = int_or(vm, kind, -1)? as i32;
    let proto = int_or(vm, proto, -1)? as i32;
    let sock = match fileno {
        Some(v) if !matches!(v, Value::None) => {
            let n = args::int(vm, &v)?;
            if n < 0 {
                return Err(Raise::value_error("negative file descriptor"));
            }
            let Some(fd) = fds::lookup(n as i32, true) else {
                return Err(from_errno(vm, 9, None, None));
            };
            let family = if family == -1 {
                net::sockopt::socket_domain(&*fd).map_or(AF_INET, |f| f.as_raw() as i32)
            } else {
                family
            };
            let kind = if kind == -1 {
                net::sockopt::socket_type(&*fd).map_or(SOCK_STREAM, |t| t.as_raw() as i32)
            } else {
                kind
            };
            Sock::new(fd, family, kind, proto.max(0))
        }
        _ => {
            let family = if family == -1 { AF_INET } else { family };
            let kind = if kind == -1 { SOCK_STREAM } else { kind };
            let proto = proto.max(0);
            let fd = open(vm, family, kind, proto)?;
            Sock::new(
                fds::add(fd),
                family,
                kind & !(SOCK_NONBLOCK | SOCK_CLOEXEC),
                proto,
            )
        }
    };
    Ok(sock::value(cls, sock))
}

/// `socketpair(family=AF_UNIX, type=SOCK_STREAM, proto=0)`: two connected
/// `_socket.socket` objects.
fn socketpair(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let [family, kind, proto] =
        args::parse("socketpair", ["family", "type", "proto"], 0, args, kwargs)?;
    let family = int_or(vm, family, AF_UNIX as i64)? as i32;
    let kind = int_or(vm, kind, SOCK_STREAM as i64)? as i32;
    let proto = int_or(vm, proto, 0)? as i32;
    let protocol = std::num::NonZeroU32::new(proto as u32).map(Protocol::from_raw);
    let (a, b) = net::socketpair(
        AddressFamily::from_raw(family as u16),
        SocketType::from_raw(kind as u32),
        SocketFlags::CLOEXEC,
        protocol,
    )
    .map_err(|e| sock::os_error(vm, e))?;
    let class = socket_class_of(vm)?;
    let a = sock::value(class.clone(), Sock::new(fds::add(a), family, kind, proto));
    let b = sock::value(class, Sock::new(fds::add(b), family, kind, proto));
    Ok(addr::tuple(vec![a, b]))
}

fn socket_class_of(vm: &mut Vm) -> PyResult<Obj> {
    let module = import::import_module(vm, "_socket")?;
    let class =
        import::module::namespace(&module).and_then(|d| d.get(&vm.gil).get_str("socket").cloned());
    match class {
        Some(Value::Obj(c)) => Ok(c),
        _ => Err(Raise::new(
            ExcKind::RuntimeError,
            "_socket is not initialised",
        )),
    }
}

fn gethostname(_vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    args::parse("gethostname", [], 0, args, kwargs)?;
    let name = std::fs::read_to_string("/proc/sys/kernel/hostname").unwrap_or_default();
    Ok(PyStr::value(name.trim_end()))
}

/// A non-negative int that fits in `bits`; OverflowError as CPython words it.
fn unsigned(vm: &Vm, func: &str, v: Option<Value>, bits: u32) -> PyResult<u64> {
    let v = v.unwrap_or(Value::None);
    let n = args::int(vm, &v)?;
    if n < 0 {
        return Err(Raise::new(
            ExcKind::OverflowError,
            format!("{func}: can't convert negative Python int to C 16-bit unsigned integer")
                .replace("16", &bits.to_string()),
        ));
    }
    if bits < 64 && (n as u64) >> bits != 0 {
        return Err(Raise::new(
            ExcKind::OverflowError,
            format!("{func}: Python int too large to convert to C {bits}-bit unsigned integer"),
        ));
    }
    Ok(n as u64)
}

fn htons(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let [x] = args::parse("htons", ["x"], 1, args, kwargs)?;
    let n = unsigned(vm, "htons", x, 16)? as u16;
    Ok(Value::Int(n.swap_bytes() as i64))
}

fn htonl(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let [x] = args::parse("htonl", ["x"], 1, args, kwargs)?;
    let n = unsigned(vm, "htonl", x, 32)? as u32;
    Ok(Value::Int(n.swap_bytes() as i64))
}

fn text_arg(vm: &Vm, func: &str, v: Option<Value>) -> PyResult<String> {
    let v = v.unwrap_or(Value::None);
    match v.as_object() {
        Some(Object::Str(s)) => Ok(s.text.to_string()),
        _ => Err(Raise::type_error(format!(
            "{func}() argument 1 must be str, not {}",
            gilt_vm::eval::attr::type_name(vm, &v)
        ))),
    }
}

fn bytes_arg(vm: &Vm, func: &str, v: Option<Value>) -> PyResult<Vec<u8>> {
    let v = v.unwrap_or(Value::None);
    match gilt_vm::object::bytes::as_bytes(&vm.gil, &v) {
        Some(b) => Ok(b.to_vec()),
        None => Err(Raise::type_error(format!(
            "{func}() argument 1 must be bytes-like object, not {}",
            gilt_vm::eval::attr::type_name(vm, &v)
        ))),
    }
}

fn inet_aton(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let [s] = args::parse("inet_aton", ["string"], 1, args, kwargs)?;
    let s = text_arg(vm, "inet_aton", s)?;
    match s.parse::<Ipv4Addr>() {
        Ok(ip) => Ok(gilt_vm::object::bytes::new_bytes(ip.octets().to_vec())),
        Err(_) => Err(Raise::new(
            ExcKind::OSError,
            "illegal IP address string passed to inet_aton",
        )),
    }
}

fn inet_ntoa(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let [b] = args::parse("inet_ntoa", ["packed_ip"], 1, args, kwargs)?;
    let b = bytes_arg(vm, "inet_ntoa", b)?;
    let Ok(octets) = <[u8; 4]>::try_from(b.as_slice()) else {
        return Err(Raise::new(
            ExcKind::OSError,
            "packed IP wrong length for inet_ntoa",
        ));
    };
    Ok(PyStr::value(Ipv4Addr::from(octets).to_string().as_str()))
}

fn inet_pton(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let [family, s] = args::parse("inet_pton", ["family", "string"], 2, args, kwargs)?;
    let family = int_or(vm, family, 0)? as i32;
    let s = text_arg(vm, "inet_pton", s)?;
    let bytes = match family {
        AF_INET => s.parse::<Ipv4Addr>().map(|ip| ip.octets().to_vec()).ok(),
        AF_INET6 => s.parse::<Ipv6Addr>().map(|ip| ip.octets().to_vec()).ok(),
        _ => return Err(from_errno(vm, 97, None, None)),
    };
    match bytes {
        Some(b) => Ok(gilt_vm::object::bytes::new_bytes(b)),
        None => Err(Raise::new(
            ExcKind::OSError,
            "illegal IP address string passed to inet_pton",
        )),
    }
}

fn inet_ntop(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let [family, b] = args::parse("inet_ntop", ["family", "packed_ip"], 2, args, kwargs)?;
    let family = int_or(vm, family, 0)? as i32;
    let b = bytes_arg(vm, "inet_ntop", b)?;
    let text = match family {
        AF_INET => <[u8; 4]>::try_from(b.as_slice()).map(|o| Ipv4Addr::from(o).to_string()),
        AF_INET6 => <[u8; 16]>::try_from(b.as_slice()).map(|o| Ipv6Addr::from(o).to_string()),
        _ => {
            return Err(Raise::value_error(format!(
                "unknown address family {family}"
            )))
        }
    };
    match text {
        Ok(t) => Ok(PyStr::value(t.as_str())),
        Err(_) => Err(Raise::value_error(
            "invalid length of packed IP address string",
        )),
    }
}

fn getdefaulttimeout(_vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    args::parse("getdefaulttimeout", [], 0, args, kwargs)?;
    Ok(match *sock::DEFAULT_TIMEOUT.lock() {
        None => Value::None,
        Some(d) => Value::Float(d.as_secs_f64()),
    })
}

fn setdefaulttimeout(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let [t] = args::parse("setdefaulttimeout", ["timeout"], 1, args, kwargs)?;
    *sock::DEFAULT_TIMEOUT.lock() = sock::timeout_arg(vm, &t.unwrap_or(Value::None))?;
    Ok(Value::None)
}
