//! The evaluation loop.
//!
//! One loop runs a stack of frames: a call from bytecode to a Python function
//! pushes a frame and a return pops it, so Python-to-Python calls never recurse
//! on the Rust stack (DESIGN.md invariant 2). Native code that calls back into
//! Python (a class body, `sorted(key=...)`, a dunder method) starts a nested
//! loop through [`call::call`]; the frame count (`vm.depth`) bounds both kinds
//! and raises RecursionError past `sys.getrecursionlimit()`.
//!
//! An exception unwinds through the code object's handler table: the innermost
//! range covering the failing instruction gets the exception on its stack;
//! without one, the frame is dropped and its caller's table is searched.

pub mod attr;
pub mod breaker;
pub mod call;
pub mod class;
pub mod coroutine;
pub mod descriptor;
pub mod exception;
pub mod exception_report;
pub mod finalize;
pub mod generator;
pub mod iter;
pub mod keys;
pub mod namespace;
pub mod ops;
pub mod pattern;
pub mod stacklet;
pub mod trail;
pub mod unpack_args;

use crate::builtins::{exception_attrs, exception_group, import};
use crate::bytecode::{Code, Op};
use crate::exc::{ExcKind, PyResult, Raise};
use crate::gil::GilCell;
use crate::interp::Vm;
use crate::object::{int, Dict, Object, PyStr, SeqIter};
use crate::value::{Obj, Value};
use std::sync::Arc;

/// A running (or ready to run) body of code.
pub struct Frame {
    /// The code.
    pub code: Arc<Code>,
    /// Index of the next instruction.
    pub pc: usize,
    /// The value stack.
    pub stack: Vec<Value>,
    /// Fast locals; `None` is unbound.
    pub locals: Vec<Option<Value>>,
    /// Cells: this code's cellvars, then the closure's free variables.
    pub cells: Vec<Obj>,
    /// The function running, when it is one: moved off the caller's stack,
    /// it also gives the globals without another reference count.
    pub func: Option<Obj>,
    /// The module globals (a dict) of module and class bodies.
    pub module_globals: Option<Obj>,
    /// The namespace of a module or class body (a dict), for `*_NAME`.
    pub namespace: Option<Obj>,
    /// Keyword names for the next CALL.
    kw_names: Option<u32>,
    /// What to do with the value the frame returns before its caller gets it.
    pub on_return: OnReturn,
}

/// What becomes of a frame's return value.
pub enum OnReturn {
    /// The caller gets it.
    Value,
    /// An `__init__` run by calling a class: the call returns this new
    /// instance (and the frame's own return value must be None).
    Init(Value),
    /// A binary operator's dunder (`a.__add__(b)`) run as a frame: if it
    /// returns NotImplemented, the operator goes on with `b`'s reflected
    /// method (see `ops::binary_after_left`).
    Binary(Box<BinaryCall>),
    /// A rich comparison's dunder (`a.__eq__(b)`) run as a frame: on
    /// NotImplemented, `b`'s reflected method, then the defaults (see
    /// `ops::compare_after_left`). `arg` is COMPARE_OP's.
    Compare(Box<BinaryCall>),
    /// The first frame of a stacklet (see `stacklet`), which the greenlet
    /// module ends with a final transfer instead of a return.
    StackletBase,
    /// A Python `__next__` run for FOR_ITER: its value is the loop's next
    /// item, and a StopIteration out of it ends the loop (jumping to this
    /// target) instead of propagating.
    ForNext(u32),
}

/// The operands of a binary operator whose left dunder runs as a frame.
pub struct BinaryCall {
    /// BINARY_OP's argument.
    pub arg: u32,
    /// The left operand.
    pub a: Value,
    /// The right operand.
    pub b: Value,
}

impl Frame {
    /// The module globals (a dict).
    #[inline]
    pub fn globals(&self) -> &Obj {
        match &self.func {
            Some(f) => match f.get() {
                Object::Function(f) => &f.globals,
                _ => unreachable!("frames run functions"),
            },
            None => self.module_globals.as_ref().expect("a frame has globals"),
        }
    }

    /// A frame for `code` with empty locals.
    pub fn new(code: Arc<Code>, globals: Obj, namespace: Option<Obj>) -> Frame {
        debug_assert!(matches!(code.ops.first(), Some(Op::Resume(_))));
        let cells = code
            .cellvars
            .iter()
            .map(|_| Obj::new(Object::Cell(GilCell::new(None))))
            .collect();
        Frame {
            locals: vec![None; code.varnames.len()],
            stack: Vec::with_capacity(code.stacksize as usize),
            code,
            pc: FIRST_PC,
            cells,
            func: None,
            module_globals: Some(globals),
            namespace,
            kw_names: None,
            on_return: OnReturn::Value,
        }
    }

    /// A frame like `new`'s, its locals and stack taken from the thread's pool.
    pub fn pooled(vm: &mut Vm, code: Arc<Code>, globals: Obj, namespace: Option<Obj>) -> Frame {
        debug_assert!(matches!(code.ops.first(), Some(Op::Resume(_))));
        let (mut locals, mut stack) = vm.frame_pool.pop().unwrap_or_default();
        locals.resize(code.varnames.len(), None);
        stack.reserve(code.stacksize as usize);
        let cells = code
            .cellvars
            .iter()
            .map(|_| Obj::new(Object::Cell(GilCell::new(None))))
            .collect();
        Frame {
            locals,
            stack,
            code,
            pc: FIRST_PC,
            cells,
            func: None,
            module_globals: Some(globals),
            namespace,
            kw_names: None,
            on_return: OnReturn::Value,
        }
    }
}

/// Where a frame starts: every code object opens with RESUME, which does
/// nothing here, so frames begin after it.
const FIRST_PC: usize = 1;

/// How many emptied frames a thread keeps for reuse.
const FRAME_POOL_SIZE: usize = 64;

/// Give a finished frame's locals and stack back to the pool.
fn recycle(vm: &mut Vm, frame: Frame) {
    if vm.frame_pool.len() < FRAME_POOL_SIZE {
        let Frame {
            mut locals,
            mut stack,
            on_return,
            ..
        } = frame;
        // The plain variant owns nothing: skip the out-of-line drop glue
        // every call would otherwise pay for.
        if matches!(on_return, OnReturn::Value) {
            std::mem::forget(on_return);
        }
        locals.clear();
        stack.clear();
        vm.frame_pool.push((locals, stack));
    }
}

