//! Socket addresses as Python spells them: `(host, port)` for AF_INET,
//! `(host, port, flowinfo, scope_id)` for AF_INET6, a path for AF_UNIX.

use super::{gaierror, AF_INET6, AF_UNIX};
use crate::args;
use gilt_vm::eval::attr;
use gilt_vm::exc::{ExcKind, PyResult, Raise};
use gilt_vm::interp::Vm;
use gilt_vm::object::{Object, PyStr};
use gilt_vm::value::Value;
use rustix::net::{SocketAddrAny, SocketAddrUnix};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, SocketAddrV6};

/// An address a socket can be bound or connected to.
pub enum Addr {
    Ip(SocketAddr),
    Unix(SocketAddrUnix),
}

/// A host name or numeric address for `family`: '' is any address,
/// 'localhost' the loopback, else a numeric address; gaierror otherwise.
pub fn resolve(vm: &mut Vm, host: &str, family: i32) -> PyResult<IpAddr> {
    let v6 = family == AF_INET6;
    let ip = match host {
        "" if v6 => Some(IpAddr::V6(Ipv6Addr::UNSPECIFIED)),
        "" => Some(IpAddr::V4(Ipv4Addr::UNSPECIFIED)),
        "localhost" if v6 => Some(IpAddr::V6(Ipv6Addr::LOCALHOST)),
        "localhost" => Some(IpAddr::V4(Ipv4Addr::LOCALHOST)),
        "<broadcast>" if !v6 => Some(IpAddr::V4(Ipv4Addr::BROADCAST)),
        _ if v6 => host.parse::<Ipv6Addr>().ok().map(IpAddr::V6),
        _ => host.parse::<Ipv4Addr>().ok().map(IpAddr::V4),
    };
    match ip {
        Some(ip) => Ok(ip),
        None if !v6 && host.parse::<Ipv6Addr>().is_ok() => Err(gaierror(
            vm,
            -9,
            "Address family for hostname not supported",
        )),
        None => Err(gaierror(vm, -2, "Name or service not known")),
    }
}

/// The address `v` for a socket of `family`, for method `func`.
pub fn from_value(vm: &mut Vm, func: &str, family: i32, v: &Value) -> PyResult<Addr> {
    if family == AF_UNIX {
        let path: Vec<u8> = match v.as_object() {
            Some(Object::Str(s)) => s.text.as_bytes().to_vec(),
            _ => match gilt_vm::object::bytes::as_bytes(&vm.gil, v) {
                Some(b) => b.to_vec(),
                None => {
                    return Err(Raise::type_error(format!(
                        "{func}(): AF_UNIX address must be str or bytes, not {}",
                        attr::type_name(vm, v)
                    )))
                }
            },
        };
        let made = match path.split_first() {
            Some((0, name)) => SocketAddrUnix::new_abstract_name(name),
            _ => SocketAddrUnix::new(path.as_slice()),
        };
        return match made {
            Ok(a) => Ok(Addr::Unix(a)),
            Err(_) => Err(Raise::new(ExcKind::OSError, "AF_UNIX path too long")),
        };
    }
    let (name, pair) = if family == AF_INET6 {
        (
            "AF_INET6",
            "AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])",
        )
    } else {
        ("AF_INET", "AF_INET address must be a pair (host, port)")
    };
    let items = match v.as_object() {
        Some(Object::Tuple(t)) => t.to_vec(),
        _ => {
            return Err(Raise::type_error(format!(
                "{func}(): {name} address must be tuple, not {}",
                attr::type_name(vm, v)
            )))
        }
    };
    let arity_ok = if family == AF_INET6 {
        (2..=4).contains(&items.len())
    } else {
        items.len() == 2
    };
    if !arity_ok {
        return Err(Raise::type_error(pair));
    }
    let host = match items[0].as_object() {
        Some(Object::Str(s)) => s.text.to_string(),
        _ => match gilt_vm::object::bytes::as_bytes(&vm.gil, &items[0]) {
            Some(b) => String::from_utf8_lossy(b).into_owned(),
            None => {
                return Err(Raise::type_error(format!(
                    "str, bytes or bytearray expected, not {}",
                    attr::type_name(vm, &items[0])
                )))
            }
        },
    };
    let port = args::int(vm, &items[1])?;
    if !(0..=65535).contains(&port) {
        return Err(Raise::new(
            ExcKind::OverflowError,
            format!("{func}(): port must be 0-65535."),
        ));
    }
    let ip = resolve(vm, &host, family)?;
    let addr = match ip {
        IpAddr::V6(ip6) => {
            let flow = match items.get(2) {
                Some(f) => args::int(vm, f)? as u32,
                None => 0,
            };
            let scope = match items.get(3) {
                Some(s) => args::int(vm, s)? as u32,
                None => 0,
            };
            SocketAddr::V6(SocketAddrV6::new(ip6, port as u16, flow, scope))
        }
        ip => SocketAddr::new(ip, port as u16),
    };
    Ok(Addr::Ip(addr))
}

/// The Python value of an address the OS reported.
pub fn to_value(addr: Option<SocketAddrAny>) -> Value {
    let Some(addr) = addr else {
        return Value::None;
    };
    if let Ok(ip) = SocketAddr::try_from(addr.clone()) {
        return match ip {
            SocketAddr::V4(a) => tuple(vec![
                PyStr::value(a.ip().to_string().as_str()),
                Value::Int(a.port() as i64),
            ]),
            SocketAddr::V6(a) => tuple(vec![
                PyStr::value(a.ip().to_string().as_str()),
                Value::Int(a.port() as i64),
                Value::Int(a.flowinfo() as i64),
                Value::Int(a.scope_id() as i64),
            ]),
        };
    }
    if let Ok(unix) = SocketAddrUnix::try_from(addr) {
        if unix.is_unnamed() || unix.abstract_name() == Some(&[]) {
            return PyStr::value("");
        }
        if let Some(name) = unix.abstract_name() {
            let mut bytes = vec![0u8];
            bytes.extend_from_slice(name);
            return gilt_vm::object::bytes::new_bytes(bytes);
        }
        let path = unix.path_bytes().unwrap_or(&[]);
        return PyStr::value(String::from_utf8_lossy(path).as_ref());
    }
    Value::None
}

/// A tuple value.
pub fn tuple(items: Vec<Value>) -> Value {
    Value::obj(Object::Tuple(items.into()))
}
