//! Code generation: AST to code objects, one `Unit` per scope.
//!
//! Control flow is laid out as CPython 3.11 lays it out: jumps to labels that
//! are patched once placed, exceptions through a table of handler ranges (no
//! block stack at run time), `finally` bodies copied onto every path that
//! leaves them (`return`, `break`, `continue`, falling off the end, an
//! exception). `fblocks` records what an early exit must undo on its way out.
//!
//! `stmt.rs` compiles statements, `expr.rs` expressions; this file holds the
//! compiler's state and what both use: units, labels, handler ranges, emission
//! with stack depth, name access and constants.

mod expr;
mod pattern;
mod stmt;

use super::symtable::{Access, SymbolTable};
use crate::bytecode::{Code, CodeKind, Handler, Op};
use crate::object::complex::Complex;
use crate::object::{int, Object, PyStr};
use crate::value::Value;
use gilt_lexer::{IntValue, LineIndex};
use gilt_parser::ast::*;
use std::sync::Arc;

/// A construct the compiler cannot translate yet, and where it is.
#[derive(Debug, Clone)]
pub struct Unsupported {
    /// What it is, e.g. "the 'with' statement".
    pub what: String,
    /// Where it starts in the source.
    pub offset: u32,
}

type Res<T = ()> = Result<T, Unsupported>;

/// Compile a checked module.
pub fn compile_module(
    module: &Module,
    source: &str,
    filename: &str,
) -> Result<Arc<Code>, Unsupported> {
    compile_unit(module, source, filename, |c| {
        c.setup_annotations(&module.body);
        c.stmts(&module.body)?;
        c.load_const(Value::None);
        Ok(())
    })
}

/// Compile a checked module made of one expression statement as CPython's
/// `compile(source, filename, 'eval')` does: the code returns the value.
pub fn compile_eval(
    module: &Module,
    source: &str,
    filename: &str,
) -> Result<Arc<Code>, Unsupported> {
    compile_unit(module, source, filename, |c| {
        match module.body.as_slice() {
            [Stmt {
                node: StmtKind::Expr { value },
                range,
            }] => {
                c.set_line(range.start);
                c.expr(value)?;
            }
            _ => c.load_const(Value::None),
        }
        Ok(())
    })
}

/// A module's code object: `body` leaves the value to return on the stack.
fn compile_unit<'a>(
    module: &'a Module,
    source: &str,
    filename: &str,
    body: impl for<'t> FnOnce(&mut Compiler<'t, 'a>) -> Res,
) -> Result<Arc<Code>, Unsupported> {
    let table = SymbolTable::build(module);
    let mut c = Compiler {
        table: &table,
        lines: LineIndex::new(source),
        filename: filename.into(),
        units: Vec::new(),
        names: std::collections::HashMap::new(),
    };
    c.push_unit(0, "<module>".into(), "<module>".into(), CodeKind::Module);
    body(&mut c)?;
    c.emit(Op::ReturnValue);
    Ok(c.pop_unit())
}

/// An early exit's obligations, innermost last.
#[derive(Debug, Clone)]
enum FBlock<'a> {
    /// A `for` loop: its iterator is on the stack.
    For { continue_to: Label, break_to: Label },
    /// A `while` loop.
    While { continue_to: Label, break_to: Label },
    /// Inside an `except` body: the saved exception is on the stack.
    Handler,
    /// Inside a `with` body: the bound `__exit__` is on the stack, and so many
    /// handler ranges were open before the body's own.
    With {
        handlers_before: usize,
        is_async: bool,
    },
    /// Inside the protected body of `try ... finally`: the finally body, and how
    /// many handler ranges were open before its own.
    Finally {
        body: &'a [Stmt],
        handlers_before: usize,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Label(usize);

struct Unit<'a> {
    scope: usize,
    code: Code,
    labels: Vec<Option<u32>>,
    patches: Vec<(usize, Label)>,
    fblocks: Vec<FBlock<'a>>,
    depth: i32,
    line: u32,
    /// Handler ranges open now: (start, target label, stack depth).
    open_handlers: Vec<(u32, Label, u32)>,
    pending_handlers: Vec<(u32, u32, Label, u32)>,
}

struct Compiler<'t, 'a> {
    table: &'t SymbolTable,
    lines: LineIndex,
    filename: Box<str>,
    units: Vec<Unit<'a>>,
    /// Name-like str constants made so far: CPython interns them, so equal
    /// ones are one object (which `is` and pickle's memo can see).
    names: std::collections::HashMap<String, Value>,
}

fn unsupported(what: &str, offset: u32) -> Unsupported {
    Unsupported {
        what: what.to_string(),
        offset,
    }
}

