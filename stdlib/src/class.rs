//! Making the classes native modules define: a class whose methods are Rust
//! functions, placed in a module.

use gilt_vm::exc::PyResult;
use gilt_vm::interp::Vm;
use gilt_vm::object::{Builtin, BuiltinType, NativeFn, Object, PyStr};
use gilt_vm::value::{Obj, Value};

/// How a native class entry binds.
pub enum Member {
    /// A method: the instance arrives as the first argument.
    Method(NativeFn),
    /// A plain function in the class dict (`__new__`, static methods).
    Function(NativeFn),
    /// A class attribute.
    Value(Value),
}

/// A new class `name` deriving from `object`, shown as `module.name`, with
/// `members` in its dict.
pub fn new_class(
    vm: &mut Vm,
    module: &str,
    name: &str,
    members: Vec<(&'static str, Member)>,
) -> PyResult<Obj> {
    let object = vm.type_obj(BuiltinType::Object);
    let class = gilt_vm::interp::new_class(name, &[object], None, &mut vm.gil)?;
    if let Object::Class(c) = class.get() {
        let d = c.dict.get_mut(&mut vm.gil);
        d.insert_str("__module__", PyStr::value(module));
        for (key, member) in members {
            let value = match member {
                Member::Method(f) => Builtin::method(key, f),
                Member::Function(f) => Builtin::function(key, f),
                Member::Value(v) => v,
            };
            d.insert_str(key, value);
        }
    }
    Ok(class)
}
