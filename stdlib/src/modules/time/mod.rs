//! The `time` module: clocks, `sleep` (which releases the GIL), broken-down
//! times as `time.struct_time`, `strftime`, and the local zone's names and
//! offsets (`timezone`, `altzone`, `daylight`, `tzname`).

mod calendar;
mod tz;

use crate::args::{self, Kw};
use crate::structseq;
use calendar::Tm;
use gilt_vm::builtins::import;
use gilt_vm::eval::attr;
use gilt_vm::exc::{ExcKind, PyResult, Raise};
use gilt_vm::interp::Vm;
use gilt_vm::object::{NativeFn, Object, PyStr};
use gilt_vm::value::{Obj, Value};
use rustix::time::{clock_gettime, ClockId};

const FIELDS: [&str; 9] = [
    "tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst",
];

/// Fill the `time` module.
pub fn init(vm: &mut Vm, module: &Value) -> PyResult<()> {
    let functions: &[(&'static str, NativeFn)] = &[
        ("time", time),
        ("time_ns", time_ns),
        ("perf_counter", monotonic),
        ("perf_counter_ns", monotonic_ns),
        ("monotonic", monotonic),
        ("monotonic_ns", monotonic_ns),
        ("process_time", process_time),
        ("process_time_ns", process_time_ns),
        ("sleep", sleep),
        ("gmtime", gmtime),
        ("localtime", localtime),
        ("mktime", mktime),
        ("strftime", strftime),
        ("asctime", asctime),
        ("ctime", ctime),
    ];
    import::add_functions(vm, module, functions);
    let class = structseq::new_type(
        vm,
        "time",
        "struct_time",
        &FIELDS,
        &["tm_zone", "tm_gmtoff"],
    );
    import::set_attr(vm, module, "struct_time", Value::Obj(class));
    // As CPython: the offsets in force on January 1 and July 1 of this year.
    let zone = tz::local();
    let year = calendar::civil_from_days(now_seconds().div_euclid(86400)).0;
    let jan = zone.at(calendar::days_from_civil(year, 1, 1) * 86400);
    let jul = zone.at(calendar::days_from_civil(year, 7, 1) * 86400);
    let (standard, summer) = if jan.offset > jul.offset {
        (jul, jan) // southern hemisphere: summer time in January
    } else {
        (jan, jul)
    };
    let names = vec![
        PyStr::value(standard.abbr.as_str()),
        PyStr::value(summer.abbr.as_str()),
    ];
    import::set_attr(vm, module, "timezone", Value::Int(-standard.offset));
    import::set_attr(vm, module, "altzone", Value::Int(-summer.offset));
    let daylight = (standard.offset != summer.offset) as i64;
    import::set_attr(vm, module, "daylight", Value::Int(daylight));
    let tzname = Value::obj(Object::Tuple(names.into()));
    import::set_attr(vm, module, "tzname", tzname);
    Ok(())
}

fn wall_clock() -> std::time::Duration {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default()
}

fn now_seconds() -> i64 {
    wall_clock().as_secs() as i64
}

fn no_args(func: &str, args: &[Value], kwargs: &Kw) -> PyResult<()> {
    args::parse(func, [], 0, args, kwargs).map(|_| ())
}

fn time(_vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    no_args("time.time", args, kwargs)?;
    Ok(Value::Float(wall_clock().as_secs_f64()))
}

fn time_ns(_vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    no_args("time.time_ns", args, kwargs)?;
    Ok(Value::Int(wall_clock().as_nanos() as i64))
}

fn clock_ns(id: ClockId) -> i64 {
    let t = clock_gettime(id);
    t.tv_sec * 1_000_000_000 + t.tv_nsec
}

fn monotonic(_vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    no_args("time.monotonic", args, kwargs)?;
    Ok(Value::Float(clock_ns(ClockId::Monotonic) as f64 / 1e9))
}

fn monotonic_ns(_vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    no_args("time.monotonic_ns", args, kwargs)?;
    Ok(Value::Int(clock_ns(ClockId::Monotonic)))
}

fn process_time(_vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    no_args("time.process_time", args, kwargs)?;
    Ok(Value::Float(clock_ns(ClockId::ProcessCPUTime) as f64 / 1e9))
}

fn process_time_ns(_vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    no_args("time.process_time_ns", args, kwargs)?;
    Ok(Value::Int(clock_ns(ClockId::ProcessCPUTime)))
}

/// `sleep(secs)`: other threads run meanwhile (the GIL is released).
fn sleep(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    if !kwargs.is_empty() {
        return Err(Raise::type_error("time.sleep() takes no keyword arguments"));
    }
    let [secs] = args::parse("time.sleep", ["secs"], 1, args, kwargs)?;
    let secs = args::float(vm, &secs.unwrap_or(Value::None))?;
    if secs.is_nan() {
        return Err(Raise::value_error("Invalid value NaN (not a number)"));
    }
    if secs < 0.0 {
        return Err(Raise::value_error("sleep length must be non-negative"));
    }
    let duration = std::time::Duration::try_from_secs_f64(secs)
        .map_err(|_| Raise::new(ExcKind::OverflowError, "sleep length is too large"))?;
    if duration.is_zero() {
        // `sleep(0)` yields: another thread waiting for the GIL runs first.
        vm.gil.switch_for("time.sleep(0)");
        return Ok(Value::None);
    }
    if !vm.main_thread {
        vm.gil
            .release_for("time.sleep", || std::thread::sleep(duration));
        return Ok(Value::None);
    }
    // The main thread sleeps in slices: a signal's handler (Ctrl-C's
    // KeyboardInterrupt) runs as it arrives, and the sleep goes on after a
    // handler that returns, for the rest of the time (PEP 475).
    let end = std::time::Instant::now() + duration;
    loop {
        let left = end.saturating_duration_since(std::time::Instant::now());
        if left.is_zero() {
            break;
        }
        let slice = left.min(std::time::Duration::from_millis(20));
        vm.gil
            .release_for("time.sleep", || std::thread::sleep(slice));
        if gilt_vm::signals::pending() {
            gilt_vm::eval::breaker::run_signal_handlers(vm)?;
        }
    }
    Ok(Value::None)
}

/// A timestamp argument (None or missing: now), as whole seconds rounded down.
fn seconds_arg(vm: &mut Vm, v: Option<Value>) -> PyResult<i64> {
    let v = match v {
        None | Some(Value::None) => return Ok(now_seconds()),
        Some(v) => v,
    };
    let out_of_range = || {
        Raise::new(
            ExcKind::OverflowError,
            "timestamp out of range for platform time_t",
        )
    };
    let secs = match v {
        Value::Int(i) => i,
        Value::Bool(b) => b as i64,
        Value::Obj(ref o) if matches!(o.get(), Object::BigInt(_)) => return Err(out_of_range()),
        _ => {
            let f = args::float(vm, &v)?;
            if f.is_nan() {
                return Err(Raise::value_error("Invalid value NaN (not a number)"));
            }
            let f = f.floor();
            if !(-9.2e18..9.2e18).contains(&f) {
                return Err(out_of_range());
            }
            f as i64
        }
    };
    // Beyond what a C int year holds, glibc's gmtime fails (EOVERFLOW).
    if secs.unsigned_abs() > 67_767_976_233_316_800 {
        return Err(gilt_vm::builtins::os_error::from_errno(vm, 75, None, None));
    }
    Ok(secs)
}

/// The `time.struct_time` class of this interpreter's `time` module.
fn struct_time_class(vm: &mut Vm) -> PyResult<Obj> {
    let module = import::import_module(vm, "time")?;
    match attr::get(vm, &module, "struct_time")? {
        Value::Obj(c) if matches!(c.get(), Object::Class(_)) => Ok(c),
        _ => Err(Raise::type_error("time.struct_time is not a class")),
    }
}

fn struct_time(vm: &mut Vm, tm: Tm) -> PyResult<Value> {
    let class = struct_time_class(vm)?;
    let seq = [
        tm.year, tm.mon, tm.mday, tm.hour, tm.min, tm.sec, tm.wday, tm.yday, tm.isdst,
    ]
    .into_iter()
    .map(Value::Int)
    .collect();
    let zone = tm.zone.map_or(Value::None, PyStr::value);
    let gmtoff = tm.gmtoff.map_or(Value::None, Value::Int);
    Ok(structseq::make(
        vm,
        &class,
        seq,
        vec![("tm_zone", zone), ("tm_gmtoff", gmtoff)],
    ))
}

fn gm_tm(secs: i64) -> Tm {
    Tm::from_seconds(secs, 0, false, "GMT")
}

fn local_tm(secs: i64) -> Tm {
    let kind = tz::local().at(secs);
    Tm::from_seconds(secs, kind.offset, kind.dst, &kind.abbr)
}

fn gmtime(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let [secs] = args::parse("gmtime", ["secs"], 0, args, kwargs)?;
    let secs = seconds_arg(vm, secs)?;
    struct_time(vm, gm_tm(secs))
}

fn localtime(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let [secs] = args::parse("localtime", ["secs"], 0, args, kwargs)?;
    let secs = seconds_arg(vm, secs)?;
    struct_time(vm, local_tm(secs))
}

/// A time tuple or struct_time argument as a broken-down time (CPython's
/// `gettmarg`): nine ints, the weekday checked.
fn tm_arg(vm: &mut Vm, func: &str, v: &Value) -> PyResult<Tm> {
    let (items, zone, gmtoff) = match v.as_object() {
        Some(Object::Tuple(t)) => (t.to_vec(), None, None),
        _ => match structseq::items(vm, v) {
            Some(items) => {
                let zone = match attr::get(vm, v, "tm_zone").ok() {
                    Some(Value::Obj(o)) => match o.get() {
                        Object::Str(s) => Some(s.text.to_string()),
                        _ => None,
                    },
                    _ => None,
                };
                let gmtoff = match attr::get(vm, v, "tm_gmtoff").ok() {
                    Some(Value::Int(i)) => Some(i),
                    _ => None,
                };
                (items, zone, gmtoff)
            }
            None => return Err(Raise::type_error("Tuple or struct_time argument required")),
        },
    };
    if items.len() != 9 {
        return Err(Raise::type_error(format!(
            "{func}(): illegal time tuple argument"
        )));
    }
    let mut n = [0i64; 9];
    for (slot, item) in n.iter_mut().zip(&items) {
        *slot = args::int(vm, item)?;
    }
    // C counts weekdays from Sunday: CPython checks (wday + 1) % 7 with C's
    // remainder, so -1 is Sunday and below that is out of range.
    if (n[6] + 1) % 7 < 0 {
        return Err(Raise::value_error("day of week out of range"));
    }
    Ok(Tm {
        year: n[0],
        mon: n[1],
        mday: n[2],
        hour: n[3],
        min: n[4],
        sec: n[5],
        wday: ((n[6] + 1) % 7 + 6) % 7,
        yday: n[7],
        isdst: n[8],
        zone,
        gmtoff,
    })
}

/// The range checks `strftime` and `asctime` make, which also accept the zeros of a
/// "don't care" tuple (month 0, day 0, day of year 0).
fn check_for_strftime(tm: &mut Tm) -> PyResult<()> {
    if tm.mon == 0 {
        tm.mon = 1;
    } else if !(1..=12).contains(&tm.mon) {
        return Err(Raise::value_error("month out of range"));
    }
    if tm.mday == 0 {
        tm.mday = 1;
    } else if !(0..=31).contains(&tm.mday) {
        return Err(Raise::value_error("day of month out of range"));
    }
    check_clock(tm)?;
    if tm.yday == 0 {
        tm.yday = 1;
    } else if !(1..=366).contains(&tm.yday) {
        return Err(Raise::value_error("day of year out of range"));
    }
    tm.isdst = tm.isdst.clamp(-1, 1);
    Ok(())
}

fn check_clock(tm: &Tm) -> PyResult<()> {
    if !(0..=23).contains(&tm.hour) {
        return Err(Raise::value_error("hour out of range"));
    }
    if !(0..=59).contains(&tm.min) {
        return Err(Raise::value_error("minute out of range"));
    }
    if !(0..=61).contains(&tm.sec) {
        return Err(Raise::value_error("seconds out of range"));
    }
    Ok(())
}

fn mktime(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let [t] = args::parse("time.mktime", ["t"], 1, args, kwargs)?;
    let tm = tm_arg(vm, "mktime", &t.unwrap_or(Value::None))?;
    let local = tm.as_utc_seconds();
    Ok(Value::Float(tz::local().to_utc(local, tm.isdst) as f64))
}

fn strftime(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let [format, t] = args::parse("strftime", ["format", "t"], 1, args, kwargs)?;
    let format = format.unwrap_or(Value::None);
    let Some(Object::Str(format)) = format.as_object() else {
        return Err(Raise::type_error(format!(
            "strftime() argument 1 must be str, not {}",
            attr::type_name(vm, &format)
        )));
    };
    let mut tm = match t {
        None => local_tm(now_seconds()),
        Some(t) => tm_arg(vm, "strftime", &t)?,
    };
    check_for_strftime(&mut tm)?;
    let zone = match &tm.zone {
        Some(z) => z.clone(),
        None => {
            let kinds = tz_names(vm)?;
            kinds[(tm.isdst > 0) as usize].clone()
        }
    };
    Ok(PyStr::value(calendar::strftime(&format.text, &tm, &zone)))
}

/// `time.tzname` as the module computed it.
fn tz_names(vm: &mut Vm) -> PyResult<[String; 2]> {
    let module = import::import_module(vm, "time")?;
    let names = attr::get(vm, &module, "tzname")?;
    let text = |v: Option<&Value>| match v.and_then(Value::as_object) {
        Some(Object::Str(s)) => s.text.to_string(),
        _ => String::new(),
    };
    match names.as_object() {
        Some(Object::Tuple(t)) => Ok([text(t.first()), text(t.get(1))]),
        _ => Ok([String::new(), String::new()]),
    }
}

fn asctime(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let [t] = args::parse("asctime", ["t"], 0, args, kwargs)?;
    let mut tm = match t {
        None => local_tm(now_seconds()),
        Some(t) => tm_arg(vm, "asctime", &t)?,
    };
    check_for_strftime(&mut tm)?;
    Ok(PyStr::value(calendar::asctime(&tm)))
}

fn ctime(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let [secs] = args::parse("ctime", ["secs"], 0, args, kwargs)?;
    let secs = seconds_arg(vm, secs)?;
    Ok(PyStr::value(calendar::asctime(&local_tm(secs))))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    /// While one thread sleeps, another takes the GIL at once.
    #[test]
    fn sleep_releases_the_gil() {
        let interp = gilt_vm::interp::Interp::new();
        let sleeper = interp.clone();
        let thread = std::thread::spawn(move || {
            let mut vm = sleeper.enter();
            sleep(&mut vm, &[Value::Float(0.5)], &[]).unwrap();
        });
        std::thread::sleep(Duration::from_millis(100));
        let asked = Instant::now();
        let vm = interp.enter();
        assert!(asked.elapsed() < Duration::from_millis(300));
        drop(vm);
        thread.join().unwrap();
    }
}