/// Run `frame` (and whatever it calls) to completion.
pub fn run(vm: &mut Vm, frame: Frame) -> PyResult<Value> {
    if vm.depth >= vm.recursion_limit {
        return Err(Raise::new(
            ExcKind::RecursionError,
            "maximum recursion depth exceeded",
        ));
    }
    let base = vm.depth;
    vm.depth += 1;
    let trail_base = vm.trail.len();
    trail::enter(vm, &frame);
    let outer_level = vm.enter_level();
    let mut frames = vec![frame];
    let result = run_frames(vm, &mut frames);
    vm.level = outer_level;
    vm.depth = base;
    vm.trail.truncate(trail_base);
    match result? {
        Step::Returned(v) => Ok(v),
        Step::Yielded(_) => {
            unreachable!("only generator frames yield, and they run in generator::resume")
        }
    }
}

/// How a run of the loop ended: the base frame returned, or (a generator's
/// frame) yielded and can be resumed.
pub enum Step {
    Returned(Value),
    Yielded(Value),
}

/// What one step of the loop asks the driver to do.
enum Flow {
    /// The current frame (a generator's) yields this value.
    Yield(Value),
    /// Start running a new frame (a call).
    Push(Frame),
    /// The current frame returned this value.
    Return(Value),
}

/// Run until the base frame returns or yields; the frames stay in `frames`.
pub(crate) fn run_frames(vm: &mut Vm, frames: &mut Vec<Frame>) -> PyResult<Step> {
    loop {
        let frame = frames.last_mut().expect("a frame is running");
        let result = run_frame(vm, frame);
        match result {
            Ok(Flow::Push(f)) => {
                if breaker::is_set(vm) {
                    if let Err(e) = breaker::serve(vm) {
                        unwind(vm, frames, e)?;
                        continue;
                    }
                }
                if vm.depth >= vm.recursion_limit {
                    let err =
                        Raise::new(ExcKind::RecursionError, "maximum recursion depth exceeded");
                    unwind(vm, frames, err)?;
                    continue;
                }
                vm.depth += 1;
                if let Some(caller) = frames.last() {
                    trail::at(vm, caller.pc);
                }
                trail::enter(vm, &f);
                frames.push(f);
            }
            Ok(Flow::Return(mut value)) => {
                let mut done = frames.pop().expect("a frame returned");
                if !matches!(done.on_return, OnReturn::Value) {
                    let hook = std::mem::replace(&mut done.on_return, OnReturn::Value);
                    value = match finish_return(vm, hook, value) {
                        Ok(v) => v,
                        Err(err) => {
                            if frames.is_empty() {
                                return Err(err);
                            }
                            vm.depth -= 1;
                            trail::leave(vm);
                            unwind(vm, frames, err)?;
                            continue;
                        }
                    };
                }
                if !frames.is_empty() {
                    recycle(vm, done);
                }
                // The returning frame's locals may have held generators.
                if finalize::pending() {
                    if let Some(caller) = frames.last() {
                        finalize::run_pending(vm, Some((caller, caller.pc - 1)));
                    }
                }
                match frames.last_mut() {
                    Some(caller) => {
                        vm.depth -= 1;
                        trail::leave(vm);
                        caller.stack.push(value);
                    }
                    None => return Ok(Step::Returned(value)),
                }
            }
            Ok(Flow::Yield(value)) => {
                debug_assert_eq!(frames.len(), 1, "a generator frame runs alone");
                return Ok(Step::Yielded(value));
            }
            Err(Raise::Transfer(t)) => {
                if let Err(err) = stacklet::transfer(vm, frames, *t) {
                    unwind(vm, frames, err)?
                }
            }
            Err(err) => unwind(vm, frames, err)?,
        }
    }
}

/// FOR_ITER over a range or list iterator on top of the stack: the next
/// value (`Some(None)` when done), or None for any other iterator.
#[inline]
fn quick_next(vm: &mut Vm, frame: &Frame) -> Option<Option<Value>> {
    let Some(Value::Obj(o)) = frame.stack.last() else {
        return None;
    };
    let Object::Iter(state) = o.get() else {
        return None;
    };
    let item = match state.get(&vm.gil) {
        SeqIter::Range { .. } => None,
        SeqIter::List { list, next } => match list.get() {
            Object::List(l) => Some(l.get(&vm.gil).get(*next).cloned()),
            _ => return None,
        },
        _ => return None,
    };
    match (state.get_mut(&mut vm.gil), item) {
        (SeqIter::Range { next, stop, step }, _) => {
            let more = if *step > 0 {
                *next < *stop
            } else {
                *next > *stop
            };
            if !more {
                return Some(None);
            }
            let v = *next;
            *next = next.saturating_add(*step);
            Some(Some(Value::Int(v)))
        }
        (SeqIter::List { next, .. }, Some(item)) => {
            if item.is_some() {
                *next += 1;
            }
            Some(item)
        }
        _ => None,
    }
}

/// Apply a frame's `OnReturn` to the value it returned.
#[inline(never)]
fn finish_return(vm: &mut Vm, hook: OnReturn, value: Value) -> PyResult<Value> {
    match hook {
        OnReturn::Value | OnReturn::StackletBase | OnReturn::ForNext(_) => Ok(value),
        OnReturn::Init(instance) => class::init_result(vm, value, instance),
        OnReturn::Binary(call) => {
            if ops::is_not_implemented(vm, &value) {
                ops::binary_after_left(vm, call.arg, &call.a, &call.b)
            } else {
                Ok(value)
            }
        }
        OnReturn::Compare(call) => {
            if ops::is_not_implemented(vm, &value) {
                let op = crate::compile::codegen::COMPARE_OPS[call.arg as usize];
                ops::compare_after_left(vm, op, &call.a, &call.b)
            } else {
                Ok(value)
            }
        }
    }
}

