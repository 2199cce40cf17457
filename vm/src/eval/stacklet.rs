//! Stacklets: whole stacks of Python frames that are set aside and taken up
//! again, the mechanism under the `greenlet` module.
//!
//! A thread runs one stacklet at a time (its *current* one; the first is made
//! the first time anyone asks). `transfer(target, value)` is a native function
//! that asks the loop, by returning [`Raise::Transfer`], to set the running
//! stack aside in the current stacklet and carry on with the target's: a
//! suspended target gets `value` as the result of its own pending `transfer`
//! call (or has it raised there, when throwing); a new one starts by calling
//! its function. Since Python-to-Python calls never recurse on the Rust stack,
//! a stack of frames is all there is to switch.
//!
//! What cannot be switched is Rust's own stack: a frame run by native code
//! calling back into Python (a `sorted` key, a generator's body, ...) runs in
//! a nested loop (a *level*), and the frames below it wait inside that native
//! call. So when a stack is set aside, it is *rooted* if its bottom frame is
//! the stacklet's own first frame (it can be taken up again in any loop: its
//! bottom frame never returns, the greenlet module ends it with a final
//! transfer) and *anchored* otherwise (its bottom frame is the one its loop
//! started with, whose caller waits in Rust: only that loop may take it up
//! again). A transfer the loop cannot make is refused with RuntimeError, as
//! is a request that did not come straight from bytecode (a native function
//! calling `transfer` through `call::call`).

use super::{call, trail, Frame, OnReturn};
use crate::exc::{ExcKind, PyResult, Raise};
use crate::gil::GilCell;
use crate::interp::{thread_ident, Vm};
use crate::object::{Native, Object};
use crate::value::Value;

/// A stacklet (the data of a native object of class `_greenlet.stacklet`).
pub struct Stacklet {
    state: GilCell<State>,
    /// The thread it runs on (`threading.get_ident()`).
    thread: i64,
    /// Whatever the greenlet module keeps with it (its greenlet object).
    pub owner: GilCell<Value>,
}

enum State {
    /// Not started: the first transfer into it calls `func(*args)`.
    New { func: Value, args: Vec<Value> },
    /// Set aside in loop `level`; its top frame waits for a transfer's
    /// result. Only an anchored stack must go back to that loop.
    Suspended {
        frames: Vec<Frame>,
        level: u64,
        rooted: bool,
    },
    /// Running: the thread's current stacklet.
    Running,
    /// Its function returned (or it was abandoned).
    Finished,
}

/// What a `transfer` asks the loop to do.
#[derive(Debug, Clone)]
pub struct Transfer {
    /// The stacklet object to run.
    pub target: Value,
    /// The result of the target's pending transfer, or the exception to raise there.
    pub value: Value,
    /// Raise `value` in the target instead of returning it.
    pub throw: bool,
    /// The current stacklet is done: drop its frames instead of keeping them.
    pub finish: bool,
}

fn stacklet_of(v: &Value) -> Option<&Stacklet> {
    match v.as_object() {
        Some(Object::Native(n)) => n.data::<Stacklet>(),
        _ => None,
    }
}

fn make(vm: &mut Vm, state: State) -> Value {
    let class = vm.interp.stacklet_class.clone();
    Native::value(
        class,
        Stacklet {
            state: GilCell::new(state),
            thread: thread_ident(),
            owner: GilCell::new(Value::None),
        },
    )
}

/// The thread's current stacklet, made on first use.
pub fn current(vm: &mut Vm) -> Value {
    if let Some(s) = &vm.stacklet {
        return s.clone();
    }
    let s = make(vm, State::Running);
    vm.stacklet = Some(s.clone());
    s
}

/// A new stacklet that will run `func(*args)`; `func` must be a Python function.
pub fn new(vm: &mut Vm, func: Value, args: Vec<Value>) -> PyResult<Value> {
    match func.as_object() {
        Some(Object::Function(f)) if !f.code.generator => {}
        _ => {
            return Err(Raise::type_error(
                "a stacklet runs a Python function (not a generator or a builtin)",
            ))
        }
    }
    Ok(make(vm, State::New { func, args }))
}

/// 'new', 'suspended', 'running' or 'finished'.
pub fn state_name(vm: &Vm, s: &Value) -> &'static str {
    match stacklet_of(s).map(|s| s.state.get(&vm.gil)) {
        Some(State::New { .. }) => "new",
        Some(State::Suspended { .. }) => "suspended",
        Some(State::Running) => "running",
        Some(State::Finished) | None => "finished",
    }
}

