//! The `_random` module: `_random.Random`, the Mersenne Twister (MT19937)
//! that lib/random.py builds on, giving CPython's exact sequence for the
//! same seed: an int seeds through `init_by_array` with the 32-bit words of
//! its absolute value, least significant first; `random()` takes 53 bits
//! from two outputs. Also `_sha512`, for seeding from str and bytes.
//!
//! An instance keeps its generator in its `__dict__` under [`STATE`]: a
//! bytearray of the 624 state words and the position, little-endian.

use crate::args::{self, Kw};
use crate::num;
use gilt_vm::builtins::import;
use gilt_vm::eval::attr;
use gilt_vm::exc::{PyResult, Raise};
use gilt_vm::gil::GilCell;
use gilt_vm::interp::Vm;
use gilt_vm::object::{Builtin, Instance, NativeFn, Object, PyStr};
use gilt_vm::value::{Obj, Value};
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

/// Where an instance keeps its generator state.
const STATE: &str = "_random_state";
const N: usize = 624;
const M: usize = 397;
/// Bytes of a state: the words, then the position.
const STATE_BYTES: usize = (N + 1) * 4;

/// The Mersenne Twister over a state held as bytes.
struct Mt<'a>(&'a mut [u8]);

impl Mt<'_> {
    fn word(&self, i: usize) -> u32 {
        u32::from_le_bytes(self.0[4 * i..4 * i + 4].try_into().expect("4 bytes"))
    }

    fn set(&mut self, i: usize, v: u32) {
        self.0[4 * i..4 * i + 4].copy_from_slice(&v.to_le_bytes());
    }

    fn index(&self) -> usize {
        self.word(N) as usize
    }

    /// Seed from one word (`init_genrand`).
    fn seed_word(&mut self, s: u32) {
        self.set(0, s);
        for i in 1..N {
            let prev = self.word(i - 1);
            let v = 1812433253u32
                .wrapping_mul(prev ^ (prev >> 30))
                .wrapping_add(i as u32);
            self.set(i, v);
        }
        self.set(N, N as u32);
    }

    /// Seed from many words (`init_by_array`).
    fn seed_words(&mut self, key: &[u32]) {
        self.seed_word(19650218);
        let (mut i, mut j) = (1usize, 0usize);
        for _ in 0..N.max(key.len()) {
            let prev = self.word(i - 1);
            let v = (self.word(i) ^ (prev ^ (prev >> 30)).wrapping_mul(1664525))
                .wrapping_add(key[j])
                .wrapping_add(j as u32);
            self.set(i, v);
            i += 1;
            j += 1;
            if i >= N {
                self.set(0, self.word(N - 1));
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = self.word(i - 1);
            let v = (self.word(i) ^ (prev ^ (prev >> 30)).wrapping_mul(1566083941))
                .wrapping_sub(i as u32);
            self.set(i, v);
            i += 1;
            if i >= N {
                self.set(0, self.word(N - 1));
                i = 1;
            }
        }
        self.set(0, 0x8000_0000);
    }

    /// Make the next 624 words.
    fn twist(&mut self) {
        let mix = |upper: u32, lower: u32, far: u32| {
            let y = (upper & 0x8000_0000) | (lower & 0x7fff_ffff);
            far ^ (y >> 1) ^ if y & 1 != 0 { 0x9908_b0df } else { 0 }
        };
        for k in 0..N {
            let v = mix(self.word(k), self.word((k + 1) % N), self.word((k + M) % N));
            self.set(k, v);
        }
        self.set(N, 0);
    }

    /// The next 32 random bits (`genrand_uint32`).
    fn next_u32(&mut self) -> u32 {
        if self.index() >= N {
            self.twist();
        }
        let i = self.index();
        let mut y = self.word(i);
        self.set(N, (i + 1) as u32);
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// A float in [0, 1) with 53 random bits.
    fn next_f64(&mut self) -> f64 {
        let a = (self.next_u32() >> 5) as f64;
        let b = (self.next_u32() >> 6) as f64;
        (a * 67108864.0 + b) * (1.0 / 9007199254740992.0)
    }
}

/// Fill the `_random` module.
pub fn init(vm: &mut Vm, module: &Value) -> PyResult<()> {
    let object = vm.type_obj(gilt_vm::object::BuiltinType::Object);
    let class = gilt_vm::interp::new_class("Random", &[object], None, &mut vm.gil)?;
    if let Object::Class(c) = class.get() {
        let d = c.dict.get_mut(&mut vm.gil);
        d.insert_str("__module__", PyStr::value("_random"));
        d.insert_str("__new__", Builtin::function("__new__", new));
        let methods: [(&'static str, NativeFn); 5] = [
            ("seed", seed),
            ("random", random),
            ("getrandbits", getrandbits),
            ("getstate", getstate),
            ("setstate", setstate),
        ];
        for (name, f) in methods {
            d.insert_str(name, Builtin::method(name, f));
        }
    }
    import::set_attr(vm, module, "Random", Value::Obj(class));
    import::add_functions(vm, module, &[("_sha512", sha512)]);
    Ok(())
}

/// `Random.__new__(cls, *args)`: an instance seeded from `args[0]` or
/// from the system's randomness.
fn new(vm: &mut Vm, args: &[Value], _kwargs: &Kw) -> PyResult<Value> {
    let Some(Value::Obj(cls)) = args.first() else {
        return Err(Raise::type_error(
            "Random.__new__(X): X is not a type object",
        ));
    };
    let instance = Value::obj(Object::Instance(Instance::new(cls.clone(), None)));
    if let Some(Object::Instance(i)) = instance.as_object() {
        let state = Value::obj(Object::ByteArray(GilCell::new(vec![0; STATE_BYTES])));
        i.attrs().get_mut(&mut vm.gil).insert_str(STATE, state);
    }
    // The class itself seeds from its argument; a subclass's __init__
    // seeds as it likes, so it starts from the system's randomness.
    let own = match cls.get() {
        Object::Class(c) => c.dict.get(&vm.gil).get_str("__new__").is_some(),
        _ => false,
    };
    let seed_arg = match args.get(1) {
        Some(a) if own => a.clone(),
        _ => Value::None,
    };
    seed_from(vm, &instance, &seed_arg)?;
    Ok(instance)
}

/// The state bytearray of `self` (args[0]).
fn state_of(vm: &Vm, args: &[Value], method: &str) -> PyResult<Obj> {
    let found = match args.first().and_then(Value::as_object) {
        Some(Object::Instance(i)) => i.attrs().get(&vm.gil).get_str(STATE).cloned(),
        _ => None,
    };
    match found {
        Some(Value::Obj(o)) if matches!(o.get(), Object::ByteArray(_)) => Ok(o),
        _ => Err(attr::wrong_receiver(vm, method, "_random.Random", args)),
    }
}

/// Run `f` on the generator of `self`.
fn with_mt<T>(
    vm: &mut Vm,
    args: &[Value],
    method: &str,
    f: impl FnOnce(&mut Mt) -> T,
) -> PyResult<T> {
    let state = state_of(vm, args, method)?;
    let Object::ByteArray(bytes) = state.get() else {
        unreachable!("state_of checked it is a bytearray");
    };
    let bytes = bytes.get_mut(&mut vm.gil);
    if bytes.len() != STATE_BYTES {
        bytes.resize(STATE_BYTES, 0);
    }
    Ok(f(&mut Mt(bytes)))
}

fn seed(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let [n] = args::parse("seed", ["n"], 0, args.get(1..).unwrap_or(&[]), kwargs)?;
    state_of(vm, args, "seed")?;
    seed_from(vm, &args[0], &n.unwrap_or(Value::None))?;
    Ok(Value::None)
}

/// Seed `this` from `arg`: None from the system, an int by its absolute
/// value's words, anything else by its hash (as an unsigned 64-bit word).
fn seed_from(vm: &mut Vm, this: &Value, arg: &Value) -> PyResult<()> {
    let key: Vec<u32> = match arg {
        Value::None => system_words(vm)?,
        Value::Int(_) => words(&num::to_big(arg).abs()),
        Value::Obj(o) if matches!(o.get(), Object::BigInt(_)) => words(&num::to_big(arg).abs()),
        _ => {
            let h = gilt_vm::eval::keys::hash(vm, arg)? as u64;
            words(&BigInt::from(h))
        }
    };
    with_mt(vm, std::slice::from_ref(this), "seed", |mt| {
        mt.seed_words(&key)
    })
}

/// The 32-bit words of `n >= 0`, least significant first (`[0]` for 0).
fn words(n: &BigInt) -> Vec<u32> {
    let mut w = n.to_u32_digits().1;
    if w.is_empty() {
        w.push(0);
    }
    w
}

/// 624 words from the operating system's randomness source.
fn system_words(vm: &mut Vm) -> PyResult<Vec<u32>> {
    let mut buf = vec![0u8; N * 4];
    use std::io::Read;
    let read = std::fs::File::open("/dev/urandom").and_then(|mut f| f.read_exact(&mut buf));
    read.map_err(|e| gilt_vm::builtins::os_error::from_io(vm, &e, None, None))?;
    Ok(buf
        .chunks_exact(4)
        .map(|c| u32::from_le_bytes(c.try_into().expect("4 bytes")))
        .collect())
}

fn random(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    args::parse("random", [], 0, args.get(1..).unwrap_or(&[]), kwargs)?;
    Ok(Value::Float(with_mt(vm, args, "random", |mt| {
        mt.next_f64()
    })?))
}

fn getrandbits(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let [k] = args::parse(
        "getrandbits",
        ["k"],
        1,
        args.get(1..).unwrap_or(&[]),
        kwargs,
    )?;
    let k = args::int(vm, &k.unwrap_or(Value::None))?;
    if k < 0 {
        return Err(Raise::value_error("number of bits must be non-negative"));
    }
    if k == 0 {
        return Ok(Value::Int(0));
    }
    with_mt(vm, args, "getrandbits", |mt| {
        if k <= 32 {
            return Value::Int((mt.next_u32() >> (32 - k)) as i64);
        }
        // Whole words from the least significant; the last one keeps its
        // top bits.
        let mut digits = Vec::with_capacity((k as usize).div_ceil(32));
        let mut left = k;
        while left > 0 {
            let r = mt.next_u32();
            digits.push(if left < 32 { r >> (32 - left) } else { r });
            left -= 32;
        }
        num::from_big(BigInt::from_slice(num_bigint::Sign::Plus, &digits))
    })
}

fn getstate(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    args::parse("getstate", [], 0, args.get(1..).unwrap_or(&[]), kwargs)?;
    let items = with_mt(vm, args, "getstate", |mt| {
        (0..=N).map(|i| Value::Int(mt.word(i) as i64)).collect()
    })?;
    Ok(num::tuple(items))
}

fn setstate(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let [state] = args::parse(
        "setstate",
        ["state"],
        1,
        args.get(1..).unwrap_or(&[]),
        kwargs,
    )?;
    let state = state.unwrap_or(Value::None);
    let Some(Object::Tuple(items)) = state.as_object() else {
        return Err(Raise::type_error("state vector must be a tuple"));
    };
    if items.len() != N + 1 {
        return Err(Raise::value_error("state vector is the wrong size"));
    }
    let mut words = Vec::with_capacity(N + 1);
    for item in items.iter() {
        let w = num::index(vm, item)?;
        // Kept modulo 2**32, as C's unsigned long conversion does.
        let w =
            (w % BigInt::from(1u64 << 32) + BigInt::from(1u64 << 32)) % BigInt::from(1u64 << 32);
        words.push(w.to_u32().unwrap_or(0));
    }
    let index = num::index(vm, &items[N])?;
    if index.is_negative() || index > BigInt::from(N) {
        return Err(Raise::value_error("invalid state"));
    }
    with_mt(vm, args, "setstate", |mt| {
        for (i, w) in words.iter().enumerate().take(N) {
            mt.set(i, *w);
        }
        mt.set(N, index.to_u32().unwrap_or(0));
    })?;
    Ok(Value::None)
}

/// `_sha512(data)`: the SHA-512 digest of bytes or bytearray, as bytes.
fn sha512(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let [data] = args::parse("_sha512", ["data"], 1, args, kwargs)?;
    let data = data.unwrap_or(Value::None);
    let d = match data.as_object() {
        Some(Object::Bytes(b)) => crate::sha512::digest(b),
        Some(Object::ByteArray(b)) => crate::sha512::digest(b.get(&vm.gil)),
        _ => {
            return Err(Raise::type_error(format!(
                "object supporting the buffer API required, not {}",
                attr::type_name(vm, &data)
            )))
        }
    };
    Ok(Value::obj(Object::Bytes(d.to_vec().into())))
}
