//! The thread's trail of running frames: what `sys._getframe` walks.
//!
//! The loop keeps frames in a `Vec` of its own, one per nesting of native code
//! calling back into Python, so no single place holds them all. The trail is
//! that place: one small record per running frame on this thread, pushed and
//! popped where the loop counts `vm.depth`. A record keeps what a frame object
//! shows (code, globals, the instruction it is at), not the frame itself; the
//! instruction is written when the frame calls, which is the only time anyone
//! else can run and look at it.

use crate::bytecode::Code;
use crate::interp::Vm;
use crate::object::Object;
use crate::value::Obj;
use std::sync::Arc;

/// One running frame.
pub struct Stop {
    /// The function it runs (which has the code and globals), or for a module
    /// or class body, the globals: one reference to count on each call.
    owner: Obj,
    /// A body's code (None for a function's frame).
    body: Option<Arc<Code>>,
    /// The instruction after the one it is running (its `pc`).
    pub pc: usize,
}

impl Stop {
    /// The frame's code and globals.
    pub fn place(&self) -> (Arc<Code>, Obj) {
        match (&self.body, self.owner.get()) {
            (Some(code), _) => (code.clone(), self.owner.clone()),
            (None, Object::Function(f)) => (f.code.clone(), f.globals.clone()),
            (None, _) => unreachable!("a stop without a body owns a function"),
        }
    }
}

/// Record `frame` as the innermost running frame.
#[inline]
pub fn enter(vm: &mut Vm, frame: &super::Frame) {
    let stop = match &frame.func {
        // A frame's `func` is the function whose code it runs.
        Some(f) => Stop {
            owner: f.clone(),
            body: None,
            pc: frame.pc,
        },
        _ => Stop {
            owner: frame.globals().clone(),
            body: Some(frame.code.clone()),
            pc: frame.pc,
        },
    };
    vm.trail.push(stop);
}

/// The innermost frame finished.
#[inline]
pub fn leave(vm: &mut Vm) {
    vm.trail.pop();
}

/// The innermost frame is at `pc` (it is about to call out).
#[inline]
pub fn at(vm: &mut Vm, pc: usize) {
    if let Some(stop) = vm.trail.last_mut() {
        stop.pc = pc;
    }
}
