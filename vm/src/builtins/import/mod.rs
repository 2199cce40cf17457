//! The import system, as CPython 3.11's `importlib._bootstrap` and
//! `PyImport_ImportModuleLevelObject` behave: `import a.b.c`, `from . import
//! x`, `from m import *` and `__import__`.
//!
//! `sys.modules` (`Interp::modules`, a dict Python code sees and changes) is
//! the only cache: a name found there is never looked for again, and a module
//! is put there before its body runs, so a circular import sees the partial
//! module. Modules are found, in order, in the table of modules built into the
//! binary (`ImportState::table`, native or embedded Python, filled by the
//! embedding layer) and then as `.py` files or package folders on `sys.path`
//! (a submodule: on its package's `__path__`). See `find.rs` and `load.rs`.

pub mod errors;
mod find;
mod load;
pub mod module;
mod resolve;

use crate::eval::{attr, call, iter, ops};
use crate::exc::{ExcKind, PyResult, Raise};
use crate::gil::GilCell;
use crate::interp::{Interp, Vm};
use crate::object::{Dict, Object, PyStr};
use crate::value::{Obj, Value};
use std::collections::HashMap;

pub use module::{add_functions, new_module, set_attr};

/// How a module built into the binary is made.
#[derive(Clone, Copy)]
pub enum ModuleDef {
    /// Rust code fills the new module's namespace (a native module).
    Native(ModuleInit),
    /// Python source embedded in the binary, run like a file (CPython calls
    /// such modules frozen); a package when `package` is set.
    Source { text: &'static str, package: bool },
}

/// A native module's initialiser: it gets the new module (already in
/// `sys.modules`) and sets its attributes.
pub type ModuleInit = fn(&mut Vm, &Value) -> PyResult<()>;

/// What the import system keeps besides `sys.modules`.
pub struct ImportState {
    /// Modules built into the binary, by full dotted name.
    table: GilCell<HashMap<Box<str>, ModuleDef>>,
    /// Modules whose body is running, innermost last: a `from` import of a
    /// name they lack reports a partially initialized module.
    initializing: GilCell<Vec<Box<str>>>,
}

impl ImportState {
    /// The state of a new interpreter: only `sys` is built in.
    pub fn new() -> ImportState {
        let mut table = HashMap::new();
        table.insert("sys".into(), ModuleDef::Native(super::sys::init));
        table.insert("builtins".into(), ModuleDef::Native(builtins_init));
        table.insert("io".into(), ModuleDef::Native(io_init));
        table.insert("dis".into(), ModuleDef::Native(dis_init));
        ImportState {
            table: GilCell::new(table),
            initializing: GilCell::new(Vec::new()),
        }
    }
}

/// `io`, made by builtins/io.rs.
fn io_init(vm: &mut Vm, module: &Value) -> PyResult<()> {
    let made = super::io::module(vm);
    copy_namespace(vm, &made, module);
    Ok(())
}

/// `dis`, made by the dis folder (native helpers and a Python half).
fn dis_init(vm: &mut Vm, module: &Value) -> PyResult<()> {
    let made = crate::dis::module(vm)?;
    copy_namespace(vm, &made, module);
    Ok(())
}

/// Give `to` every attribute of the module `from` but its name.
fn copy_namespace(vm: &mut Vm, from: &Value, to: &Value) {
    let (Some(Object::Module(f)), Some(Object::Module(t))) = (from.as_object(), to.as_object())
    else {
        return;
    };
    let (Object::Dict(src), Object::Dict(dst)) = (f.dict.get(), t.dict.get()) else {
        return;
    };
    let items: Vec<(i64, Value, Value)> = src
        .get(&vm.gil)
        .hashed_items()
        .into_iter()
        .filter(
            |(_, k, _)| !matches!(k.as_object(), Some(Object::Str(s)) if &*s.text == "__name__"),
        )
        .collect();
    let _ = crate::eval::keys::update(vm, dst, items);
}

impl Default for ImportState {
    fn default() -> ImportState {
        ImportState::new()
    }
}

/// Make module `name` importable from `def` (replacing an earlier entry).
/// The embedding layer calls this at start-up for every stdlib module.
pub fn register(vm: &mut Vm, name: &str, def: ModuleDef) {
    vm.interp
        .imports
        .table
        .get_mut(&mut vm.gil)
        .insert(name.into(), def);
}

/// The table entry for `name`, if the binary holds that module.
pub fn builtin_def(vm: &Vm, name: &str) -> Option<ModuleDef> {
    vm.interp.imports.table.get(&vm.gil).get(name).copied()
}

/// The names of the modules in the table, sorted (`sys.builtin_module_names`
/// lists the native ones).
pub fn builtin_names(vm: &Vm, native_only: bool) -> Vec<String> {
    let mut names: Vec<String> = vm
        .interp
        .imports
        .table
        .get(&vm.gil)
        .iter()
        .filter(|(_, d)| !native_only || matches!(d, ModuleDef::Native(_)))
        .map(|(n, _)| n.to_string())
        .collect();
    names.sort();
    names
}

/// The `builtins` module: a module over the interpreter's builtins dict.
/// `builtins`: a module whose namespace is the interpreter's builtins dict
/// itself, so `builtins.x = ...` is seen by every lookup of a builtin name.
/// It takes the place of the fresh module the import system made, and gets
/// that module's `__name__`, `__package__` and the like.
fn builtins_init(vm: &mut Vm, module: &Value) -> PyResult<()> {
    let own: Vec<(Value, Value)> = match module::namespace(module) {
        Some(d) => d
            .get(&vm.gil)
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
        None => Vec::new(),
    };
    if let Object::Dict(d) = vm.interp.builtins.get() {
        for (k, v) in own {
            if let Some(Object::Str(s)) = k.as_object() {
                d.get_mut(&mut vm.gil).insert_str(&s.text, v);
            }
        }
    }
    let shared = Value::obj(Object::Module(crate::object::Module {
        name: "builtins".into(),
        dict: vm.interp.builtins.clone(),
    }));
    set_module(vm, "builtins", shared);
    Ok(())
}

// ---------------------------------------------------------------------------
// sys.modules
// ---------------------------------------------------------------------------

fn modules_cell(interp: &Interp) -> &GilCell<Dict> {
    match interp.modules.get() {
        Object::Dict(d) => d,
        _ => unreachable!("sys.modules is a dict"),
    }
}

/// `sys.modules.get(name)`.
pub fn get_module(vm: &Vm, name: &str) -> Option<Value> {
    modules_cell(&vm.interp).get(&vm.gil).get_str(name).cloned()
}

/// `sys.modules[name] = module`.
pub fn set_module(vm: &mut Vm, name: &str, module: Value) {
    modules_cell(&vm.interp)
        .get_mut(&mut vm.gil)
        .insert_str(name, module);
}

/// `sys.modules.pop(name, None)`.
pub fn remove_module(vm: &mut Vm, name: &str) -> Option<Value> {
    modules_cell(&vm.interp)
        .get_mut(&mut vm.gil)
        .remove_str(name)
}

// ---------------------------------------------------------------------------
// Importing
// ---------------------------------------------------------------------------

/// Import the module with the absolute dotted `name` (its parents first) and
/// return it, not its top-level package: `importlib._bootstrap._find_and_load`.
pub fn import_module(vm: &mut Vm, name: &str) -> PyResult<Value> {
    match get_module(vm, name) {
        Some(Value::None) => Err(errors::not_found(
            vm,
            format!("import of {name} halted; None in sys.modules"),
            name,
        )),
        Some(m) => Ok(m),
        None => find_and_load(vm, name),
    }
}

fn find_and_load(vm: &mut Vm, name: &str) -> PyResult<Value> {
    let (parent, child) = match name.rsplit_once('.') {
        Some((p, c)) if !p.is_empty() => (Some(p), c),
        _ => (None, name),
    };
    let mut search = None;
    if let Some(parent) = parent {
        if get_module(vm, parent).is_none() {
            import_module(vm, parent)?;
        }
        // Importing the parent may have imported this module too.
        if let Some(m) = get_module(vm, name) {
            return Ok(m);
        }
        let parent_module = parent_in_modules(vm, parent)?;
        match attr::get(vm, &parent_module, "__path__") {
            Ok(path) => search = Some(path),
            Err(e) if crate::eval::exception::is_attribute_error(vm, &e) => {
                let msg = format!("No module named '{name}'; '{parent}' is not a package");
                return Err(errors::not_found(vm, msg, name));
            }
            Err(e) => return Err(e),
        }
    }
    let Some(found) = find::find(vm, name, search.as_ref())? else {
        return Err(errors::not_found(
            vm,
            format!("No module named '{name}'"),
            name,
        ));
    };
    let module = load::load(vm, name, found)?;
    if let Some(parent) = parent {
        let parent_module = parent_in_modules(vm, parent)?;
        // CPython only warns when the parent refuses the attribute.
        let _ = attr::set(vm, &parent_module, child, module.clone());
    }
    Ok(module)
}

fn parent_in_modules(vm: &mut Vm, parent: &str) -> PyResult<Value> {
    get_module(vm, parent).ok_or_else(|| Raise::WithValue(ExcKind::KeyError, PyStr::value(parent)))
}

/// `importlib.reload(module)`: find the module again and run its code in
/// its own namespace; what `sys.modules` then holds is returned.
pub fn reload(vm: &mut Vm, module: &Value) -> PyResult<Value> {
    let name = match module_name(vm, module) {
        Some(n) if matches!(module.as_object(), Some(Object::Module(_))) => n,
        _ => return Err(Raise::type_error("reload() argument must be a module")),
    };
    if !get_module(vm, &name).is_some_and(|m| ops::is(&m, module)) {
        let msg = format!("module {name} not in sys.modules");
        return Err(errors::import_error(
            vm,
            ExcKind::ImportError,
            msg,
            PyStr::value(name.as_str()),
            Value::None,
        ));
    }
    let mut search = None;
    if let Some((parent, _)) = name.rsplit_once('.') {
        let Some(parent_module) = get_module(vm, parent) else {
            let msg = format!("parent {} not in sys.modules", str_repr(parent));
            return Err(errors::import_error(
                vm,
                ExcKind::ImportError,
                msg,
                PyStr::value(parent),
                Value::None,
            ));
        };
        search = attr::get(vm, &parent_module, "__path__").ok();
    }
    let Some(found) = find::find(vm, &name, search.as_ref())? else {
        let msg = format!("spec not found for the module {}", str_repr(&name));
        return Err(errors::not_found(vm, msg, &name));
    };
    load::load_into(vm, &name, found, module.clone())
}

/// `__import__(name, globals, locals, fromlist, level)` as the C function
/// `PyImport_ImportModuleLevelObject`: without a fromlist, the top-level
/// package of `name` (for `import a.b.c`, which binds `a`); with one, the
/// module itself, after importing the fromlist's submodules of a package.
pub fn import_name(
    vm: &mut Vm,
    name: &str,
    globals: Option<&Value>,
    fromlist: &Value,
    level: i64,
) -> PyResult<Value> {
    if level < 0 {
        return Err(Raise::value_error("level must be >= 0"));
    }
    let abs_name = if level > 0 {
        resolve::resolve_name(vm, name, globals, level as usize)?
    } else {
        if name.is_empty() {
            return Err(Raise::value_error("Empty module name"));
        }
        name.to_string()
    };
    let module = import_module(vm, &abs_name)?;
    let has_from = !matches!(fromlist, Value::None) && ops::truthy(vm, fromlist)?;
    if has_from {
        if let Some(Object::Module(_)) = module.as_object() {
            if module_has(vm, &module, "__path__") {
                handle_fromlist(vm, &module, fromlist, false)?;
            }
        }
        return Ok(module);
    }
    if level == 0 || !name.is_empty() {
        let Some(dot) = name.find('.') else {
            return Ok(module);
        };
        if level == 0 {
            return import_name(vm, &name[..dot], None, &Value::None, 0);
        }
        // `from .a.b import` never gets here; `__import__('a.b', level=1)`:
        // the module of the package part resolved from the relative name.
        let cut = name.len() - dot;
        let top = &abs_name[..abs_name.len() - cut];
        return get_module(vm, top).ok_or_else(|| {
            Raise::WithValue(
                ExcKind::KeyError,
                PyStr::value(format!("{} not in sys.modules as expected", str_repr(top))),
            )
        });
    }
    Ok(module)
}

/// Does the module have attribute `name` (an error while looking counts as no)?
fn module_has(vm: &mut Vm, module: &Value, name: &str) -> bool {
    attr::get(vm, module, name).is_ok()
}

/// `_handle_fromlist`: import the submodules a fromlist names that the
/// package does not have as attributes yet (and, for `*`, those in
/// `__all__`). A submodule that does not exist is skipped: the `from` import
/// reports the missing name instead.
fn handle_fromlist(vm: &mut Vm, module: &Value, fromlist: &Value, recursive: bool) -> PyResult<()> {
    for item in vm.collect(fromlist)? {
        let Some(Object::Str(x)) = item.as_object() else {
            let where_ = if recursive {
                let name = module_name(vm, module).unwrap_or_default();
                format!("{name}.__all__")
            } else {
                "``from list''".to_string()
            };
            return Err(Raise::type_error(format!(
                "Item in {where_} must be str, not {}",
                attr::type_name(vm, &item)
            )));
        };
        if &*x.text == "*" {
            if !recursive {
                if let Ok(all) = attr::get(vm, module, "__all__") {
                    handle_fromlist(vm, module, &all, true)?;
                }
            }
            continue;
        }
        if module_has(vm, module, &x.text) {
            continue;
        }
        let from_name = format!("{}.{}", module_name(vm, module).unwrap_or_default(), x.text);
        if let Err(e) = import_module(vm, &from_name) {
            let missing = crate::eval::exception::is_kind(vm, &e, ExcKind::ModuleNotFoundError)
                && errors::error_name(vm, &e).as_deref() == Some(from_name.as_str())
                && !matches!(get_module(vm, &from_name), Some(Value::None));
            if !missing {
                return Err(e);
            }
        }
    }
    Ok(())
}

/// A module's `__name__`, when it is a str.
fn module_name(vm: &mut Vm, module: &Value) -> Option<String> {
    match attr::get(vm, module, "__name__").ok()?.as_object() {
        Some(Object::Str(s)) => Some(s.text.to_string()),
        _ => None,
    }
}

fn str_repr(s: &str) -> String {
    crate::object::str::repr(s)
}

/// IMPORT_NAME: through `builtins.__import__` when a program replaced it,
/// else straight to [`import_name`].
pub fn import_op(
    vm: &mut Vm,
    name: &str,
    globals: &Obj,
    fromlist: &Value,
    level: &Value,
) -> PyResult<Value> {
    let hook = match vm.interp.builtins.get() {
        Object::Dict(d) => d.get(&vm.gil).get_str("__import__").cloned(),
        _ => None,
    };
    let globals = Value::Obj(globals.clone());
    match hook {
        Some(f) if !attr::is_native(&f, builtin_import) => {
            let args = vec![
                PyStr::value(name),
                globals,
                Value::None,
                fromlist.clone(),
                level.clone(),
            ];
            call::call(vm, &f, args, Vec::new())
        }
        Some(_) => {
            let level = match level {
                Value::Int(n) => *n,
                _ => 0,
            };
            import_name(vm, name, Some(&globals), fromlist, level)
        }
        None => Err(Raise::new(ExcKind::ImportError, "__import__ not found")),
    }
}

/// `__import__(name, globals=None, locals=None, fromlist=(), level=0)`.
pub fn builtin_import(
    vm: &mut Vm,
    args: &[Value],
    kwargs: &[(Box<str>, Value)],
) -> PyResult<Value> {
    const PARAMS: [&str; 5] = ["name", "globals", "locals", "fromlist", "level"];
    if args.len() > PARAMS.len() {
        return Err(Raise::type_error(format!(
            "__import__() takes at most 5 arguments ({} given)",
            args.len() + kwargs.len()
        )));
    }
    let mut slots: [Option<Value>; 5] = Default::default();
    for (slot, a) in slots.iter_mut().zip(args) {
        *slot = Some(a.clone());
    }
    for (k, v) in kwargs {
        let Some(i) = PARAMS.iter().position(|p| **p == **k) else {
            return Err(Raise::type_error(format!(
                "__import__() got an unexpected keyword argument '{k}'"
            )));
        };
        if slots[i].is_some() {
            return Err(Raise::type_error(format!(
                "argument for __import__() given by name ('{k}') and position ({})",
                i + 1
            )));
        }
        slots[i] = Some(v.clone());
    }
    let [name, globals, _locals, fromlist, level] = slots;
    let Some(name) = name else {
        return Err(Raise::type_error(
            "__import__() missing required argument 'name' (pos 1)",
        ));
    };
    let Some(Object::Str(name)) = name.as_object() else {
        return Err(Raise::type_error("module name must be a string"));
    };
    let level = match level {
        None => 0,
        Some(Value::Int(n)) => n,
        Some(Value::Bool(b)) => b as i64,
        Some(other) => {
            return Err(Raise::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                attr::type_name(vm, &other)
            )))
        }
    };
    let fromlist = fromlist.unwrap_or(Value::None);
    import_name(vm, &name.text, globals.as_ref(), &fromlist, level)
}