/// Whether a str constant is one CPython interns: only ASCII letters, digits
/// and underscores.
fn name_like(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

fn binary_arg(op: Operator) -> u32 {
    match op {
        Operator::Add => 0,
        Operator::BitAnd => 1,
        Operator::FloorDiv => 2,
        Operator::LShift => 3,
        Operator::MatMult => 4,
        Operator::Mult => 5,
        Operator::Mod => 6,
        Operator::BitOr => 7,
        Operator::Pow => 8,
        Operator::RShift => 9,
        Operator::Sub => 10,
        Operator::Div => 11,
        Operator::BitXor => 12,
    }
}

/// The operator of a BINARY_OP argument (in-place forms are `+ 13`).
#[inline]
pub fn binary_operator(arg: u32) -> Operator {
    [
        Operator::Add,
        Operator::BitAnd,
        Operator::FloorDiv,
        Operator::LShift,
        Operator::MatMult,
        Operator::Mult,
        Operator::Mod,
        Operator::BitOr,
        Operator::Pow,
        Operator::RShift,
        Operator::Sub,
        Operator::Div,
        Operator::BitXor,
    ][(arg % 13) as usize]
}

/// COMPARE_OP arguments, in CPython's order.
pub const COMPARE_OPS: [CmpOp; 6] = [
    CmpOp::Lt,
    CmpOp::LtE,
    CmpOp::Eq,
    CmpOp::NotEq,
    CmpOp::Gt,
    CmpOp::GtE,
];

fn stack_effect(op: &Op) -> i32 {
    match *op {
        Op::Nop
        | Op::Resume(_)
        | Op::Jump(_)
        | Op::UnaryNegative
        | Op::UnaryPositive
        | Op::UnaryInvert
        | Op::UnaryNot => 0,
        Op::LoadAttr(_) | Op::GetIter | Op::FormatValue(0..=3) | Op::ListToTuple | Op::Swap(_) => 0,
        Op::KwNames(_) | Op::DeleteFast(_) | Op::DeleteGlobal(_) | Op::DeleteName(_) => 0,
        Op::FormatValue(_) => -1,
        Op::PopTop
        | Op::StoreFast(_)
        | Op::StoreDeref(_)
        | Op::StoreGlobal(_)
        | Op::StoreName(_) => -1,
        Op::Copy(_)
        | Op::LoadConst(_)
        | Op::LoadFast(_)
        | Op::LoadDeref(_)
        | Op::LoadClosure(_) => 1,
        Op::LoadGlobal(_) | Op::LoadName(_) | Op::LoadBuildClass | Op::LoadAssertionError => 1,
        Op::StoreAttr(_) => -2,
        Op::DeleteAttr(_) => -1,
        Op::Call(n) => -(n as i32),
        Op::LoadMethod(_) => 1,
        Op::CallMethod(n) => -(n as i32) - 1,
        Op::CallEx(k) => -1 - k as i32,
        Op::BinaryOp(_) | Op::CompareOp(_) | Op::IsOp(_) | Op::ContainsOp(_) | Op::BinarySubscr => {
            -1
        }
        Op::StoreSubscr => -3,
        Op::DeleteSubscr => -2,
        Op::BuildSlice(n) => 1 - n as i32,
        Op::BuildTuple(n) | Op::BuildList(n) | Op::BuildString(n) | Op::BuildSet(n) => 1 - n as i32,
        Op::BuildMap(n) => 1 - 2 * n as i32,
        Op::ListAppend(_) | Op::ListExtend(_) | Op::DictUpdate(_) | Op::DictMerge(_) => -1,
        Op::SetAdd(_) | Op::SetUpdate(_) => -1,
        Op::MapAdd(_) => -2,
        Op::UnpackSequence(n) => n as i32 - 1,
        Op::UnpackEx(n) => (n & 0xFF) as i32 + (n >> 8) as i32,
        Op::PopJumpIfFalse(_) | Op::PopJumpIfTrue(_) => -1,
        Op::JumpIfFalseOrPop(_) | Op::JumpIfTrueOrPop(_) => -1,
        Op::ForIter(_) => 1,
        Op::MakeFunction(flags) => {
            -((flags & 1) as i32)
                - ((flags >> 1 & 1) as i32)
                - ((flags >> 2 & 1) as i32)
                - ((flags >> 3 & 1) as i32)
        }
        Op::ReturnValue => -1,
        Op::YieldValue => -1,
        Op::BeforeWith | Op::BeforeAsyncWith => 1,
        Op::GetAwaitable(_) | Op::GetAiter => 0,
        Op::GetAnext => 1,
        Op::EndAsyncFor => -2,
        Op::WithExceptStart => 1,
        Op::GetYieldFromIter => 0,
        Op::YieldFrom => -1,
        Op::RaiseVarargs(n) => -(n as i32),
        Op::PushExcInfo => 1,
        Op::PopExcept => -1,
        Op::CheckExcMatch => 0,
        Op::CheckEgMatch => 0,
        Op::PrepReraiseStar => -1,
        Op::Reraise => -1,
        Op::ImportName(_) => -1,
        Op::ImportFrom(_) => 1,
        Op::ImportStar => -1,
        Op::GetLen | Op::MatchSequence | Op::MatchMapping | Op::MatchKeys => 1,
        Op::MatchClass(_) => -2,
        Op::CopyDictWithoutKeys => -1,
    }
}

impl<'t, 'a> Compiler<'t, 'a> {
    // ------------------------------------------------------------ units

    fn push_unit(&mut self, scope: usize, name: Box<str>, qualname: Box<str>, kind: CodeKind) {
        let s = &self.table.scopes[scope];
        let varnames = if kind == CodeKind::Function {
            s.varnames()
        } else {
            Vec::new()
        };
        let cell_params = s
            .cells
            .iter()
            .enumerate()
            .filter_map(|(i, c)| {
                varnames
                    .iter()
                    .position(|v| v == c)
                    .map(|p| (i as u32, p as u32))
            })
            .collect();
        let line = self.units.last().map_or(1, |u| u.line);
        let nested = self.units.iter().any(|u| u.code.kind == CodeKind::Function);
        let code = Code {
            name,
            qualname,
            filename: self.filename.clone(),
            firstlineno: line,
            kind,
            ops: Vec::new(),
            lines: Vec::new(),
            consts: Vec::new(),
            names: Vec::new(),
            varnames,
            cellvars: s.cells.clone(),
            freevars: s.frees.clone(),
            cell_params,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            varargs: false,
            varkeywords: false,
            generator: s.generator || s.is_async,
            coroutine: s.is_async && !s.yields,
            async_generator: s.is_async && s.yields,
            iterable_coroutine: Default::default(),
            nested: nested && kind == CodeKind::Function,
            handlers: Vec::new(),
            stacksize: 0,
            global_cache: Box::new([]),
            name_objs: Box::new([]),
            name_hashes: Box::new([]),
        };
        self.units.push(Unit {
            scope,
            code,
            labels: Vec::new(),
            patches: Vec::new(),
            fblocks: Vec::new(),
            depth: 0,
            line,
            open_handlers: Vec::new(),
            pending_handlers: Vec::new(),
        });
        // CPython starts every code object with RESUME; a module's is on line 0.
        self.unit().line = if kind == CodeKind::Module { 0 } else { line };
        self.emit(Op::Resume(0));
        self.unit().line = line;
    }

    /// `return None` at the end of a function body, left out when the body
    /// already ends in a return that no jump or handler leads past (CPython
    /// drops that unreachable code too).
    fn implicit_return(&mut self) {
        let unit = self.unit();
        let pc = unit.code.ops.len() as u32;
        let ends_in_return =
            unit.code.ops.last() == Some(&Op::ReturnValue) && !unit.labels.contains(&Some(pc));
        if !ends_in_return {
            self.load_const(Value::None);
            self.emit(Op::ReturnValue);
        }
    }

    /// Move the start of the code being compiled (`co_firstlineno` and its
    /// RESUME) to `line`: a decorated definition starts at its first decorator.
    fn set_first_line(&mut self, line: u32) {
        let code = &mut self.unit().code;
        code.firstlineno = line;
        code.lines[0] = line;
    }

    fn pop_unit(&mut self) -> Arc<Code> {
        let mut unit = self.units.pop().expect("a unit is open");
        for (at, label) in std::mem::take(&mut unit.patches) {
            let target = unit.labels[label.0].expect("every label is placed");
            unit.code.ops[at] = match unit.code.ops[at] {
                Op::Jump(_) => Op::Jump(target),
                Op::PopJumpIfFalse(_) => Op::PopJumpIfFalse(target),
                Op::PopJumpIfTrue(_) => Op::PopJumpIfTrue(target),
                Op::JumpIfFalseOrPop(_) => Op::JumpIfFalseOrPop(target),
                Op::JumpIfTrueOrPop(_) => Op::JumpIfTrueOrPop(target),
                Op::ForIter(_) => Op::ForIter(target),
                other => other,
            };
        }
        for (start, end, label, depth) in std::mem::take(&mut unit.pending_handlers) {
            let target = unit.labels[label.0].expect("handler labels are placed");
            if start < end {
                unit.code.handlers.push(Handler {
                    start,
                    end,
                    target,
                    depth,
                });
            }
        }
        // Innermost ranges first: the loop takes the first range that covers.
        unit.code
            .handlers
            .sort_by_key(|h| (h.end - h.start, h.start));
        unit.code.global_cache = unit.code.names.iter().map(|_| Default::default()).collect();
        let interned = &mut self.names;
        unit.code.name_objs = unit
            .code
            .names
            .iter()
            .map(|n| {
                interned
                    .entry(n.to_string())
                    .or_insert_with(|| PyStr::value(&**n))
                    .clone()
            })
            .collect();
        unit.code.name_hashes = unit
            .code
            .names
            .iter()
            .map(|n| crate::object::str::hash(n))
            .collect();
        Arc::new(unit.code)
    }

    fn unit(&mut self) -> &mut Unit<'a> {
        self.units.last_mut().expect("a unit is open")
    }

    fn emit(&mut self, op: Op) {
        let unit = self.unit();
        unit.depth += stack_effect(&op);
        unit.code.stacksize = unit.code.stacksize.max(unit.depth.max(0) as u32 + 1);
        let line = unit.line;
        unit.code.ops.push(op);
        unit.code.lines.push(line);
    }

    fn emit_jump(&mut self, op: Op, label: Label) {
        let at = self.unit().code.ops.len();
        self.emit(op);
        self.unit().patches.push((at, label));
    }

    fn new_label(&mut self) -> Label {
        let unit = self.unit();
        unit.labels.push(None);
        Label(unit.labels.len() - 1)
    }

    fn place(&mut self, label: Label) {
        let unit = self.unit();
        unit.labels[label.0] = Some(unit.code.ops.len() as u32);
    }

    fn pc(&mut self) -> u32 {
        self.unit().code.ops.len() as u32
    }

    fn set_line(&mut self, offset: u32) {
        let line = self.lines.line_col(offset).0;
        self.unit().line = line;
    }

    /// Begin a handler range at the current position.
    fn begin_handler(&mut self, target: Label) {
        let (pc, depth) = (self.pc(), self.unit().depth.max(0) as u32);
        self.unit().open_handlers.push((pc, target, depth));
    }

    fn end_handler(&mut self) {
        let pc = self.pc();
        let unit = self.unit();
        let (start, target, depth) = unit.open_handlers.pop().expect("a handler range is open");
        unit.pending_handlers.push((start, pc, target, depth));
    }

    /// Pause the innermost handler range (while copying a `finally` body out).
    fn pause_handlers(&mut self, count: usize) -> Vec<(u32, Label, u32)> {
        let mut paused = Vec::new();
        for _ in 0..count {
            if self.unit().open_handlers.is_empty() {
                break;
            }
            self.end_handler();
            let last = *self.unit().pending_handlers.last().unwrap();
            paused.push((last.0, last.2, last.3));
        }
        paused
    }

    fn resume_handlers(&mut self, paused: Vec<(u32, Label, u32)>) {
        for (_, target, depth) in paused.into_iter().rev() {
            let pc = self.pc();
            self.unit().open_handlers.push((pc, target, depth));
        }
    }

    /// MAKE_FUNCTION for `code`, with a closure tuple of the cells its free
    /// variables come from; `flags` says what else is already on the stack.
    pub(super) fn make_function(&mut self, code: Arc<Code>, mut flags: u32) {
        if !code.freevars.is_empty() {
            for free in code.freevars.iter() {
                let i = self.deref_index(free);
                self.emit(Op::LoadClosure(i));
            }
            self.emit(Op::BuildTuple(code.freevars.len() as u32));
            flags |= 8;
        }
        self.load_const(Value::obj(Object::Code(code)));
        self.emit(Op::MakeFunction(flags));
    }

    fn add_const(&mut self, value: Value) -> u32 {
        let consts = &mut self.unit().code.consts;
        consts.push(value);
        consts.len() as u32 - 1
    }

    fn load_const(&mut self, value: Value) {
        let i = self.add_const(value);
        self.emit(Op::LoadConst(i));
    }

    /// The name-table index of attribute or name `attr`, with private names
    /// (`__x`) mangled to `_Class__x` inside a class, as CPython does (for
    /// attributes, and for names not local to a function).
    fn attr_index(&mut self, attr: &str) -> u32 {
        let mangled = self.mangle(attr);
        self.name_index(&mangled)
    }

    fn mangle(&self, name: &str) -> String {
        if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
            return name.to_string();
        }
        let class = self
            .units
            .iter()
            .rev()
            .find(|u| u.code.kind == CodeKind::Class)
            .map(|u| &*u.code.name);
        match class.map(|c| c.trim_start_matches('_')) {
            Some(c) if !c.is_empty() => format!("_{c}{name}"),
            _ => name.to_string(),
        }
    }

    fn name_index(&mut self, name: &str) -> u32 {
        let names = &mut self.unit().code.names;
        match names.iter().position(|n| &**n == name) {
            Some(i) => i as u32,
            None => {
                names.push(name.into());
                names.len() as u32 - 1
            }
        }
    }

    // ------------------------------------------------------------ names

    fn access(&self, name: &str) -> Access {
        let unit = self.units.last().unwrap();
        self.table.scopes[unit.scope].access(name)
    }

    fn deref_index(&self, name: &str) -> u32 {
        let code = &self.units.last().unwrap().code;
        match code.cellvars.iter().position(|c| &**c == name) {
            Some(i) => i as u32,
            None => {
                (code.cellvars.len() + code.freevars.iter().position(|f| &**f == name).unwrap())
                    as u32
            }
        }
    }

    fn load_name(&mut self, name: &str) {
        match self.access(name) {
            Access::Local => {
                let i = self.local_index(name);
                self.emit(Op::LoadFast(i))
            }
            Access::Cell | Access::Free => {
                let i = self.deref_index(name);
                self.emit(Op::LoadDeref(i))
            }
            Access::Global => {
                let i = self.attr_index(name);
                self.emit(Op::LoadGlobal(i))
            }
            Access::Name => {
                let i = self.attr_index(name);
                self.emit(Op::LoadName(i))
            }
        }
    }

    fn store_name(&mut self, name: &str) {
        match self.access(name) {
            Access::Local => {
                let i = self.local_index(name);
                self.emit(Op::StoreFast(i))
            }
            Access::Cell | Access::Free => {
                let i = self.deref_index(name);
                self.emit(Op::StoreDeref(i))
            }
            Access::Global => {
                let i = self.attr_index(name);
                self.emit(Op::StoreGlobal(i))
            }
            Access::Name => {
                let i = self.attr_index(name);
                self.emit(Op::StoreName(i))
            }
        }
    }

    fn delete_name(&mut self, name: &str, offset: u32) -> Res {
        match self.access(name) {
            Access::Local => {
                let i = self.local_index(name);
                self.emit(Op::DeleteFast(i))
            }
            Access::Cell | Access::Free => {
                return Err(unsupported(
                    "deleting a variable used by a nested function",
                    offset,
                ))
            }
            Access::Global => {
                let i = self.attr_index(name);
                self.emit(Op::DeleteGlobal(i))
            }
            Access::Name => {
                let i = self.attr_index(name);
                self.emit(Op::DeleteName(i))
            }
        }
        Ok(())
    }

    fn local_index(&self, name: &str) -> u32 {
        let code = &self.units.last().unwrap().code;
        code.varnames
            .iter()
            .position(|v| &**v == name)
            .expect("locals are listed") as u32
    }

    fn qualname(&self, name: &str) -> Box<str> {
        let Some(unit) = self.units.last() else {
            return name.into();
        };
        match unit.code.kind {
            CodeKind::Module => name.into(),
            CodeKind::Class => format!("{}.{name}", unit.code.qualname).into(),
            CodeKind::Function => format!("{}.<locals>.{name}", unit.code.qualname).into(),
        }
    }

    fn constant(&mut self, c: &Constant) -> Value {
        match c {
            Constant::None => Value::None,
            Constant::Bool(b) => Value::Bool(*b),
            Constant::Int(IntValue::Small(i)) => Value::Int(*i),
            Constant::Int(IntValue::Big(b)) => int::normalize(b.clone()),
            Constant::Float(f) => Value::Float(*f),
            Constant::Str(s) if s.as_str().is_some_and(name_like) => {
                let text = s.as_str().unwrap_or_default();
                if let Some(v) = self.names.get(text) {
                    return v.clone();
                }
                let v = PyStr::value(text);
                self.names.insert(text.to_owned(), v.clone());
                v
            }
            Constant::Str(s) => PyStr::value(s.as_str().map(str::to_owned).unwrap_or_else(|| {
                // Lone surrogates cannot be held yet; keep the replacement character.
                s.code_points()
                    .map(|c| char::from_u32(c).unwrap_or('\u{FFFD}'))
                    .collect()
            })),
            Constant::Bytes(b) => crate::object::bytes::new_bytes(b.clone()),
            Constant::Complex { real, imag } => Complex::new(*real, *imag).value(),
            Constant::Ellipsis => crate::object::ellipsis(),
        }
    }
}
