//! `setsockopt` and `getsockopt` for the options Gilt knows by number.

use super::sock::{os_error, this};
use crate::args::{self, Kw};
use gilt_vm::builtins::os_error::from_errno;
use gilt_vm::exc::PyResult;
use gilt_vm::interp::Vm;
use gilt_vm::value::Value;
use rustix::net::sockopt as opt;

pub const SOL_SOCKET: i64 = 1;
pub const IPPROTO_TCP: i64 = 6;
pub const IPPROTO_IPV6: i64 = 41;
pub const SO_REUSEADDR: i64 = 2;
pub const SO_TYPE: i64 = 3;
pub const SO_ERROR: i64 = 4;
pub const SO_BROADCAST: i64 = 6;
pub const SO_SNDBUF: i64 = 7;
pub const SO_RCVBUF: i64 = 8;
pub const SO_KEEPALIVE: i64 = 9;
pub const TCP_NODELAY: i64 = 1;
pub const IPV6_V6ONLY: i64 = 26;

/// ENOPROTOOPT: an option this table does not know.
const NO_OPTION: i32 = 92;

pub fn setsockopt(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let s = this(vm, args, "setsockopt")?;
    let [level, name, value] = args::parse(
        "setsockopt",
        ["level", "optname", "value"],
        3,
        &args[1..],
        kwargs,
    )?;
    let level = args::int(vm, &level.unwrap_or(Value::None))?;
    let name = args::int(vm, &name.unwrap_or(Value::None))?;
    let value = args::int(vm, &value.unwrap_or(Value::None))?;
    let fd = s.sock_fd(vm)?;
    let on = value != 0;
    let r = match (level, name) {
        (SOL_SOCKET, SO_REUSEADDR) => opt::set_socket_reuseaddr(&*fd, on),
        (SOL_SOCKET, SO_KEEPALIVE) => opt::set_socket_keepalive(&*fd, on),
        (SOL_SOCKET, SO_BROADCAST) => opt::set_socket_broadcast(&*fd, on),
        (SOL_SOCKET, SO_SNDBUF) => opt::set_socket_send_buffer_size(&*fd, value.max(0) as usize),
        (SOL_SOCKET, SO_RCVBUF) => opt::set_socket_recv_buffer_size(&*fd, value.max(0) as usize),
        (IPPROTO_TCP, TCP_NODELAY) => opt::set_tcp_nodelay(&*fd, on),
        (IPPROTO_IPV6, IPV6_V6ONLY) => opt::set_ipv6_v6only(&*fd, on),
        _ => return Err(from_errno(vm, NO_OPTION, None, None)),
    };
    r.map_err(|e| os_error(vm, e))?;
    Ok(Value::None)
}

pub fn getsockopt(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let s = this(vm, args, "getsockopt")?;
    let [level, name, _buflen] = args::parse(
        "getsockopt",
        ["level", "optname", "buflen"],
        2,
        &args[1..],
        kwargs,
    )?;
    let level = args::int(vm, &level.unwrap_or(Value::None))?;
    let name = args::int(vm, &name.unwrap_or(Value::None))?;
    let fd = s.sock_fd(vm)?;
    let r = match (level, name) {
        (SOL_SOCKET, SO_REUSEADDR) => opt::socket_reuseaddr(&*fd).map(i64::from),
        (SOL_SOCKET, SO_KEEPALIVE) => opt::socket_keepalive(&*fd).map(i64::from),
        (SOL_SOCKET, SO_BROADCAST) => opt::socket_broadcast(&*fd).map(i64::from),
        (SOL_SOCKET, SO_SNDBUF) => opt::socket_send_buffer_size(&*fd).map(|n| n as i64),
        (SOL_SOCKET, SO_RCVBUF) => opt::socket_recv_buffer_size(&*fd).map(|n| n as i64),
        (SOL_SOCKET, SO_TYPE) => opt::socket_type(&*fd).map(|t| t.as_raw() as i64),
        (SOL_SOCKET, SO_ERROR) => opt::socket_error(&*fd).map(|r| match r {
            Ok(()) => 0,
            Err(e) => e.raw_os_error() as i64,
        }),
        (IPPROTO_TCP, TCP_NODELAY) => opt::tcp_nodelay(&*fd).map(i64::from),
        (IPPROTO_IPV6, IPV6_V6ONLY) => opt::ipv6_v6only(&*fd).map(i64::from),
        _ => return Err(from_errno(vm, NO_OPTION, None, None)),
    };
    let v = r.map_err(|e| os_error(vm, e))?;
    Ok(Value::Int(v))
}
