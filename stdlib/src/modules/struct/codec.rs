//! Packing one value into bytes and reading it back, per format character
//! and byte order, with the range checks and messages of CPython's
//! `_struct` (whose little-endian table borrows the native packers for the
//! codes whose sizes agree, so `<h` and `@h` fail alike).

use super::format::Order;
use super::{half, struct_error};
use crate::num;
use gilt_vm::eval::ops;
use gilt_vm::exc::{ExcKind, PyResult, Raise};
use gilt_vm::interp::Vm;
use gilt_vm::object::Object;
use gilt_vm::value::Value;
use num_traits::ToPrimitive;

/// An int argument, or None when it is beyond i128 (out of every range).
fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<Option<i128>> {
    let v = match v {
        Value::Int(_) | Value::Bool(_) => v.clone(),
        Value::Obj(o) if matches!(o.get(), Object::BigInt(_)) => v.clone(),
        Value::Obj(o) if matches!(o.get(), Object::Instance(_)) => {
            match ops::call_dunder(vm, v, "__index__", Vec::new())? {
                Some(r) => r,
                None => return Err(not_integer(vm)),
            }
        }
        _ => return Err(not_integer(vm)),
    };
    Ok(match v.builtin_view() {
        Value::Int(i) => Some(*i as i128),
        Value::Bool(b) => Some(*b as i128),
        other => num::to_big(other).to_i128(),
    })
}

fn not_integer(vm: &mut Vm) -> Raise {
    struct_error(vm, "required argument is not an integer")
}

/// `x` if it fits in `lo..=hi`, else struct.error `msg`.
fn in_range(vm: &mut Vm, x: Option<i128>, lo: i128, hi: i128, msg: &str) -> PyResult<i128> {
    match x {
        Some(x) if (lo..=hi).contains(&x) => Ok(x),
        _ => Err(struct_error(vm, msg)),
    }
}

const OUT_OF_RANGE: &str = "argument out of range";
const LONG: (i128, i128) = (i64::MIN as i128, i64::MAX as i128);
const ULONG: (i128, i128) = (0, u64::MAX as i128);

/// CPython's `'h' format requires -32768 <= number <= 32767`.
fn range_msg(code: u8, size: usize, signed: bool) -> String {
    let bits = 8 * size as u32;
    if signed {
        let top = (1i128 << (bits - 1)) - 1;
        format!(
            "'{}' format requires {} <= number <= {top}",
            code as char,
            -top - 1
        )
    } else {
        format!(
            "'{}' format requires 0 <= number <= {}",
            code as char,
            (1i128 << bits) - 1
        )
    }
}

/// The integer to store for an integer code, checked as CPython checks it.
fn int_value(vm: &mut Vm, order: Order, code: u8, size: usize, v: &Value) -> PyResult<i128> {
    let x = int_arg(vm, v)?;
    let long = |vm: &mut Vm| in_range(vm, x, LONG.0, LONG.1, OUT_OF_RANGE);
    let ulong = |vm: &mut Vm| in_range(vm, x, ULONG.0, ULONG.1, OUT_OF_RANGE);
    let native = order == Order::Native || (order == Order::Little && !matches!(code, b'l' | b'L'));
    match code {
        b'b' => {
            let x = long(vm)?;
            in_range(
                vm,
                Some(x),
                -128,
                127,
                "byte format requires -128 <= number <= 127",
            )
        }
        b'B' => {
            let x = long(vm)?;
            in_range(
                vm,
                Some(x),
                0,
                255,
                "ubyte format requires 0 <= number <= 255",
            )
        }
        b'h' if native => {
            let x = long(vm)?;
            let msg = "short format requires -32768 <= number <= 32767";
            in_range(vm, Some(x), -32768, 32767, msg)
        }
        b'H' if native => {
            let x = long(vm)?;
            in_range(
                vm,
                Some(x),
                0,
                65535,
                "ushort format requires 0 <= number <= 65535",
            )
        }
        b'P' => in_range(
            vm,
            x,
            i64::MIN as i128,
            u64::MAX as i128,
            "int too large to convert",
        ),
        b'q' if !native => in_range(vm, x, LONG.0, LONG.1, "int too large to convert"),
        b'Q' if !native => in_range(vm, x, ULONG.0, ULONG.1, "int too large to convert"),
        b'l' | b'q' | b'n' if size == 8 => long(vm),
        b'L' | b'Q' | b'N' if size == 8 => ulong(vm),
        b'h' | b'i' | b'l' => {
            let x = long(vm)?;
            let top = (1i128 << (8 * size - 1)) - 1;
            in_range(vm, Some(x), -top - 1, top, &range_msg(code, size, true))
        }
        _ => {
            let x = ulong(vm)?;
            let top = (1i128 << (8 * size)) - 1;
            in_range(vm, Some(x), 0, top, &range_msg(code, size, false))
        }
    }
}

