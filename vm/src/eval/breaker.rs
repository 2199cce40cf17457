//! The eval breaker: what the loop looks at between instructions, at loop
//! back-edges and calls. Two reasons to stop: a signal arrived (its Python
//! handler runs in the main thread), or another thread waits for the GIL.

use crate::exc::{ExcKind, PyResult, Raise};
use crate::interp::Vm;
use crate::object::Builtin;
use crate::signals;
use crate::value::Value;
use std::sync::atomic::Ordering;

/// Is there anything to do? Two relaxed loads when not.
#[inline(always)]
pub fn is_set(vm: &Vm) -> bool {
    signals::pending() || vm.gil.contended() || super::finalize::pending() || crate::gc::due()
}

/// Do it: run signal handlers (main thread only), and hand the GIL to a
/// waiting thread when asked or when this one has held it a switch interval.
#[cold]
#[inline(never)]
pub fn serve(vm: &mut Vm) -> PyResult<()> {
    if crate::gc::due() {
        crate::gc::collect_due(vm);
    }
    if super::finalize::pending() {
        super::finalize::run_pending(vm, None);
    }
    if vm.main_thread && signals::pending() {
        run_signal_handlers(vm)?;
    }
    if vm.gil.contended() {
        vm.breaker_checks += 1;
        let every = vm.interp.check_interval.load(Ordering::Relaxed);
        if vm.gil.switch_requested() || vm.breaker_checks >= every {
            vm.breaker_checks = 0;
            vm.gil.maybe_switch();
        }
    }
    Ok(())
}

/// Run the Python handler of every signal that arrived, lowest number first.
/// If a handler raises, the signals not yet handled stay pending.
pub fn run_signal_handlers(vm: &mut Vm) -> PyResult<()> {
    let arrived = signals::take_pending();
    for (i, &signum) in arrived.iter().enumerate() {
        let handler = vm.interp.signal_handlers.get(&vm.gil)[signum as usize].clone();
        // SIG_DFL or SIG_IGN as far as Python knows: nothing to run.
        if matches!(handler, Value::Int(_) | Value::None) {
            continue;
        }
        let args = vec![Value::Int(signum as i64), Value::None];
        if let Err(e) = super::call::call(vm, &handler, args, Vec::new()) {
            for &later in &arrived[i + 1..] {
                signals::simulate(later);
            }
            return Err(e);
        }
    }
    Ok(())
}

/// `signal.default_int_handler(signum, frame)`: raise KeyboardInterrupt.
pub fn default_int_handler(
    _vm: &mut Vm,
    _args: &[Value],
    _: &[(Box<str>, Value)],
) -> PyResult<Value> {
    Err(Raise::Bare(ExcKind::KeyboardInterrupt))
}

/// The Python handlers a new interpreter starts with: SIGINT raises
/// KeyboardInterrupt, SIGPIPE is ignored (as the runtime ignores it), every
/// other signal has the OS default (`SIG_DFL`, 0).
pub fn initial_handlers() -> Vec<Value> {
    let mut table = vec![Value::Int(0); signals::NSIG as usize];
    table[signals::SIGINT as usize] = Builtin::function("default_int_handler", default_int_handler);
    table[signals::SIGPIPE as usize] = Value::Int(1);
    table
}