/// Find a handler for `err`, frame by frame. `Ok`: a handler takes over;
/// `Err`: no frame of this loop handles it.
pub(crate) fn unwind(vm: &mut Vm, frames: &mut Vec<Frame>, err: Raise) -> PyResult<()> {
    let mut skip_traceback = matches!(err, Raise::Reraised(_));
    let exc = exception::materialize(vm, err);
    // A failing instruction may have dropped the last reference to a generator.
    if finalize::pending() {
        if let Some(f) = frames.last() {
            finalize::run_pending(vm, Some((f, f.pc.saturating_sub(1))));
        }
    }
    loop {
        let frame = frames.last_mut().expect("a frame is running");
        let pc = frame.pc.saturating_sub(1);
        if !std::mem::take(&mut skip_traceback) {
            let globals = frame.globals().clone();
            exception::add_traceback(vm, &exc, &frame.code, &globals, pc);
        }
        let handler = frame
            .code
            .handlers
            .iter()
            .find(|h| (h.start as usize..h.end as usize).contains(&pc))
            .copied();
        if let Some(h) = handler {
            frame.stack.truncate(h.depth as usize);
            frame.stack.push(exc);
            frame.pc = h.target as usize;
            return Ok(());
        }
        let done = frames.pop().expect("a frame is running");
        if frames.is_empty() {
            return Err(Raise::Object(exc));
        }
        let ends_loop = match done.on_return {
            OnReturn::ForNext(target) => {
                exception::is_stop_iteration(vm, &Raise::Object(exc.clone())).then_some(target)
            }
            _ => None,
        };
        recycle(vm, done);
        vm.depth -= 1;
        trail::leave(vm);
        if let Some(target) = ends_loop {
            // The iterator is exhausted: FOR_ITER's loop ends here.
            let caller = frames.last_mut().expect("checked above");
            caller.stack.pop();
            caller.pc = target as usize;
            return Ok(());
        }
    }
}

#[inline]
fn pop(frame: &mut Frame) -> Value {
    frame.stack.pop().expect("the compiler balances the stack")
}

#[inline]
fn top(frame: &Frame) -> &Value {
    frame.stack.last().expect("the compiler balances the stack")
}

/// Name `i` of the frame's code, hashed and as a shared str object.
#[inline]
fn code_name(frame: &Frame, i: u32) -> attr::Name<'_> {
    let code = &*frame.code;
    attr::Name::of_key(&code.name_objs[i as usize], code.name_hashes[i as usize])
}

fn name(frame: &Frame, i: u32) -> &str {
    &frame.code.names[i as usize]
}

fn dict_of(o: &Obj) -> &GilCell<Dict> {
    match o.get() {
        Object::Dict(d) => d,
        _ => unreachable!("namespaces are dicts"),
    }
}