/// IMPORT_FROM: attribute `name` of `module`, else the submodule
/// `module.name` from `sys.modules` (a circular import may not have set the
/// attribute yet), else CPython's ImportError.
pub fn import_from(vm: &mut Vm, module: &Value, name: &str) -> PyResult<Value> {
    match attr::get(vm, module, name) {
        Ok(v) => return Ok(v),
        Err(e) if !crate::eval::exception::is_attribute_error(vm, &e) => return Err(e),
        Err(_) => {}
    }
    let pkgname = match attr::get(vm, module, "__name__") {
        Ok(v) => match v.as_object() {
            Some(Object::Str(s)) => Some(s.text.to_string()),
            _ => None,
        },
        Err(_) => None,
    };
    if let Some(pkg) = &pkgname {
        if let Some(m) = get_module(vm, &format!("{pkg}.{name}")) {
            return Ok(m);
        }
    }
    let path = module::file_of(vm, module);
    let shown = pkgname
        .clone()
        .unwrap_or_else(|| "<unknown module name>".into());
    let msg = match &path {
        None => format!(
            "cannot import name {} from {} (unknown location)",
            str_repr(name),
            str_repr(&shown)
        ),
        Some(path) => {
            let partial = pkgname.as_deref().is_some_and(|p| is_initializing(vm, p));
            if partial {
                format!(
                    "cannot import name {} from partially initialized module {} \
                     (most likely due to a circular import) ({path})",
                    str_repr(name),
                    str_repr(&shown)
                )
            } else {
                format!(
                    "cannot import name {} from {} ({path})",
                    str_repr(name),
                    str_repr(&shown)
                )
            }
        }
    };
    Err(errors::import_error(
        vm,
        ExcKind::ImportError,
        msg,
        pkgname.map(PyStr::value).unwrap_or(Value::None),
        path.map(PyStr::value).unwrap_or(Value::None),
    ))
}

