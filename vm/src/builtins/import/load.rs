//! Loading a found module (`importlib._bootstrap._load_unlocked`): make the
//! module, put it in `sys.modules`, run its body, and take it out again if the
//! body raises. What the import returns is whatever `sys.modules` holds under
//! the name afterwards (a module may replace itself there).

use super::find::Found;
use super::{get_module, module, remove_module, set_module, ModuleDef};
use crate::exc::{ExcKind, PyResult, Raise};
use crate::gil::GilCell;
use crate::interp::Vm;
use crate::object::{Object, PyStr};
use crate::value::Value;

/// Load module `name` from where `find` found it.
pub fn load(vm: &mut Vm, name: &str, found: Found) -> PyResult<Value> {
    load_into(vm, name, found, module::new_module(name))
}

/// Load module `name` into the module object `new`: a fresh one, or the
/// module itself for `importlib.reload` (its other attributes stay).
pub fn load_into(vm: &mut Vm, name: &str, found: Found, new: Value) -> PyResult<Value> {
    let parent = name.rsplit_once('.').map_or("", |(p, _)| p);
    match found {
        Found::Builtin(ModuleDef::Native(init)) => {
            module::set_attr(vm, &new, "__package__", PyStr::value(parent));
            set_module(vm, name, new.clone());
            if let Err(e) = init(vm, &new) {
                remove_module(vm, name);
                return Err(e);
            }
            finish(vm, name)
        }
        Found::Builtin(ModuleDef::Source { text, package }) => {
            let package_name = if package { name } else { parent };
            module::set_attr(vm, &new, "__package__", PyStr::value(package_name));
            if package {
                module::set_attr(vm, &new, "__path__", list(Vec::new()));
            }
            let filename = format!("<frozen {name}>");
            exec(vm, name, new, &filename, text.as_bytes())
        }
        Found::File { file, package } => {
            let filename = file.to_string_lossy().into_owned();
            let package_name = if package.is_some() { name } else { parent };
            module::set_attr(vm, &new, "__package__", PyStr::value(package_name));
            module::set_attr(vm, &new, "__file__", PyStr::value(filename.as_str()));
            if let Some(dir) = package {
                let dir = PyStr::value(dir.to_string_lossy().into_owned());
                module::set_attr(vm, &new, "__path__", list(vec![dir]));
            }
            let bytes = match std::fs::read(&file) {
                Ok(b) => b,
                Err(e) => {
                    return Err(Raise::new(
                        ExcKind::ImportError,
                        format!("cannot read {filename}: {e}"),
                    ))
                }
            };
            exec(vm, name, new, &filename, &bytes)
        }
        Found::Namespace(dirs) => {
            module::set_attr(vm, &new, "__package__", PyStr::value(name));
            module::set_attr(vm, &new, "__file__", Value::None);
            let dirs = dirs
                .into_iter()
                .map(|d| PyStr::value(d.to_string_lossy().into_owned()))
                .collect();
            module::set_attr(vm, &new, "__path__", list(dirs));
            set_module(vm, name, new);
            finish(vm, name)
        }
    }
}

fn list(items: Vec<Value>) -> Value {
    Value::obj(Object::List(GilCell::new(items)))
}

/// Run a module's source in its namespace, registered in `sys.modules` and
/// marked as initializing while it runs.
fn exec(vm: &mut Vm, name: &str, new: Value, filename: &str, bytes: &[u8]) -> PyResult<Value> {
    set_module(vm, name, new.clone());
    let Some(Object::Module(m)) = new.as_object() else {
        unreachable!("new_module makes a module")
    };
    let globals = m.dict.clone();
    vm.interp
        .imports
        .initializing
        .get_mut(&mut vm.gil)
        .push(name.into());
    let result = crate::run::exec_file(vm, &globals, filename, bytes);
    let running = vm.interp.imports.initializing.get_mut(&mut vm.gil);
    if let Some(i) = running.iter().rposition(|n| &**n == name) {
        running.remove(i);
    }
    if let Err(e) = result {
        remove_module(vm, name);
        return Err(e);
    }
    finish(vm, name)
}

/// What `sys.modules` holds for `name` once its body ran, moved to the end of
/// the dict as CPython's pop-and-reinsert does.
fn finish(vm: &mut Vm, name: &str) -> PyResult<Value> {
    let Some(module) = get_module(vm, name) else {
        return Err(Raise::WithValue(ExcKind::KeyError, PyStr::value(name)));
    };
    remove_module(vm, name);
    set_module(vm, name, module.clone());
    Ok(module)
}