/// Run instructions of `frame` until it calls, returns, yields or raises.
fn run_frame(vm: &mut Vm, frame: &mut Frame) -> PyResult<Flow> {
    loop {
        let op = frame.code.ops[frame.pc];
        frame.pc += 1;
        match op {
            Op::Nop | Op::Resume(_) => {}
            Op::PopTop => {
                pop(frame);
                // Often where the last reference to a generator dies.
                if finalize::pending() {
                    finalize::run_pending(vm, Some((frame, frame.pc - 1)));
                }
            }
            Op::Copy(n) => {
                let v = frame.stack[frame.stack.len() - n as usize].clone();
                frame.stack.push(v);
            }
            Op::Swap(n) => {
                let len = frame.stack.len();
                frame.stack.swap(len - 1, len - n as usize);
            }
            Op::LoadConst(i) => frame.stack.push(frame.code.consts[i as usize].clone()),
            Op::LoadFast(i) => match &frame.locals[i as usize] {
                Some(v) => frame.stack.push(v.clone()),
                None => return Err(exception::unbound_local(&frame.code.varnames[i as usize])),
            },
            Op::StoreFast(i) => frame.locals[i as usize] = Some(pop(frame)),
            Op::DeleteFast(i) => {
                if frame.locals[i as usize].take().is_none() {
                    return Err(exception::unbound_local(&frame.code.varnames[i as usize]));
                }
                if finalize::pending() {
                    finalize::run_pending(vm, Some((frame, frame.pc - 1)));
                }
            }
            Op::LoadDeref(i) => {
                let value = match frame.cells[i as usize].get() {
                    Object::Cell(c) => c.get(&vm.gil).clone(),
                    _ => unreachable!("cells hold cells"),
                };
                match value {
                    Some(v) => frame.stack.push(v),
                    None => return Err(exception::unbound_free(&frame.code, i)),
                }
            }
            Op::StoreDeref(i) => {
                let v = pop(frame);
                if let Object::Cell(c) = frame.cells[i as usize].get() {
                    *c.get_mut(&mut vm.gil) = Some(v);
                }
            }
            Op::LoadClosure(i) => frame
                .stack
                .push(Value::Obj(frame.cells[i as usize].clone())),
            Op::LoadGlobal(i) => {
                let v = load_global_cached(vm, frame, i)?;
                frame.stack.push(v);
            }
            Op::StoreGlobal(i) => {
                let v = pop(frame);
                let code = &*frame.code;
                dict_of(frame.globals()).get_mut(&mut vm.gil).set_named(
                    &code.name_objs[i as usize],
                    code.name_hashes[i as usize],
                    v,
                );
            }
            Op::DeleteGlobal(i) => {
                if dict_of(frame.globals())
                    .get_mut(&mut vm.gil)
                    .remove_str(name(frame, i))
                    .is_none()
                {
                    return Err(exception::name_error(name(frame, i)));
                }
                if finalize::pending() {
                    finalize::run_pending(vm, Some((frame, frame.pc - 1)));
                }
            }
            Op::LoadName(i) => {
                let code = &*frame.code;
                let (key, hash) = (&code.name_objs[i as usize], code.name_hashes[i as usize]);
                let local = match frame.namespace.as_ref() {
                    Some(ns) => namespace::load_name(vm, ns, key, hash)?,
                    None => None,
                };
                let v = match local {
                    Some(v) => v,
                    None => load_global_hashed(vm, frame, i)?,
                };
                frame.stack.push(v);
            }
            Op::StoreName(i) => {
                let v = pop(frame);
                let code = &*frame.code;
                let (key, hash) = (&code.name_objs[i as usize], code.name_hashes[i as usize]);
                let ns = frame.namespace.as_ref().unwrap_or(frame.globals());
                namespace::store_name(vm, ns, key, hash, v)?;
            }
            Op::DeleteName(i) => {
                let ns = frame.namespace.as_ref().unwrap_or(frame.globals());
                if !namespace::delete(vm, ns, name(frame, i))? {
                    return Err(exception::name_error(name(frame, i)));
                }
                if finalize::pending() {
                    finalize::run_pending(vm, Some((frame, frame.pc - 1)));
                }
            }
            Op::LoadAttr(i) => {
                let obj = pop(frame);
                let v = attr::get_name(vm, &obj, &code_name(frame, i)).map_err(|e| {
                    exception_attrs::attribute_error_context(vm, e, &obj, name(frame, i))
                })?;
                frame.stack.push(v);
            }
            Op::StoreAttr(i) => {
                let obj = pop(frame);
                let v = pop(frame);
                attr::set_name(vm, &obj, &code_name(frame, i), v)?;
            }
            Op::DeleteAttr(i) => {
                let obj = pop(frame);
                attr::delete(vm, &obj, name(frame, i))?;
            }
            Op::KwNames(i) => frame.kw_names = Some(i),
            Op::Call(n) => {
                if let Some(f) = call_op(vm, frame, n as usize)? {
                    return Ok(Flow::Push(f));
                }
            }
            Op::LoadMethod(i) => {
                let obj = pop(frame);
                let name = code_name(frame, i);
                match attr::method_of(vm, &obj, &name) {
                    Some(func) => {
                        frame.stack.push(func);
                        frame.stack.push(obj);
                    }
                    None => {
                        let v = attr::get_name(vm, &obj, &name).map_err(|e| {
                            exception_attrs::attribute_error_context(vm, e, &obj, name.text)
                        })?;
                        frame.stack.push(v);
                        frame.stack.push(null());
                    }
                }
            }
            Op::CallMethod(n) => {
                let n = n as usize;
                let self_slot = frame.stack.len() - n - 1;
                let argc = if is_null(&frame.stack[self_slot]) {
                    frame.stack.remove(self_slot);
                    n
                } else {
                    n + 1
                };
                if let Some(f) = call_op(vm, frame, argc)? {
                    return Ok(Flow::Push(f));
                }
            }
            Op::CallEx(has_kwargs) => {
                let kwargs = if has_kwargs == 1 {
                    Some(pop(frame))
                } else {
                    None
                };
                let args = pop(frame);
                let callable = pop(frame);
                let positional = unpack_args::star_args(vm, &callable, &args)?;
                let keywords = match kwargs {
                    Some(k) => call::keywords_from_dict(vm, &k)?,
                    None => Vec::new(),
                };
                return match call::prepare(vm, &callable, positional, keywords)? {
                    call::Prepared::Frame(f) => Ok(Flow::Push(f)),
                    call::Prepared::Done(v) => {
                        frame.stack.push(v);
                        continue;
                    }
                };
            }
            Op::BinaryOp(arg) => {
                // Numbers first, without leaving the loop (most arithmetic is on them).
                let len = frame.stack.len();
                let op = crate::compile::codegen::binary_operator(arg);
                let fast = int::fast_binary_op(op, &frame.stack[len - 2], &frame.stack[len - 1]);
                if let Some(v) = fast {
                    frame.stack.truncate(len - 2);
                    frame.stack.push(v);
                    continue;
                }
                if let Some(f) = binary_slow(vm, frame, arg)? {
                    return Ok(Flow::Push(f));
                }
            }
            Op::CompareOp(arg) => {
                let b = pop(frame);
                let a = pop(frame);
                let op = crate::compile::codegen::COMPARE_OPS[arg as usize];
                if let (Value::Int(x), Value::Int(y)) = (&a, &b) {
                    frame
                        .stack
                        .push(Value::Bool(int::compare_small(op, *x, *y)));
                    continue;
                }
                if matches!(&a, Value::Obj(o) if matches!(o.get(), Object::Instance(_))) {
                    frame.stack.push(a);
                    frame.stack.push(b);
                    if let Some(f) = compare_slow(vm, frame, arg)? {
                        return Ok(Flow::Push(f));
                    }
                    continue;
                }
                let v = ops::compare(vm, op, &a, &b)?;
                frame.stack.push(v);
            }
            Op::IsOp(invert) => {
                let b = pop(frame);
                let a = pop(frame);
                frame
                    .stack
                    .push(Value::Bool(ops::is(&a, &b) != (invert == 1)));
            }
            Op::ContainsOp(invert) => {
                let container = pop(frame);
                let item = pop(frame);
                let found = ops::contains(vm, &container, &item)?;
                frame.stack.push(Value::Bool(found != (invert == 1)));
            }
            Op::UnaryNegative | Op::UnaryPositive | Op::UnaryInvert => {
                let a = pop(frame);
                let v = ops::unary(vm, op, &a)?;
                frame.stack.push(v);
            }
            Op::UnaryNot => {
                let a = pop(frame);
                let truth = ops::truthy(vm, &a)?;
                frame.stack.push(Value::Bool(!truth));
            }
            Op::BinarySubscr => {
                let index = pop(frame);
                let container = pop(frame);
                let v = ops::getitem(vm, &container, &index)?;
                frame.stack.push(v);
            }
            Op::StoreSubscr => {
                let index = pop(frame);
                let container = pop(frame);
                let v = pop(frame);
                ops::setitem(vm, &container, index, v)?;
            }
            Op::DeleteSubscr => {
                let index = pop(frame);
                let container = pop(frame);
                ops::delitem(vm, &container, &index)?;
            }
            Op::BuildSlice(n) => {
                let step = if n == 3 { pop(frame) } else { Value::None };
                let stop = pop(frame);
                let start = pop(frame);
                frame.stack.push(ops::make_slice(vm, start, stop, step));
            }
            Op::BuildTuple(n) => {
                let items = frame.stack.split_off(frame.stack.len() - n as usize);
                frame.stack.push(Value::obj(Object::Tuple(items.into())));
            }
            Op::BuildList(n) => {
                let items = frame.stack.split_off(frame.stack.len() - n as usize);
                frame
                    .stack
                    .push(Value::obj(Object::List(GilCell::new(items))));
            }
            Op::BuildMap(n) => {
                let items = frame.stack.split_off(frame.stack.len() - 2 * n as usize);
                let dict = GilCell::new(Dict::new());
                let mut it = items.into_iter();
                while let (Some(k), Some(v)) = (it.next(), it.next()) {
                    keys::set(vm, &dict, k, v)?;
                }
                frame.stack.push(Value::obj(Object::Dict(dict)));
            }
            Op::BuildSet(n) => {
                let items = frame.stack.split_off(frame.stack.len() - n as usize);
                let set = crate::builtins::set::build(vm, items)?;
                frame.stack.push(set);
            }
            Op::BuildString(n) => {
                let parts = frame.stack.split_off(frame.stack.len() - n as usize);
                let mut text = String::new();
                for p in &parts {
                    if let Some(Object::Str(s)) = p.as_object() {
                        text.push_str(&s.text);
                    }
                }
                frame.stack.push(PyStr::value(text));
            }
            Op::ListAppend(depth) => {
                let v = pop(frame);
                let list = frame.stack[frame.stack.len() - depth as usize].clone();
                if let Some(Object::List(l)) = list.as_object() {
                    l.get_mut(&mut vm.gil).push(v);
                }
            }
            Op::ListExtend(depth) => {
                let iterable = pop(frame);
                let items = unpack_args::extend_items(vm, &iterable)?;
                let list = frame.stack[frame.stack.len() - depth as usize].clone();
                if let Some(Object::List(l)) = list.as_object() {
                    l.get_mut(&mut vm.gil).extend(items);
                }
            }
            Op::ListToTuple => {
                let list = pop(frame);
                let items = match list.as_object() {
                    Some(Object::List(l)) => l.get(&vm.gil).clone(),
                    _ => Vec::new(),
                };
                frame.stack.push(Value::obj(Object::Tuple(items.into())));
            }
            Op::MapAdd(depth) => {
                let v = pop(frame);
                let k = pop(frame);
                let dict = frame.stack[frame.stack.len() - depth as usize].clone();
                if let Some(Object::Dict(d)) = dict.as_object() {
                    keys::set(vm, d, k, v)?;
                }
            }
            Op::DictUpdate(depth) => {
                let other = pop(frame);
                let dict = frame.stack[frame.stack.len() - depth as usize].clone();
                ops::dict_update(vm, &dict, &other)?;
            }
            Op::DictMerge(depth) => {
                let other = pop(frame);
                let at = frame.stack.len() - depth as usize;
                let (callable, dict) = (frame.stack[at - 2].clone(), frame.stack[at].clone());
                unpack_args::dict_merge(vm, &callable, &dict, &other)?;
            }
            Op::SetAdd(depth) => {
                let v = pop(frame);
                let set = &frame.stack[frame.stack.len() - depth as usize];
                crate::builtins::set::add(vm, set, v)?;
            }
            Op::SetUpdate(depth) => {
                let iterable = pop(frame);
                let set = frame.stack[frame.stack.len() - depth as usize].clone();
                crate::builtins::set::update_value(vm, &set, &iterable)?;
            }
            Op::UnpackSequence(n) => {
                let seq = pop(frame);
                let items = iter::unpack(vm, &seq, n as usize, None)?;
                frame.stack.extend(items.into_iter().rev());
            }
            Op::UnpackEx(arg) => {
                let seq = pop(frame);
                let (before, after) = ((arg & 0xFF) as usize, (arg >> 8) as usize);
                let items = iter::unpack(vm, &seq, before, Some(after))?;
                frame.stack.extend(items.into_iter().rev());
            }
            Op::FormatValue(flags) => {
                let spec = if flags & 4 != 0 {
                    Some(pop(frame))
                } else {
                    None
                };
                let v = pop(frame);
                let s = ops::format_value(vm, &v, flags & 3, spec.as_ref())?;
                frame.stack.push(s);
            }
            Op::Jump(t) => {
                // A loop's back-edge: where Ctrl-C and other threads get in.
                if (t as usize) < frame.pc && breaker::is_set(vm) {
                    frame.pc = t as usize;
                    breaker::serve(vm)?;
                }
                frame.pc = t as usize;
            }
            Op::PopJumpIfFalse(t) => {
                let v = pop(frame);
                let truth = match v {
                    Value::Bool(b) => b,
                    _ => ops::truthy(vm, &v)?,
                };
                if !truth {
                    frame.pc = t as usize;
                }
            }
            Op::PopJumpIfTrue(t) => {
                let v = pop(frame);
                let truth = match v {
                    Value::Bool(b) => b,
                    _ => ops::truthy(vm, &v)?,
                };
                if truth {
                    frame.pc = t as usize;
                }
            }
            Op::JumpIfFalseOrPop(t) => {
                if !ops::truthy(vm, top(frame))? {
                    frame.pc = t as usize;
                } else {
                    pop(frame);
                }
            }
            Op::JumpIfTrueOrPop(t) => {
                if ops::truthy(vm, top(frame))? {
                    frame.pc = t as usize;
                } else {
                    pop(frame);
                }
            }
            Op::GetIter => {
                let v = pop(frame);
                let it = iter::get_iter(vm, &v)?;
                frame.stack.push(it);
            }
            Op::ForIter(t) => {
                // Ranges and lists step here, without a reference count.
                if let Some(step) = quick_next(vm, frame) {
                    match step {
                        Some(v) => frame.stack.push(v),
                        None => {
                            pop(frame);
                            frame.pc = t as usize;
                        }
                    }
                    continue;
                }
                let it = top(frame).clone();
                // A Python `__next__` runs as a frame of this loop.
                if let Some(mut f) = iter::next_frame(vm, &it)? {
                    f.on_return = OnReturn::ForNext(t);
                    return Ok(Flow::Push(f));
                }
                match iter::next(vm, &it)? {
                    Some(v) => frame.stack.push(v),
                    None => {
                        pop(frame);
                        frame.pc = t as usize;
                    }
                }
            }
            Op::MakeFunction(flags) => {
                let code = pop(frame);
                // The optional parts sit on the stack below the code, in the
                // order of their flag bits, highest on top.
                let mut part = |bit: u32| (flags & bit != 0).then(|| pop(frame));
                let closure = part(8);
                let annotations = part(4);
                let kw_defaults = part(2);
                let defaults = part(1);
                let f = call::make_function(vm, frame, code, defaults, kw_defaults, closure);
                if let Some(a) = annotations {
                    call::set_annotations(vm, &f, &a)?;
                }
                frame.stack.push(f);
            }
            Op::ReturnValue => return Ok(Flow::Return(pop(frame))),
            Op::YieldValue => return Ok(Flow::Yield(pop(frame))),
            Op::GetYieldFromIter => {
                let v = pop(frame);
                let it = match v.as_object() {
                    Some(Object::Generator(g)) if g.kind != generator::GenKind::Generator => {
                        yield_from_coroutine(frame, g, &v)?
                    }
                    _ => iter::get_iter(vm, &v)?,
                };
                frame.stack.push(it);
            }
            Op::GetAwaitable(how) => {
                let v = pop(frame);
                let it = coroutine::get_awaitable(vm, &v, how)?;
                frame.stack.push(it);
            }
            Op::GetAiter => {
                let v = pop(frame);
                let it = coroutine::get_aiter(vm, &v)?;
                frame.stack.push(it);
            }
            Op::GetAnext => {
                let next = coroutine::get_anext(vm, top(frame))?;
                frame.stack.push(next);
            }
            Op::EndAsyncFor => {
                let exc = pop(frame);
                if !coroutine::ends_async_for(vm, &exc) {
                    return Err(Raise::Reraised(exc));
                }
                pop(frame);
            }
            Op::BeforeAsyncWith => {
                let manager = pop(frame);
                let (exit, entered) = coroutine::enter_async(vm, &manager)?;
                frame.stack.push(exit);
                frame.stack.push(entered);
            }
            Op::YieldFrom => {
                let sent = pop(frame);
                let it = top(frame).clone();
                match generator::send(vm, &it, sent)? {
                    Step::Yielded(v) => {
                        // Come back to this instruction with the next value sent in.
                        frame.pc -= 1;
                        return Ok(Flow::Yield(v));
                    }
                    Step::Returned(v) => {
                        pop(frame);
                        frame.stack.push(v);
                    }
                }
            }
            // `__enter__` and `__exit__` written in Python run as frames of
            // this loop (their result lands where the call's would), so a
            // greenlet may switch inside them.
            Op::BeforeWith => {
                let manager = pop(frame);
                let (exit, enter) = attr::context_methods(vm, &manager)?;
                frame.stack.push(exit);
                match call::prepare(vm, &enter, vec![manager], Vec::new())? {
                    call::Prepared::Frame(f) => return Ok(Flow::Push(f)),
                    call::Prepared::Done(entered) => frame.stack.push(entered),
                }
            }
            Op::WithExceptStart => {
                let exc = top(frame).clone();
                let exit = frame.stack[frame.stack.len() - 3].clone();
                let class = Value::Obj(attr::class_of(vm, &exc));
                let tb = exception_attrs::stored(vm, &exc, "__traceback__").unwrap_or(Value::None);
                match call::prepare(vm, &exit, vec![class, exc, tb], Vec::new())? {
                    call::Prepared::Frame(f) => return Ok(Flow::Push(f)),
                    call::Prepared::Done(result) => frame.stack.push(result),
                }
            }
            Op::LoadBuildClass => {
                let v = load_global(vm, frame, "__build_class__")?;
                frame.stack.push(v);
            }
            Op::RaiseVarargs(n) => return Err(exception::raise_op(vm, frame, n)),
            Op::PushExcInfo => {
                let exc = pop(frame);
                let prev = std::mem::replace(&mut vm.handling, exc.clone());
                frame.stack.push(prev);
                frame.stack.push(exc);
            }
            Op::PopExcept => vm.handling = pop(frame),
            Op::CheckExcMatch => {
                let class = pop(frame);
                let exc = top(frame).clone();
                let matched = exception::matches(vm, &exc, &class)?;
                frame.stack.push(Value::Bool(matched));
            }
            Op::CheckEgMatch => {
                let class = pop(frame);
                let exc = pop(frame);
                match exception_group::check_eg_match(vm, &exc, &class)? {
                    Some((rest, matched)) => {
                        frame.stack.push(rest);
                        frame.stack.push(matched.clone());
                        // The clause's body handles the part it matched.
                        vm.handling = matched;
                    }
                    None => {
                        frame.stack.push(exc);
                        frame.stack.push(Value::None);
                    }
                }
            }
            Op::PrepReraiseStar => {
                let raised = pop(frame);
                let orig = pop(frame);
                let raised = match raised.as_object() {
                    Some(Object::List(l)) => l.get(&vm.gil).clone(),
                    _ => Vec::new(),
                };
                let v = exception_group::prep_reraise_star(vm, &orig, &raised)?;
                frame.stack.push(v);
            }
            Op::Reraise => return Err(Raise::Reraised(pop(frame))),
            Op::LoadAssertionError => frame
                .stack
                .push(Value::Obj(vm.exc_class(ExcKind::AssertionError))),
            Op::GetLen => {
                let n = crate::builtins::length(vm, top(frame))?;
                frame.stack.push(Value::Int(n as i64));
            }
            Op::MatchSequence => {
                let is = pattern::is_sequence(top(frame));
                frame.stack.push(Value::Bool(is));
            }
            Op::MatchMapping => {
                let is = pattern::is_mapping(top(frame));
                frame.stack.push(Value::Bool(is));
            }
            Op::MatchKeys => {
                let keys = top(frame);
                let subject = &frame.stack[frame.stack.len() - 2];
                let values = pattern::match_keys(vm, subject, keys)?;
                frame.stack.push(values);
            }
            Op::MatchClass(n) => {
                let names = pop(frame);
                let class = pop(frame);
                let subject = pop(frame);
                let attrs = pattern::match_class(vm, &subject, &class, n as usize, &names)?;
                frame.stack.push(attrs);
            }
            Op::CopyDictWithoutKeys => {
                let keys = pop(frame);
                let subject = pop(frame);
                let rest = pattern::dict_without_keys(vm, &subject, &keys)?;
                frame.stack.push(rest);
            }
            Op::ImportName(i) => {
                let fromlist = pop(frame);
                let level = pop(frame);
                let globals = frame.globals().clone();
                let m = import::import_op(vm, name(frame, i), &globals, &fromlist, &level)?;
                frame.stack.push(m);
            }
            Op::ImportFrom(i) => {
                let v = import::import_from(vm, top(frame), name(frame, i))?;
                frame.stack.push(v);
            }
            Op::ImportStar => {
                let module = pop(frame);
                let ns = frame.namespace.clone();
                let ns = ns.unwrap_or_else(|| frame.globals().clone());
                import::import_star(vm, &module, &ns)?;
            }
        }
    }
}

