//! The `_heapq` module: the heap operations lib/heapq.py re-exports, on a
//! list, moving items exactly as CPython's `_heapq` does (its bottom-up
//! sift, so equal items end where CPython puts them). Items are compared
//! with `<` through the full rich comparison; a list that changes size
//! during a comparison is RuntimeError, as in CPython.

use super::bisect::less;
use crate::args::Kw;
use gilt_vm::builtins::import;
use gilt_vm::eval::attr;
use gilt_vm::exc::{ExcKind, PyResult, Raise};
use gilt_vm::gil::GilCell;
use gilt_vm::interp::Vm;
use gilt_vm::object::{NativeFn, Object};
use gilt_vm::value::{Obj, Value};

/// Fill the `_heapq` module.
pub fn init(vm: &mut Vm, module: &Value) -> PyResult<()> {
    let functions: &[(&'static str, NativeFn)] = &[
        ("heappush", heappush),
        ("heappop", heappop),
        ("heapify", heapify),
        ("heapreplace", heapreplace),
        ("heappushpop", heappushpop),
        ("_heappop_max", heappop_max),
        ("_heapify_max", heapify_max),
        ("_heapreplace_max", heapreplace_max),
    ];
    import::add_functions(vm, module, functions);
    Ok(())
}

/// A heap: the list and which way it is ordered.
struct Heap<'a> {
    list: &'a Obj,
    max: bool,
}

impl Heap<'_> {
    fn cells(&self) -> &GilCell<Vec<Value>> {
        match self.list.get() {
            Object::List(l) => l,
            _ => unreachable!("a heap is a list"),
        }
    }

    fn len(&self, vm: &Vm) -> usize {
        self.cells().get(&vm.gil).len()
    }

    fn get(&self, vm: &Vm, i: usize) -> Value {
        self.cells().get(&vm.gil)[i].clone()
    }

    /// Whether item `a` goes above item `b`; the list must keep `len` items.
    fn above(&self, vm: &mut Vm, a: &Value, b: &Value, len: usize) -> PyResult<bool> {
        let r = if self.max {
            less(vm, b, a)?
        } else {
            less(vm, a, b)?
        };
        if self.len(vm) != len {
            return Err(Raise::new(
                ExcKind::RuntimeError,
                "list changed size during iteration",
            ));
        }
        Ok(r)
    }

    fn swap(&self, vm: &mut Vm, i: usize, j: usize) {
        self.cells().get_mut(&mut vm.gil).swap(i, j);
    }

    /// Move the item at `pos` up toward `start` while it is above its parent.
    fn sift_down(&self, vm: &mut Vm, start: usize, mut pos: usize) -> PyResult<()> {
        let len = self.len(vm);
        while pos > start {
            let parent = (pos - 1) >> 1;
            let (item, up) = (self.get(vm, pos), self.get(vm, parent));
            if !self.above(vm, &item, &up, len)? {
                break;
            }
            self.swap(vm, pos, parent);
            pos = parent;
        }
        Ok(())
    }

    /// Move the item at `pos` down to a leaf along the smaller children, then
    /// back up to its place (fewer comparisons than stopping early).
    fn sift_up(&self, vm: &mut Vm, mut pos: usize) -> PyResult<()> {
        let len = self.len(vm);
        let start = pos;
        let limit = len >> 1;
        while pos < limit {
            let mut child = 2 * pos + 1;
            if child + 1 < len {
                let (l, r) = (self.get(vm, child), self.get(vm, child + 1));
                if !self.above(vm, &l, &r, len)? {
                    child += 1;
                }
            }
            self.swap(vm, pos, child);
            pos = child;
        }
        self.sift_down(vm, start, pos)
    }

    fn heapify(&self, vm: &mut Vm) -> PyResult<()> {
        let n = self.len(vm);
        for i in (0..n / 2).rev() {
            self.sift_up(vm, i)?;
        }
        Ok(())
    }
}

