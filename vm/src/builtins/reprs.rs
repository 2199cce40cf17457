//! Reprs of containers that may hold themselves: CPython's `Py_ReprEnter` and
//! `Py_ReprLeave`. While a container's repr is being made its address is in
//! `vm.reprs_open`; meeting it again inside prints a placeholder instead of
//! recursing forever.

use crate::exc::PyResult;
use crate::interp::Vm;
use crate::value::Obj;

/// `make(vm)`, unless `obj`'s repr is already being made on this thread, in
/// which case `again` (e.g. `set(...)`, `...`).
pub fn guarded(
    vm: &mut Vm,
    obj: &Obj,
    again: impl FnOnce() -> String,
    make: impl FnOnce(&mut Vm) -> PyResult<String>,
) -> PyResult<String> {
    let addr = obj.addr();
    if vm.reprs_open.contains(&addr) {
        return Ok(again());
    }
    vm.reprs_open.push(addr);
    let result = make(vm);
    if let Some(i) = vm.reprs_open.iter().rposition(|&a| a == addr) {
        vm.reprs_open.remove(i);
    }
    result
}