/// GET_YIELD_FROM_ITER of a coroutine: only a coroutine (or a generator
/// marked by `types.coroutine`) may `yield from` one.
#[cold]
fn yield_from_coroutine(frame: &Frame, g: &generator::Generator, v: &Value) -> PyResult<Value> {
    let code = &frame.code;
    let allowed = code.coroutine
        || code
            .iterable_coroutine
            .load(std::sync::atomic::Ordering::Relaxed);
    if g.kind == generator::GenKind::Coroutine && allowed {
        return Ok(v.clone());
    }
    Err(Raise::type_error(match g.kind {
        generator::GenKind::Coroutine => {
            "cannot 'yield from' a coroutine object in a non-coroutine generator".to_string()
        }
        _ => format!("'{}' object is not iterable", g.kind.builtin_type_name()),
    }))
}

/// The NULL that LOAD_METHOD pushes when it found no method to bind: a
/// private object that Python code never sees.
fn null() -> Value {
    static NULL: std::sync::LazyLock<Obj> =
        std::sync::LazyLock::new(|| Obj::new(Object::Tuple(Box::new([]))));
    Value::Obj(NULL.clone())
}

fn is_null(v: &Value) -> bool {
    matches!(v, Value::Obj(o) if matches!(null(), Value::Obj(n) if n.is(o)))
}