/// A float argument (anything `float()` of which works without a string).
fn float_arg(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    num::real(vm, v).map_err(|_| struct_error(vm, "required argument is not a float"))
}

fn put(order: Order, out: &mut [u8], le: &[u8]) {
    out.copy_from_slice(le);
    if order == Order::Big {
        out.reverse();
    }
}

fn get(order: Order, data: &[u8]) -> [u8; 8] {
    let mut le = [0u8; 8];
    le[..data.len()].copy_from_slice(data);
    if order == Order::Big {
        le[..data.len()].reverse();
    }
    le
}

/// Pack one element of `code` (not `s`, `p` or `x`) into `out` (its size).
pub fn pack(vm: &mut Vm, order: Order, code: u8, v: &Value, out: &mut [u8]) -> PyResult<()> {
    match code {
        b'c' => match v.as_object() {
            Some(Object::Bytes(b)) if b.len() == 1 => out[0] = b[0],
            Some(Object::ByteArray(b)) if b.get(&vm.gil).len() == 1 => out[0] = b.get(&vm.gil)[0],
            _ => {
                return Err(struct_error(
                    vm,
                    "char format requires a bytes object of length 1",
                ))
            }
        },
        b'?' => out[0] = ops::truthy(vm, v)? as u8,
        b'e' => {
            let x = float_arg(vm, v)?;
            let Some(bits) = half::pack(x) else {
                return Err(Raise::new(
                    ExcKind::OverflowError,
                    "float too large to pack with e format",
                ));
            };
            put(order, out, &bits.to_le_bytes());
        }
        b'f' => {
            let x = float_arg(vm, v)?;
            let y = x as f32;
            if order != Order::Native && y.is_infinite() && x.is_finite() {
                return Err(Raise::new(
                    ExcKind::OverflowError,
                    "float too large to pack with f format",
                ));
            }
            put(order, out, &y.to_le_bytes());
        }
        b'd' => {
            let x = float_arg(vm, v)?;
            put(order, out, &x.to_le_bytes());
        }
        _ => {
            let x = int_value(vm, order, code, out.len(), v)?;
            let le = x.to_le_bytes();
            put(order, out, &le[..out.len()]);
        }
    }
    Ok(())
}

/// Read one element of `code` (not `s`, `p` or `x`) from `data` (its size).
pub fn unpack(order: Order, code: u8, data: &[u8]) -> Value {
    let le = get(order, data);
    let n = data.len();
    match code {
        b'c' => Value::obj(Object::Bytes(Box::new([data[0]]))),
        b'?' => Value::Bool(data[0] != 0),
        b'e' => Value::Float(half::unpack(u16::from_le_bytes([le[0], le[1]]))),
        b'f' => Value::Float(f32::from_le_bytes(le[..4].try_into().expect("4 bytes")) as f64),
        b'd' => Value::Float(f64::from_le_bytes(le)),
        b'b' | b'h' | b'i' | b'l' | b'q' | b'n' => {
            // Sign-extend from the item's width.
            let shift = 64 - 8 * n as u32;
            Value::Int((i64::from_le_bytes(le) << shift) >> shift)
        }
        _ => {
            let x = u64::from_le_bytes(le);
            match i64::try_from(x) {
                Ok(i) => Value::Int(i),
                Err(_) => num::from_big(x.into()),
            }
        }
    }
}