/// Is module `name`'s body running?
fn is_initializing(vm: &Vm, name: &str) -> bool {
    vm.interp
        .imports
        .initializing
        .get(&vm.gil)
        .iter()
        .any(|n| &**n == name)
}

/// IMPORT_STAR: bind in `namespace` (a dict) every name of `module.__all__`,
/// or, without one, every name in its `__dict__` not starting with `_`.
pub fn import_star(vm: &mut Vm, module: &Value, namespace: &Obj) -> PyResult<()> {
    let (names, public_only) = match attr::get(vm, module, "__all__") {
        Ok(all) => (all, false),
        Err(e) if !crate::eval::exception::is_attribute_error(vm, &e) => return Err(e),
        Err(_) => {
            let dict = match module.as_object() {
                Some(Object::Module(m)) => Value::Obj(m.dict.clone()),
                _ => match attr::get(vm, module, "__dict__") {
                    Ok(d) => d,
                    Err(_) => {
                        return Err(Raise::new(
                            ExcKind::ImportError,
                            "from-import-* object has no __dict__ and no __all__",
                        ))
                    }
                },
            };
            (dict, true)
        }
    };
    let names = if public_only {
        match names.as_object() {
            Some(Object::Dict(d)) => d.get(&vm.gil).keys().cloned().collect(),
            _ => vm.collect(&names)?,
        }
    } else {
        sequence_items(vm, &names)?
    };
    for item in names {
        let Some(Object::Str(s)) = item.as_object() else {
            let modname = module_name(vm, module);
            let type_name = attr::type_name(vm, &item);
            return Err(Raise::type_error(match modname {
                None => format!("module __name__ must be a string, not {type_name}"),
                Some(m) if public_only => {
                    format!("Key in {m}.__dict__ must be str, not {type_name}")
                }
                Some(m) => format!("Item in {m}.__all__ must be str, not {type_name}"),
            }));
        };
        if public_only && s.text.starts_with('_') {
            continue;
        }
        let value = attr::get(vm, module, &s.text)?;
        if let Object::Dict(d) = namespace.get() {
            d.get_mut(&mut vm.gil).insert_str(&s.text, value);
        }
    }
    Ok(())
}

/// The items of `__all__`, read by index as CPython does (so a str's
/// characters, a list's items).
fn sequence_items(vm: &mut Vm, seq: &Value) -> PyResult<Vec<Value>> {
    match seq.as_object() {
        Some(Object::List(l)) => Ok(l.get(&vm.gil).clone()),
        Some(Object::Tuple(t)) => Ok(t.to_vec()),
        _ => iter::collect(vm, seq),
    }
}