fn has_payload(v: &Value) -> bool {
    matches!(v.as_object(), Some(Object::Instance(i)) if i.payload.is_some())
}

/// CALL with `n` arguments above the callable: a frame to push for Python
/// code, or `None` when the result is already on the stack.
#[inline]
fn call_op(vm: &mut Vm, frame: &mut Frame, n: usize) -> PyResult<Option<Frame>> {
    if finalize::pending() {
        finalize::run_pending(vm, Some((frame, frame.pc - 1)));
    }
    if let Some(Object::Builtin(b)) = frame.stack[frame.stack.len() - n - 1].as_object() {
        if crate::builtins::code_eval::needs_caller(b.name) {
            vm.caller = Some(crate::builtins::code_eval::caller_of(vm, frame));
        }
    }
    if frame.kw_names.is_none() {
        if let Some(f) = simple_call(vm, frame, n) {
            // The loop records this frame's place when it pushes `f`.
            return Ok(Some(f));
        }
    }
    // Native code may look at the trail (sys._getframe) or nest a loop.
    trail::at(vm, frame.pc);
    if frame.kw_names.is_none() {
        // A native function or method: it reads its arguments off the stack.
        let start = frame.stack.len() - n;
        if let Some(Object::Builtin(b)) = frame.stack[start - 1].as_object() {
            if b.receiver.is_none() && !(b.binds && n > 0 && has_payload(&frame.stack[start])) {
                let f = b.call;
                let result = f(vm, &frame.stack[start..], &[])?;
                frame.stack.truncate(start - 1);
                frame.stack.push(result);
                return Ok(None);
            }
        }
    }
    let kw_names = frame
        .kw_names
        .take()
        .map(|i| frame.code.consts[i as usize].clone());
    let args = frame.stack.split_off(frame.stack.len() - n);
    let callable = pop(frame);
    let (positional, keywords) = call::split_keywords(args, kw_names.as_ref());
    match call::prepare(vm, &callable, positional, keywords)? {
        call::Prepared::Frame(f) => Ok(Some(f)),
        call::Prepared::Done(v) => {
            frame.stack.push(v);
            Ok(None)
        }
    }
}