/// The request `transfer(target, value, throw, finish)` makes of the loop,
/// after the checks that need no loop.
pub fn request(vm: &mut Vm, t: Transfer) -> Raise {
    let Some(target) = stacklet_of(&t.target) else {
        return Raise::type_error(format!(
            "expected a stacklet, got '{}'",
            super::attr::type_name(vm, &t.target)
        ));
    };
    if target.thread != thread_ident() {
        return Raise::new(
            ExcKind::RuntimeError,
            "cannot switch to a greenlet of a different thread",
        );
    }
    if matches!(target.state.get(&vm.gil), State::Finished) {
        return Raise::new(
            ExcKind::RuntimeError,
            "cannot switch to a finished stacklet",
        );
    }
    Raise::Transfer(Box::new(t))
}

/// A transfer request that reached native code instead of the loop: it cannot
/// be carried out there.
pub fn refuse(err: Raise) -> Raise {
    match err {
        Raise::Transfer(_) => Raise::new(
            ExcKind::RuntimeError,
            "cannot switch greenlets from code that native code called (a builtin \
             calling back into Python, or a generator's body)",
        ),
        e => e,
    }
}

/// Carry out `t` in the loop running `frames` (at `vm.level`). `Err`: the
/// transfer was refused, to be raised in the current frame.
pub(crate) fn transfer(vm: &mut Vm, frames: &mut Vec<Frame>, t: Transfer) -> PyResult<()> {
    let level = vm.level;
    let me = current(vm);
    let same =
        matches!((me.as_object(), t.target.as_object()), (Some(a), Some(b)) if std::ptr::eq(a, b));
    let mine = stacklet_of(&me).expect("current is a stacklet");
    if same {
        // Switching to oneself: the call just returns (or raises) the value.
        let top = frames.last_mut().expect("a frame made the transfer");
        if t.throw {
            return Err(Raise::Object(t.value));
        }
        top.stack.push(t.value);
        return Ok(());
    }
    let target = stacklet_of(&t.target).expect("checked by request");
    match target.state.get(&vm.gil) {
        State::Suspended {
            level: l,
            rooted: false,
            ..
        } if *l != level => return Err(refuse(Raise::Transfer(Box::new(t)))),
        State::Finished => {
            return Err(Raise::new(
                ExcKind::RuntimeError,
                "cannot switch to a finished stacklet",
            ))
        }
        State::Running => {
            return Err(Raise::new(
                ExcKind::RuntimeError,
                "the stacklet is already running",
            ))
        }
        _ => {}
    }
    // A new stacklet's first frame is made first: if binding fails, nothing moved.
    let first = match target.state.get(&vm.gil) {
        State::New { func, args } => {
            let (func, args) = (func.clone(), args.clone());
            match call::prepare(vm, &func, args, Vec::new())? {
                call::Prepared::Frame(mut f) => {
                    f.on_return = OnReturn::StackletBase;
                    Some(f)
                }
                call::Prepared::Done(_) => {
                    unreachable!("a stacklet's function is a Python function")
                }
            }
        }
        _ => None,
    };
    // Set the running stack aside.
    let count = frames.len();
    let taken = std::mem::take(frames);
    let rooted = matches!(
        taken.first().map(|f| &f.on_return),
        Some(OnReturn::StackletBase)
    );
    vm.depth -= count;
    vm.trail.truncate(vm.trail.len().saturating_sub(count));
    *mine.state.get_mut(&mut vm.gil) = if t.finish {
        State::Finished
    } else {
        State::Suspended {
            frames: taken,
            level,
            rooted,
        }
    };
    // Take up the target's.
    let state = std::mem::replace(target.state.get_mut(&mut vm.gil), State::Running);
    vm.stacklet = Some(t.target.clone());
    match (state, first) {
        (_, Some(f)) => {
            vm.depth += 1;
            trail::enter(vm, &f);
            frames.push(f);
            Ok(())
        }
        (State::Suspended { frames: theirs, .. }, None) => {
            *frames = theirs;
            vm.depth += frames.len();
            for f in frames.iter() {
                trail::enter(vm, f);
            }
            if t.throw {
                return Err(Raise::Object(t.value));
            }
            frames
                .last_mut()
                .expect("a suspended stack has frames")
                .stack
                .push(t.value);
            Ok(())
        }
        _ => unreachable!("checked above"),
    }
}

/// Is `v` a stacklet?
pub fn is_stacklet(v: &Value) -> bool {
    stacklet_of(v).is_some()
}

/// The owner kept with stacklet `s`.
pub fn owner(vm: &Vm, s: &Value) -> Value {
    stacklet_of(s)
        .map(|s| s.owner.get(&vm.gil).clone())
        .unwrap_or(Value::None)
}

/// Keep `owner` with stacklet `s`.
pub fn set_owner(vm: &mut Vm, s: &Value, owner: Value) {
    if let Some(s) = stacklet_of(s) {
        *s.owner.get_mut(&mut vm.gil) = owner;
    }
}
