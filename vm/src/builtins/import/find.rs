//! Finding a module: first the table of modules built into the binary, then
//! each folder of the search path in order, as CPython's `FileFinder` looks:
//! a package folder `NAME/__init__.py`, then a file `NAME.py`, and, when no
//! folder has either, every folder `NAME/` together as a namespace package.

use super::ModuleDef;
use crate::exc::PyResult;
use crate::interp::Vm;
use crate::object::Object;
use crate::value::Value;
use std::path::{Path, PathBuf};

/// Where a module's code is.
pub enum Found {
    /// In the binary.
    Builtin(ModuleDef),
    /// A `.py` file; for a package (`__init__.py`), its folder too.
    File {
        file: PathBuf,
        package: Option<PathBuf>,
    },
    /// Folders without `__init__.py`: a namespace package spread over them.
    Namespace(Vec<PathBuf>),
}

/// Find module `name` (a full dotted name). `search` is the parent package's
/// `__path__`; `None` for a top-level module, which is looked for on `sys.path`.
pub fn find(vm: &mut Vm, name: &str, search: Option<&Value>) -> PyResult<Option<Found>> {
    if let Some(def) = super::builtin_def(vm, name) {
        return Ok(Some(Found::Builtin(def)));
    }
    let tail = name.rsplit('.').next().unwrap_or(name);
    // Only a name can be a file name: `__import__('a/b')` finds nothing.
    if tail.is_empty() || tail.contains(['/', '\0']) {
        return Ok(None);
    }
    let entries = match search {
        Some(path) => vm.collect(path)?,
        None => sys_path(vm)?,
    };
    let mut portions = Vec::new();
    for entry in entries {
        let Some(Object::Str(dir)) = entry.as_object() else {
            continue;
        };
        let dir = folder(&dir.text);
        let base = dir.join(tail);
        let init = base.join("__init__.py");
        if init.is_file() {
            return Ok(Some(Found::File {
                file: init,
                package: Some(base),
            }));
        }
        let file = dir.join(format!("{tail}.py"));
        if file.is_file() {
            return Ok(Some(Found::File {
                file,
                package: None,
            }));
        }
        if base.is_dir() {
            portions.push(base);
        }
    }
    Ok((!portions.is_empty()).then_some(Found::Namespace(portions)))
}

/// The entries of `sys.path`: the `sys` module's attribute when the program
/// can have replaced it, else the interpreter's list.
fn sys_path(vm: &mut Vm) -> PyResult<Vec<Value>> {
    let list = match super::get_module(vm, "sys") {
        Some(sys @ Value::Obj(_)) => match crate::eval::attr::get(vm, &sys, "path") {
            Ok(path) => path,
            Err(_) => return Ok(Vec::new()),
        },
        _ => Value::Obj(vm.interp.search_path.clone()),
    };
    vm.collect(&list)
}

/// A search path entry as a folder: `''` is the current folder, named by its
/// absolute path as CPython's finder names it.
fn folder(entry: &str) -> PathBuf {
    if entry.is_empty() {
        return std::env::current_dir().unwrap_or_else(|_| Path::new(".").to_path_buf());
    }
    PathBuf::from(entry)
}
