//! What happens to generators freed while unfinished: CPython closes them
//! (their `finally` blocks run) and warns about coroutines never awaited.
//!
//! Closing runs Python code, which must not happen inside `Drop`, where the
//! GIL's state and the loop's are unknown. So a generator's `Drop` only moves
//! its frame into its interpreter's [`Queue`] and raises a process-wide flag;
//! the loop looks at the flag (one relaxed load) at a few safe points — POP_TOP
//! and DELETE_*, before a call, after a return, at breaker checks — and then
//! drains the queue with [`run_pending`]. Those points come right after the
//! usual places a last reference dies (`for x in gen(): break`, `gen()` as a
//! statement, `del g`, a function returning), so the output order matches
//! CPython's.

use super::generator::{self, GenKind, Generator};
use super::Frame;
use crate::bytecode::Code;
use crate::interp::Vm;
use parking_lot::Mutex;
use std::collections::HashSet;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Items waiting in any interpreter's queue (0: nothing to do).
static WAITING: AtomicUsize = AtomicUsize::new(0);

/// Is there anything to finalize? Cheap enough for the loop's safe points.
#[inline(always)]
pub fn pending() -> bool {
    WAITING.load(Ordering::Relaxed) != 0
}

/// Work a dropped generator left for the loop.
pub enum Pending {
    /// Close this suspended frame (GeneratorExit at its yield).
    Close { kind: GenKind, frame: Frame },
    /// A coroutine was dropped before it ever ran.
    NeverAwaited { qualname: Box<str> },
    /// An object with weak references died: call their callbacks.
    WeakCallbacks(Vec<std::sync::Weak<crate::object::Object>>),
}

/// One interpreter's queue of frames to close and warnings to print.
#[derive(Default)]
pub struct Queue {
    items: Mutex<Vec<Pending>>,
    /// Warnings already shown, by file, line and text (the warnings module's
    /// "default" action: once per location).
    warned: Mutex<HashSet<(Box<str>, u32, String)>>,
}

impl std::fmt::Debug for Queue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("finalize::Queue")
    }
}

impl Queue {
    /// Queue `item` (called from `Drop`: takes only the queue's own lock).
    pub fn push(&self, item: Pending) {
        self.items.lock().push(item);
        WAITING.fetch_add(1, Ordering::Relaxed);
    }

    fn take(&self) -> Vec<Pending> {
        let items = std::mem::take(&mut *self.items.lock());
        WAITING.fetch_sub(items.len(), Ordering::Relaxed);
        items
    }
}

/// Drain the queue: close each frame, print each warning. `at` is the code
/// and instruction running now, which a warning (or the traceback of an
/// error in a `finally`) names as its location.
#[cold]
#[inline(never)]
pub fn run_pending(vm: &mut Vm, at: Option<(&Frame, usize)>) {
    loop {
        let items = vm.interp.finalizer.take();
        if items.is_empty() {
            return;
        }
        for item in items {
            match item {
                Pending::Close { kind, frame } => close_dropped(vm, kind, frame, at),
                Pending::NeverAwaited { qualname } => {
                    let msg = format!("coroutine '{qualname}' was never awaited");
                    let at = at.map(|(f, pc)| (&*f.code, pc));
                    warn(vm, at, "RuntimeWarning", &msg);
                }
                Pending::WeakCallbacks(refs) => weak_callbacks(vm, refs),
            }
        }
    }
}

/// Close a frame whose generator was freed; an exception it raises is
/// reported as CPython reports an unraisable one.
fn close_dropped(vm: &mut Vm, kind: GenKind, frame: Frame, at: Option<(&Frame, usize)>) {
    let gen = Generator::revived(vm, kind, frame);
    let handling = std::mem::replace(&mut vm.handling, crate::value::Value::None);
    let result = generator::close(vm, &gen);
    vm.handling = handling;
    // Whatever it did, it is gone now: its frame is not queued again.
    gen.abandon(vm);
    if let Err(err) = result {
        let what = format!(
            "<{} object {} at {:#x}>",
            kind.builtin_type_name(),
            gen.qualname,
            &gen as *const Generator as usize
        );
        let exc = super::exception::materialize(vm, err);
        if let Some((f, pc)) = at {
            // The traceback ends where the generator was let go.
            let globals = f.globals().clone();
            super::exception::add_traceback(vm, &exc, &f.code, &globals, pc);
        }
        report_unraisable(vm, &what, crate::exc::Raise::Object(exc));
    }
}

/// Call `ref.__callback__(ref)` for each weak reference still alive whose
/// referent died, newest first as CPython does.
fn weak_callbacks(vm: &mut Vm, refs: Vec<std::sync::Weak<crate::object::Object>>) {
    use crate::value::{Obj, Value};
    for r in refs.into_iter().rev() {
        let Some(r) = r.upgrade() else { continue };
        let r = Value::Obj(Obj(r));
        let callback = match super::attr::get(vm, &r, "__callback__") {
            Ok(Value::None) | Err(_) => continue,
            Ok(c) => c,
        };
        // A dead reference lets go of its callback, as in CPython.
        let _ = super::attr::set(vm, &r, "__callback__", Value::None);
        let handling = std::mem::replace(&mut vm.handling, Value::None);
        let result = super::call::call(vm, &callback, vec![r], Vec::new());
        vm.handling = handling;
        if let Err(e) = result {
            let what = super::ops::repr(vm, &callback).unwrap_or_default();
            report_unraisable(vm, &what, e);
        }
    }
}

/// `Exception ignored in: <what>` and the traceback, on stderr.
pub fn report_unraisable(vm: &mut Vm, what: &str, err: crate::exc::Raise) {
    let exc = super::exception::materialize(vm, err);
    let text = super::exception::format_uncaught(vm, &exc, &source_line);
    write_stderr(&format!("Exception ignored in: {what}\n{text}"));
}

/// Print a warning as the warnings module's default format does, once per
/// location: `file:line: Category: message`, then the source line.
pub fn warn(vm: &mut Vm, at: Option<(&Code, usize)>, category: &str, msg: &str) {
    let (file, line): (Box<str>, u32) = match at {
        Some((code, pc)) => (code.filename.clone(), code.line_of(pc)),
        None => ("sys".into(), 1),
    };
    let key = (file.clone(), line, format!("{category}: {msg}"));
    if !vm.interp.finalizer.warned.lock().insert(key) {
        return;
    }
    let mut text = format!("{file}:{line}: {category}: {msg}\n");
    if let Some(src) = source_line(&file, line) {
        let src = src.trim();
        if !src.is_empty() {
            text.push_str(&format!("  {src}\n"));
        }
    }
    // What CPython adds for a coroutine's warning while tracemalloc is off.
    text.push_str(&format!(
        "{category}: Enable tracemalloc to get the object allocation traceback\n"
    ));
    write_stderr(&text);
}

fn source_line(file: &str, line: u32) -> Option<String> {
    let text = std::fs::read_to_string(file).ok()?;
    let index = gilt_lexer::LineIndex::new(&text);
    Some(index.line_text(&text, line).to_string())
}

fn write_stderr(text: &str) {
    use std::io::Write;
    let _ = std::io::stdout().flush();
    let _ = std::io::stderr().write_all(text.as_bytes());
}
