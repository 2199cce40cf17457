//! `_imp`: the import system's helpers that `importlib` (lib/importlib)
//! builds on, as CPython's `_imp` module is.

use crate::args::{self, Kw};
use gilt_vm::builtins::import;
use gilt_vm::exc::PyResult;
use gilt_vm::interp::Vm;
use gilt_vm::value::Value;

/// Fill the `_imp` module.
pub fn init(vm: &mut Vm, module: &Value) -> PyResult<()> {
    import::add_functions(vm, module, &[("reload", reload)]);
    Ok(())
}

/// `_imp.reload(module)`: run the module's code again in its namespace.
fn reload(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let [module] = args::parse("reload", ["module"], 1, args, kwargs)?;
    import::reload(vm, &module.unwrap_or(Value::None))
}
