//! `import`: modules already loaded, then `.py` files on the search path.

use crate::exc::{ExcKind, PyResult, Raise};
use crate::interp::Vm;
use crate::value::Value;

/// Import `name` and return the top-level module object.
pub fn import(vm: &mut Vm, name: &str) -> PyResult<Value> {
    if let Some(m) = vm.interp.modules.get(&vm.gil).get_str(name) {
        return Ok(m.clone());
    }
    let top = name.split('.').next().unwrap_or(name);
    if top == "sys" || top == "io" {
        let module = match top {
            "sys" => super::sys::module(vm),
            _ => super::io::module(vm),
        };
        vm.interp
            .modules
            .get_mut(&mut vm.gil)
            .insert_str(top, module.clone());
        return Ok(module);
    }
    if top == "dis" {
        let module = crate::dis::module(vm)?;
        vm.interp
            .modules
            .get_mut(&mut vm.gil)
            .insert_str("dis", module.clone());
        return Ok(module);
    }
    let paths = vm.interp.search_path.get(&vm.gil).clone();
    for dir in paths {
        let file = std::path::Path::new(&dir).join(format!("{top}.py"));
        if let Ok(bytes) = std::fs::read(&file) {
            let module = crate::run::run_module_file(vm, top, &file.to_string_lossy(), &bytes)?;
            if name != top {
                return Err(Raise::new(
                    ExcKind::NotImplementedError,
                    "importing submodules is not supported yet",
                ));
            }
            return Ok(module);
        }
    }
    Err(Raise::new(
        ExcKind::ModuleNotFoundError,
        format!("No module named '{top}'"),
    ))
}