/// The fast path of CALL: a plain Python function called with exactly its
/// positional parameters. The arguments move from the caller's stack straight
/// into the new frame's locals; anything else takes `call::prepare`.
fn simple_call(vm: &mut Vm, frame: &mut Frame, n: usize) -> Option<Frame> {
    let callee_at = frame.stack.len() - n - 1;
    let Value::Obj(o) = &frame.stack[callee_at] else {
        return None;
    };
    let Object::Function(f) = o.get() else {
        return None;
    };
    if !takes_exactly(f, n) {
        return None;
    }
    let code = f.code.clone();
    let cells = new_cells(f);
    let (mut locals, mut stack) = vm.frame_pool.pop().unwrap_or_default();
    locals.extend(frame.stack.drain(callee_at + 1..).map(Some));
    locals.resize(code.varnames.len(), None);
    stack.reserve(code.stacksize as usize);
    // The function moves from the caller's stack into the frame.
    let Some(Value::Obj(func)) = frame.stack.pop() else {
        unreachable!("the callee was checked above")
    };
    Some(Frame {
        stack,
        code,
        pc: FIRST_PC,
        locals,
        cells,
        func: Some(func),
        module_globals: None,
        namespace: None,
        kw_names: None,
        on_return: OnReturn::Value,
    })
}

/// Does `f` take exactly `n` positional arguments and nothing else, and run
/// as a plain frame (not a generator, no parameter in a cell)?
#[inline]
fn takes_exactly(f: &crate::object::Function, n: usize) -> bool {
    let code = &f.code;
    code.argcount as usize == n
        && !code.varargs
        && !code.varkeywords
        && code.kwonlyargcount == 0
        && !code.generator
        && code.cell_params.is_empty()
}

/// The cells of a new frame of `f`: its own cell variables, then its closure.
#[inline]
fn new_cells(f: &crate::object::Function) -> Vec<Obj> {
    let mut cells: Vec<Obj> = Vec::new();
    if !f.code.cellvars.is_empty() || !f.closure.is_empty() {
        cells.extend(
            f.code
                .cellvars
                .iter()
                .map(|_| Obj::new(Object::Cell(GilCell::new(None)))),
        );
        cells.extend(f.closure.iter().cloned());
    }
    cells
}

/// BINARY_OP past the number fast path, out of the loop's body: `a + b` on
/// an instance whose class defines `__add__` in Python gives a frame running
/// the dunder in this loop; anything else is computed and pushed.
#[inline(never)]
fn binary_slow(vm: &mut Vm, frame: &mut Frame, arg: u32) -> PyResult<Option<Frame>> {
    if let Some(f) = binary_frame(vm, frame, arg) {
        return Ok(Some(f));
    }
    let b = pop(frame);
    let a = pop(frame);
    let v = ops::binary(vm, arg, &a, &b)?;
    frame.stack.push(v);
    Ok(None)
}