/// The list argument of `func` (TypeError naming it otherwise).
fn list_arg<'a>(vm: &Vm, func: &str, which: &str, v: &'a Value) -> PyResult<&'a Obj> {
    match v {
        Value::Obj(o) if matches!(o.get(), Object::List(_)) => Ok(o),
        _ => Err(Raise::type_error(format!(
            "{func}() argument{which} must be list, not {}",
            attr::type_name(vm, v)
        ))),
    }
}

fn one<'a>(vm: &Vm, func: &str, args: &'a [Value], kwargs: &Kw) -> PyResult<&'a Obj> {
    if !kwargs.is_empty() {
        return Err(Raise::type_error(format!(
            "_heapq.{func}() takes no keyword arguments"
        )));
    }
    match args {
        [v] => list_arg(vm, func, "", v),
        _ => Err(Raise::type_error(format!(
            "_heapq.{func}() takes exactly one argument ({} given)",
            args.len()
        ))),
    }
}

fn two<'a>(vm: &Vm, func: &str, args: &'a [Value], kwargs: &Kw) -> PyResult<(&'a Obj, &'a Value)> {
    if !kwargs.is_empty() {
        return Err(Raise::type_error(format!(
            "{func}() takes no keyword arguments"
        )));
    }
    match args {
        [h, item] => Ok((list_arg(vm, func, " 1", h)?, item)),
        _ => Err(Raise::type_error(format!(
            "{func} expected 2 arguments, got {}",
            args.len()
        ))),
    }
}

fn index_error() -> Raise {
    Raise::new(ExcKind::IndexError, "index out of range")
}

fn heappush(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let (list, item) = two(vm, "heappush", args, kwargs)?;
    let heap = Heap { list, max: false };
    heap.cells().get_mut(&mut vm.gil).push(item.clone());
    let last = heap.len(vm) - 1;
    heap.sift_down(vm, 0, last)?;
    Ok(Value::None)
}

fn pop(vm: &mut Vm, heap: &Heap) -> PyResult<Value> {
    let Some(last) = heap.cells().get_mut(&mut vm.gil).pop() else {
        return Err(index_error());
    };
    if heap.len(vm) == 0 {
        return Ok(last);
    }
    let top = std::mem::replace(&mut heap.cells().get_mut(&mut vm.gil)[0], last);
    heap.sift_up(vm, 0)?;
    Ok(top)
}

fn heappop(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let list = one(vm, "heappop", args, kwargs)?;
    pop(vm, &Heap { list, max: false })
}

fn heappop_max(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let list = one(vm, "_heappop_max", args, kwargs)?;
    pop(vm, &Heap { list, max: true })
}

fn heapify(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let list = one(vm, "heapify", args, kwargs)?;
    Heap { list, max: false }.heapify(vm)?;
    Ok(Value::None)
}

fn heapify_max(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let list = one(vm, "_heapify_max", args, kwargs)?;
    Heap { list, max: true }.heapify(vm)?;
    Ok(Value::None)
}

fn replace(vm: &mut Vm, heap: &Heap, item: &Value) -> PyResult<Value> {
    let top = match heap.cells().get_mut(&mut vm.gil).first_mut() {
        Some(slot) => std::mem::replace(slot, item.clone()),
        None => return Err(index_error()),
    };
    heap.sift_up(vm, 0)?;
    Ok(top)
}

fn heapreplace(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let (list, item) = two(vm, "heapreplace", args, kwargs)?;
    replace(vm, &Heap { list, max: false }, item)
}

fn heapreplace_max(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let (list, item) = two(vm, "_heapreplace_max", args, kwargs)?;
    replace(vm, &Heap { list, max: true }, item)
}

fn heappushpop(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let (list, item) = two(vm, "heappushpop", args, kwargs)?;
    let heap = Heap { list, max: false };
    let len = heap.len(vm);
    if len == 0 {
        return Ok(item.clone());
    }
    let top = heap.get(vm, 0);
    if !heap.above(vm, &top, item, len)? {
        return Ok(item.clone());
    }
    replace(vm, &heap, item)
}