/// COMPARE_OP on an instance (left operand, on the stack with the right one):
/// a frame running the class's comparison dunder when it is a plain Python
/// function, else the comparison computed and pushed.
#[inline(never)]
fn compare_slow(vm: &mut Vm, frame: &mut Frame, arg: u32) -> PyResult<Option<Frame>> {
    let op = crate::compile::codegen::COMPARE_OPS[arg as usize];
    let len = frame.stack.len();
    if let Some(name) = ops::compare_dunder(op) {
        let (a, b) = (&frame.stack[len - 2], &frame.stack[len - 1]);
        if !ops::right_compare_first(vm, op, a, b) {
            let hook = |a, b| OnReturn::Compare(Box::new(BinaryCall { arg, a, b }));
            if let Some(f) = dunder_frame(vm, frame, name, hook) {
                return Ok(Some(f));
            }
        }
    }
    let b = pop(frame);
    let a = pop(frame);
    let v = ops::compare(vm, op, &a, &b)?;
    frame.stack.push(v);
    Ok(None)
}

/// BINARY_OP on an instance whose class has the operator's dunder as a plain
/// Python function: a frame running it. None when any other rule applies
/// first: an in-place operator, or a right operand whose class goes first.
fn binary_frame(vm: &mut Vm, frame: &mut Frame, arg: u32) -> Option<Frame> {
    if arg >= ops::FIRST_INPLACE {
        return None;
    }
    let (name, rname) = ops::binary_dunder_names(arg);
    let len = frame.stack.len();
    if ops::right_operand_first(vm, &frame.stack[len - 2], &frame.stack[len - 1], rname) {
        return None;
    }
    let hook = |a, b| OnReturn::Binary(Box::new(BinaryCall { arg, a, b }));
    dunder_frame(vm, frame, name, hook)
}

/// The two operands on top of the stack, the left one an instance whose class
/// has `name` as a plain Python function `(self, other)`: a frame running it
/// with them (moved off the stack), its return handled by `hook(a, b)`.
/// None, with nothing taken, otherwise.
fn dunder_frame(
    vm: &mut Vm,
    frame: &mut Frame,
    name: &str,
    hook: impl FnOnce(Value, Value) -> OnReturn,
) -> Option<Frame> {
    let len = frame.stack.len();
    let Some(Object::Instance(inst)) = frame.stack[len - 2].as_object() else {
        return None;
    };
    let dunder = attr::lookup(vm, &inst.class, name)?;
    let Value::Obj(func) = &dunder else {
        return None;
    };
    let Object::Function(f) = func.get() else {
        return None;
    };
    if !takes_exactly(f, 2) {
        return None;
    }
    let code = f.code.clone();
    let cells = new_cells(f);
    let b = frame.stack.pop().expect("two operands");
    let a = frame.stack.pop().expect("two operands");
    let (mut locals, mut stack) = vm.frame_pool.pop().unwrap_or_default();
    locals.push(Some(a.clone()));
    locals.push(Some(b.clone()));
    locals.resize(code.varnames.len(), None);
    stack.reserve(code.stacksize as usize);
    Some(Frame {
        stack,
        code,
        pc: FIRST_PC,
        locals,
        cells,
        func: Some(func.clone()),
        module_globals: None,
        namespace: None,
        kw_names: None,
        on_return: hook(a, b),
    })
}

/// LOAD_GLOBAL of `names[i]`, through the code object's cache.
fn load_global_cached(vm: &mut Vm, frame: &Frame, i: u32) -> PyResult<Value> {
    let globals = dict_of(frame.globals()).get(&vm.gil);
    let builtins = dict_of(&vm.interp.builtins).get(&vm.gil);
    let slot = frame.code.global_cache[i as usize].get(&vm.gil);
    if slot.globals == globals.keys_version() {
        let found = if !slot.in_builtins {
            globals.value_at(slot.index as usize)
        } else if slot.builtins == builtins.keys_version() {
            builtins.value_at(slot.index as usize)
        } else {
            None
        };
        if let Some(v) = found {
            return Ok(v.clone());
        }
    }
    load_global_slow(vm, frame, i)
}

/// LOAD_GLOBAL past its cache: find the name, and remember where.
#[inline(never)]
fn load_global_slow(vm: &mut Vm, frame: &Frame, i: u32) -> PyResult<Value> {
    let key = name(frame, i);
    let hash = frame.code.name_hashes[i as usize];
    let globals = dict_of(frame.globals()).get(&vm.gil);
    let builtins = dict_of(&vm.interp.builtins).get(&vm.gil);
    let (found, slot) = if let Some(at) = globals.position_of_str(key, hash) {
        let slot = crate::bytecode::GlobalSlot {
            globals: globals.keys_version(),
            builtins: 0,
            index: at as u32,
            in_builtins: false,
        };
        (globals.value_at(at).cloned(), slot)
    } else if let Some(at) = builtins.position_of_str(key, hash) {
        let slot = crate::bytecode::GlobalSlot {
            globals: globals.keys_version(),
            builtins: builtins.keys_version(),
            index: at as u32,
            in_builtins: true,
        };
        (builtins.value_at(at).cloned(), slot)
    } else {
        return Err(exception::name_error(key));
    };
    *frame.code.global_cache[i as usize].get_mut(&mut vm.gil) = slot;
    found.ok_or_else(|| exception::name_error(key))
}

/// A global, then a builtin.
/// A global or builtin named by the code's name `i` (its hash is known).
fn load_global_hashed(vm: &mut Vm, frame: &Frame, i: u32) -> PyResult<Value> {
    let (key, hash) = (name(frame, i), frame.code.name_hashes[i as usize]);
    if let Some(v) = dict_of(frame.globals()).get(&vm.gil).get_hashed(key, hash) {
        return Ok(v.clone());
    }
    if let Some(v) = dict_of(&vm.interp.builtins)
        .get(&vm.gil)
        .get_hashed(key, hash)
    {
        return Ok(v.clone());
    }
    Err(exception::name_error(key))
}

fn load_global(vm: &mut Vm, frame: &Frame, key: &str) -> PyResult<Value> {
    if let Some(v) = dict_of(frame.globals()).get(&vm.gil).get_str(key) {
        return Ok(v.clone());
    }
    if let Some(v) = dict_of(&vm.interp.builtins).get(&vm.gil).get_str(key) {
        return Ok(v.clone());
    }
    Err(exception::name_error(key))
}
