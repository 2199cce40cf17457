//! Code generation: AST to code objects, one `Unit` per scope.
//!
//! Control flow is laid out as CPython 3.11 lays it out: jumps to labels that
//! are patched once placed, exceptions through a table of handler ranges (no
//! block stack at run time), `finally` bodies copied onto every path that
//! leaves them (`return`, `break`, `continue`, falling off the end, an
//! exception). `fblocks` records what an early exit must undo on its way out.

use super::symtable::{Access, SymbolTable};
use crate::bytecode::{Code, CodeKind, Handler, Op};
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
    let table = SymbolTable::build(module);
    let mut c = Compiler {
        table: &table,
        lines: LineIndex::new(source),
        filename: filename.into(),
        units: Vec::new(),
    };
    c.push_unit(0, "<module>".into(), "<module>".into(), CodeKind::Module);
    c.stmts(&module.body)?;
    c.load_const(Value::None);
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
    With { handlers_before: usize },
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
}

fn unsupported(what: &str, offset: u32) -> Unsupported {
    Unsupported {
        what: what.to_string(),
        offset,
    }
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
        Op::CallEx(k) => -1 - k as i32,
        Op::BinaryOp(_) | Op::CompareOp(_) | Op::IsOp(_) | Op::ContainsOp(_) | Op::BinarySubscr => {
            -1
        }
        Op::StoreSubscr => -3,
        Op::DeleteSubscr => -2,
        Op::BuildSlice(n) => 1 - n as i32,
        Op::BuildTuple(n) | Op::BuildList(n) | Op::BuildString(n) => 1 - n as i32,
        Op::BuildMap(n) => 1 - 2 * n as i32,
        Op::ListAppend(_) | Op::ListExtend(_) | Op::DictUpdate(_) => -1,
        Op::MapAdd(_) => -2,
        Op::UnpackSequence(n) => n as i32 - 1,
        Op::UnpackEx(n) => (n & 0xFF) as i32 + (n >> 8) as i32,
        Op::PopJumpIfFalse(_) | Op::PopJumpIfTrue(_) => -1,
        Op::JumpIfFalseOrPop(_) | Op::JumpIfTrueOrPop(_) => -1,
        Op::ForIter(_) => 1,
        Op::MakeFunction(flags) => {
            -((flags & 1) as i32) - ((flags >> 1 & 1) as i32) - ((flags >> 3 & 1) as i32)
        }
        Op::ReturnValue => -1,
        Op::YieldValue => -1,
        Op::BeforeWith => 1,
        Op::WithExceptStart => 1,
        Op::GetYieldFromIter => 0,
        Op::YieldFrom => -1,
        Op::RaiseVarargs(n) => -(n as i32),
        Op::PushExcInfo => 1,
        Op::PopExcept => -1,
        Op::CheckExcMatch => 0,
        Op::Reraise => -1,
        Op::ImportName(_) => -1,
        Op::ImportFrom(_) => 1,
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
        let code = Code {
            name,
            qualname,
            filename: self.filename.clone(),
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
            generator: s.generator,
            handlers: Vec::new(),
            stacksize: 0,
        };
        let line = self.units.last().map_or(1, |u| u.line);
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

    fn add_const(&mut self, value: Value) -> u32 {
        let consts = &mut self.unit().code.consts;
        consts.push(value);
        consts.len() as u32 - 1
    }

    fn load_const(&mut self, value: Value) {
        let i = self.add_const(value);
        self.emit(Op::LoadConst(i));
    }

    /// The name-table index of attribute `attr`, with private names (`__x`)
    /// mangled to `_Class__x` inside a class, as CPython does.
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
                let i = self.name_index(name);
                self.emit(Op::LoadGlobal(i))
            }
            Access::Name => {
                let i = self.name_index(name);
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
                let i = self.name_index(name);
                self.emit(Op::StoreGlobal(i))
            }
            Access::Name => {
                let i = self.name_index(name);
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
                let i = self.name_index(name);
                self.emit(Op::DeleteGlobal(i))
            }
            Access::Name => {
                let i = self.name_index(name);
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

    // ------------------------------------------------------------ statements

    fn stmts(&mut self, body: &'a [Stmt]) -> Res {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    fn stmt(&mut self, s: &'a Stmt) -> Res {
        self.set_line(s.range.start);
        match &s.node {
            StmtKind::FunctionDef { is_async: true, .. } => {
                return Err(unsupported("'async def'", s.range.start))
            }
            StmtKind::FunctionDef {
                name,
                args,
                body,
                decorator_list,
                ..
            } => {
                for d in decorator_list {
                    self.expr(d)?;
                }
                let scope = self.table.scope_of(s as *const Stmt as usize);
                self.function(scope, name, args, |c| {
                    // A leading string is the docstring; it is not code.
                    let body = match body.first().map(|s| &s.node) {
                        Some(StmtKind::Expr { value })
                            if matches!(
                                value.node,
                                ExprKind::Constant {
                                    value: Constant::Str(_),
                                    ..
                                }
                            ) =>
                        {
                            &body[1..]
                        }
                        _ => &body[..],
                    };
                    c.stmts(body)?;
                    c.load_const(Value::None);
                    c.emit(Op::ReturnValue);
                    Ok(())
                })?;
                for _ in decorator_list {
                    self.emit(Op::Call(1));
                }
                self.store_name(name);
            }
            StmtKind::ClassDef {
                name,
                bases,
                keywords,
                body,
                decorator_list,
            } => self.class_def(s, name, bases, keywords, body, decorator_list)?,
            StmtKind::Return { value } => {
                match value {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Value::None),
                }
                self.unwind(None, true)?;
                self.emit(Op::ReturnValue);
            }
            StmtKind::Delete { targets } => {
                for t in targets {
                    self.delete(t)?;
                }
            }
            StmtKind::Assign { targets, value } => {
                self.expr(value)?;
                for (i, t) in targets.iter().enumerate() {
                    if i + 1 < targets.len() {
                        self.emit(Op::Copy(1));
                    }
                    self.store(t)?;
                }
            }
            StmtKind::AugAssign { target, op, value } => self.aug_assign(target, *op, value)?,
            StmtKind::AnnAssign {
                target,
                value,
                simple,
                ..
            } => {
                if let Some(v) = value {
                    self.expr(v)?;
                    self.store(target)?;
                } else if !simple {
                    // `x.y: int` evaluates the object; the annotation is not stored yet.
                    if let ExprKind::Attribute { value, .. } | ExprKind::Subscript { value, .. } =
                        &target.node
                    {
                        self.expr(value)?;
                        self.emit(Op::PopTop);
                    }
                }
            }
            StmtKind::For { is_async: true, .. } => {
                return Err(unsupported("'async for'", s.range.start))
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                ..
            } => self.for_loop(target, iter, body, orelse)?,
            StmtKind::While { test, body, orelse } => self.while_loop(test, body, orelse)?,
            StmtKind::If { test, body, orelse } => {
                let else_label = self.new_label();
                let end = self.new_label();
                self.condition(test, else_label, false)?;
                self.stmts(body)?;
                if !orelse.is_empty() {
                    self.emit_jump(Op::Jump(0), end);
                }
                self.place(else_label);
                self.stmts(orelse)?;
                self.place(end);
            }
            StmtKind::With { is_async: true, .. } => {
                return Err(unsupported("'async with'", s.range.start))
            }
            StmtKind::With { items, body, .. } => self.with(items, body)?,
            StmtKind::Match { .. } => {
                return Err(unsupported("the 'match' statement", s.range.start))
            }
            StmtKind::Raise { exc, cause } => {
                let n = match (exc, cause) {
                    (None, _) => 0,
                    (Some(e), None) => {
                        self.expr(e)?;
                        1
                    }
                    (Some(e), Some(c)) => {
                        self.expr(e)?;
                        self.expr(c)?;
                        2
                    }
                };
                self.emit(Op::RaiseVarargs(n));
            }
            StmtKind::Try { star: true, .. } => {
                return Err(unsupported("'except*'", s.range.start))
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
                ..
            } => {
                if finalbody.is_empty() {
                    self.try_except(body, handlers, orelse)?;
                } else {
                    self.try_finally(finalbody, |c| {
                        if handlers.is_empty() {
                            c.stmts(body)
                        } else {
                            c.try_except(body, handlers, orelse)
                        }
                    })?;
                }
            }
            StmtKind::Assert { test, msg } => {
                let end = self.new_label();
                self.condition(test, end, true)?;
                self.emit(Op::LoadAssertionError);
                if let Some(m) = msg {
                    self.expr(m)?;
                    self.emit(Op::Call(1));
                }
                self.emit(Op::RaiseVarargs(1));
                self.place(end);
            }
            StmtKind::Import { names } => {
                for alias in names {
                    self.load_const(Value::Int(0));
                    self.load_const(Value::None);
                    let i = self.name_index(&alias.name);
                    self.emit(Op::ImportName(i));
                    match &alias.asname {
                        Some(asname) => {
                            for part in alias.name.split('.').skip(1) {
                                let i = self.name_index(part);
                                self.emit(Op::LoadAttr(i));
                            }
                            self.store_name(asname);
                        }
                        None => self.store_name(alias.name.split('.').next().unwrap()),
                    }
                }
            }
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => {
                if names.iter().any(|a| &*a.name == "*") {
                    return Err(unsupported("'from ... import *'", s.range.start));
                }
                self.load_const(Value::Int(*level as i64));
                let fromlist: Vec<Value> = names.iter().map(|a| PyStr::value(&*a.name)).collect();
                self.load_const(Value::obj(Object::Tuple(fromlist.into())));
                let i = self.name_index(module.as_deref().unwrap_or(""));
                self.emit(Op::ImportName(i));
                for alias in names {
                    let i = self.name_index(&alias.name);
                    self.emit(Op::ImportFrom(i));
                    self.store_name(alias.asname.as_deref().unwrap_or(&alias.name));
                }
                self.emit(Op::PopTop);
            }
            StmtKind::Global { .. } | StmtKind::Nonlocal { .. } | StmtKind::Pass => {}
            StmtKind::Expr { value } => {
                self.expr(value)?;
                self.emit(Op::PopTop);
            }
            StmtKind::Break => self.break_continue(true, s.range.start)?,
            StmtKind::Continue => self.break_continue(false, s.range.start)?,
        }
        Ok(())
    }

    /// Leave the fblocks an early exit crosses: up to the innermost loop (for
    /// `break`/`continue`, `loop` returns its index), or all (for `return`,
    /// whose value is on the stack).
    fn unwind(&mut self, stop_at_loop: Option<()>, returning: bool) -> Res<Option<FBlock<'a>>> {
        let blocks = self.unit().fblocks.clone();
        for (i, block) in blocks.iter().enumerate().rev() {
            match block {
                FBlock::For { .. } | FBlock::While { .. } if stop_at_loop.is_some() => {
                    return Ok(Some(block.clone()))
                }
                FBlock::For { .. } => {
                    if returning {
                        self.emit(Op::Swap(2));
                    }
                    self.emit(Op::PopTop);
                }
                FBlock::While { .. } => {}
                FBlock::Handler => {
                    if returning {
                        self.emit(Op::Swap(2));
                    }
                    self.emit(Op::PopExcept);
                }
                FBlock::With { handlers_before } => {
                    // Leaving the body normally: __exit__(None, None, None).
                    let open = self.unit().open_handlers.len();
                    let paused = self.pause_handlers(open - handlers_before);
                    if returning {
                        self.emit(Op::Swap(2));
                    }
                    self.call_exit_none();
                    self.resume_handlers(paused);
                }
                FBlock::Finally {
                    body,
                    handlers_before,
                } => {
                    // Run the finally body outside the ranges opened since it began.
                    let open = self.unit().open_handlers.len();
                    let paused = self.pause_handlers(open - handlers_before);
                    let saved = std::mem::replace(&mut self.unit().fblocks, blocks[..i].to_vec());
                    self.stmts(body)?;
                    self.unit().fblocks = saved;
                    self.resume_handlers(paused);
                }
            }
        }
        Ok(None)
    }

    fn break_continue(&mut self, is_break: bool, offset: u32) -> Res {
        let depth = self.unit().depth;
        let block = self.unwind(Some(()), false)?;
        match block {
            Some(FBlock::For {
                continue_to,
                break_to,
            }) => {
                if is_break {
                    self.emit(Op::PopTop);
                    self.emit_jump(Op::Jump(0), break_to);
                } else {
                    self.emit_jump(Op::Jump(0), continue_to);
                }
            }
            Some(FBlock::While {
                continue_to,
                break_to,
            }) => {
                self.emit_jump(Op::Jump(0), if is_break { break_to } else { continue_to });
            }
            _ => return Err(unsupported("'break' outside a loop", offset)),
        }
        // Code after a jump is unreachable; keep the static depth as before.
        self.unit().depth = depth;
        Ok(())
    }

    fn for_loop(
        &mut self,
        target: &'a Expr,
        iter: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) -> Res {
        let (start, cleanup, end) = (self.new_label(), self.new_label(), self.new_label());
        self.expr(iter)?;
        self.emit(Op::GetIter);
        self.place(start);
        self.emit_jump(Op::ForIter(0), cleanup);
        self.store(target)?;
        self.unit().fblocks.push(FBlock::For {
            continue_to: start,
            break_to: end,
        });
        self.stmts(body)?;
        self.unit().fblocks.pop();
        self.emit_jump(Op::Jump(0), start);
        self.place(cleanup);
        // FOR_ITER popped the exhausted iterator.
        self.unit().depth -= 1;
        self.stmts(orelse)?;
        self.place(end);
        Ok(())
    }

    fn while_loop(&mut self, test: &'a Expr, body: &'a [Stmt], orelse: &'a [Stmt]) -> Res {
        let (start, otherwise, end) = (self.new_label(), self.new_label(), self.new_label());
        self.place(start);
        self.condition(test, otherwise, false)?;
        self.unit().fblocks.push(FBlock::While {
            continue_to: start,
            break_to: end,
        });
        self.stmts(body)?;
        self.unit().fblocks.pop();
        self.emit_jump(Op::Jump(0), start);
        self.place(otherwise);
        self.stmts(orelse)?;
        self.place(end);
        Ok(())
    }

    fn try_except(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
    ) -> Res {
        let (handler, otherwise, end, cleanup) = (
            self.new_label(),
            self.new_label(),
            self.new_label(),
            self.new_label(),
        );
        let depth = self.unit().depth;
        self.begin_handler(handler);
        self.stmts(body)?;
        self.end_handler();
        self.emit_jump(Op::Jump(0), otherwise);
        // The exception arrives on the stack.
        self.place(handler);
        self.unit().depth = depth + 1;
        self.emit(Op::PushExcInfo); // [prev, exc]
        self.begin_handler(cleanup);
        for h in handlers {
            self.set_line(h.range.start);
            let next = self.new_label();
            if let Some(t) = &h.type_ {
                self.expr(t)?;
                self.emit(Op::CheckExcMatch);
                self.emit_jump(Op::PopJumpIfFalse(0), next);
            }
            match &h.name {
                Some(name) => self.store_name(name),
                None => self.emit(Op::PopTop),
            }
            self.unit().fblocks.push(FBlock::Handler);
            let name_cleanup = self.new_label();
            if h.name.is_some() {
                // `except E as e`: e is deleted however the body ends.
                self.begin_handler(name_cleanup);
            }
            self.stmts(&h.body)?;
            if let Some(name) = &h.name {
                self.end_handler();
                self.load_const(Value::None);
                self.store_name(name);
                self.delete_name(name, h.range.start)?;
            }
            self.unit().fblocks.pop();
            self.end_handler_pause_and(|c| {
                c.emit(Op::PopExcept);
                c.emit_jump(Op::Jump(0), end);
            });
            if let Some(name) = &h.name {
                self.place(name_cleanup);
                self.unit().depth = depth + 2;
                self.load_const(Value::None);
                self.store_name(name);
                self.delete_name(name, h.range.start)?;
                self.emit(Op::Reraise);
            }
            self.unit().depth = depth + 2;
            self.place(next);
        }
        // No handler matched: re-raise with the saved exception restored.
        self.emit(Op::Reraise);
        self.end_handler();
        self.place(cleanup);
        self.unit().depth = depth + 2; // [prev, exc]
        self.emit(Op::Swap(2));
        self.emit(Op::PopExcept);
        self.emit(Op::Reraise);
        self.place(otherwise);
        self.unit().depth = depth;
        self.stmts(orelse)?;
        self.place(end);
        Ok(())
    }

    /// Emit code that leaves an except body, outside the body's cleanup range.
    fn end_handler_pause_and(&mut self, f: impl FnOnce(&mut Self)) {
        let paused = self.pause_handlers(1);
        f(self);
        self.resume_handlers(paused);
    }

    fn try_finally(&mut self, finalbody: &'a [Stmt], body: impl FnOnce(&mut Self) -> Res) -> Res {
        let (handler, end, cleanup) = (self.new_label(), self.new_label(), self.new_label());
        let depth = self.unit().depth;
        let handlers_before = self.unit().open_handlers.len();
        self.begin_handler(handler);
        self.unit().fblocks.push(FBlock::Finally {
            body: finalbody,
            handlers_before,
        });
        body(self)?;
        self.unit().fblocks.pop();
        self.end_handler();
        self.stmts(finalbody)?;
        self.emit_jump(Op::Jump(0), end);
        // Exceptional path: run the finally body, then re-raise.
        self.place(handler);
        self.unit().depth = depth + 1;
        self.emit(Op::PushExcInfo);
        self.begin_handler(cleanup);
        self.stmts(finalbody)?;
        // Re-raise inside the cleanup range, which restores the exception
        // that was being handled before.
        self.emit(Op::Reraise);
        self.end_handler();
        self.place(cleanup);
        self.unit().depth = depth + 2;
        self.emit(Op::Swap(2));
        self.emit(Op::PopExcept);
        self.emit(Op::Reraise);
        self.place(end);
        self.unit().depth = depth;
        Ok(())
    }

    /// `with a as x, b: body`: one context manager at a time, outermost first.
    fn with(&mut self, items: &'a [WithItem], body: &'a [Stmt]) -> Res {
        let Some((item, rest)) = items.split_first() else {
            return self.stmts(body);
        };
        let (handler, cleanup, end) = (self.new_label(), self.new_label(), self.new_label());
        self.expr(&item.context_expr)?;
        self.emit(Op::BeforeWith); // [exit, entered]
        let depth = self.unit().depth - 1; // with __exit__ on the stack
        match &item.optional_vars {
            Some(target) => self.store(target)?,
            None => self.emit(Op::PopTop),
        }
        let handlers_before = self.unit().open_handlers.len();
        self.begin_handler(handler);
        self.unit().fblocks.push(FBlock::With { handlers_before });
        self.with(rest, body)?;
        self.unit().fblocks.pop();
        self.end_handler();
        self.call_exit_none();
        self.emit_jump(Op::Jump(0), end);
        // An exception in the body: [exit, exc] -> ask __exit__ whether to swallow it.
        self.place(handler);
        self.unit().depth = depth + 1;
        self.emit(Op::PushExcInfo); // [exit, prev, exc]
        self.begin_handler(cleanup);
        self.emit(Op::WithExceptStart); // [exit, prev, exc, result]
        let swallow = self.new_label();
        self.emit_jump(Op::PopJumpIfTrue(0), swallow);
        self.emit(Op::Reraise);
        self.place(swallow);
        self.unit().depth = depth + 2;
        self.end_handler();
        self.emit(Op::PopTop); // exc
        self.emit(Op::PopExcept); // prev
        self.emit(Op::PopTop); // exit
        self.emit_jump(Op::Jump(0), end);
        self.place(cleanup);
        self.unit().depth = depth + 2;
        self.emit(Op::Swap(2));
        self.emit(Op::PopExcept);
        self.emit(Op::Reraise);
        self.place(end);
        self.unit().depth = depth - 1;
        Ok(())
    }

    /// `super()` in a method becomes `super(__class__, <first parameter>)`, which
    /// CPython works out from the frame at run time.
    fn zero_argument_super(&mut self, func: &Expr, args: &[Expr], keywords: &[Keyword]) -> bool {
        let ExprKind::Name { id, .. } = &func.node else {
            return false;
        };
        if &**id != "super" || !args.is_empty() || !keywords.is_empty() {
            return false;
        }
        if self.access("__class__") != Access::Free || self.unit().code.argcount == 0 {
            return false;
        }
        let first = self.unit().code.varnames[0].clone();
        self.load_name("super");
        self.load_name("__class__");
        if self.unit().code.cellvars.contains(&first) {
            let i = self.deref_index(&first);
            self.emit(Op::LoadDeref(i));
        } else {
            self.emit(Op::LoadFast(0));
        }
        self.emit(Op::Call(2));
        true
    }

    /// Call the `__exit__` on top with three Nones and drop its result.
    fn call_exit_none(&mut self) {
        for _ in 0..3 {
            self.load_const(Value::None);
        }
        self.emit(Op::Call(3));
        self.emit(Op::PopTop);
    }

    fn aug_assign(&mut self, target: &'a Expr, op: Operator, value: &'a Expr) -> Res {
        let arg = binary_arg(op) + 13;
        match &target.node {
            ExprKind::Name { id, .. } => {
                self.load_name(id);
                self.expr(value)?;
                self.emit(Op::BinaryOp(arg));
                self.store_name(id);
            }
            ExprKind::Attribute {
                value: obj, attr, ..
            } => {
                self.expr(obj)?;
                self.emit(Op::Copy(1));
                let i = self.attr_index(attr);
                self.emit(Op::LoadAttr(i));
                self.expr(value)?;
                self.emit(Op::BinaryOp(arg));
                self.emit(Op::Swap(2));
                self.emit(Op::StoreAttr(i));
            }
            ExprKind::Subscript {
                value: obj, slice, ..
            } => {
                self.expr(obj)?;
                self.expr(slice)?;
                self.emit(Op::Copy(2));
                self.emit(Op::Copy(2));
                self.emit(Op::BinarySubscr);
                self.expr(value)?;
                self.emit(Op::BinaryOp(arg));
                self.emit(Op::Swap(3));
                self.emit(Op::Swap(2));
                self.emit(Op::StoreSubscr);
            }
            _ => unreachable!("the parser rejects other augmented targets"),
        }
        Ok(())
    }

    /// Store the value on top of the stack into `target`.
    fn store(&mut self, target: &'a Expr) -> Res {
        match &target.node {
            ExprKind::Name { id, .. } => self.store_name(id),
            ExprKind::Attribute { value, attr, .. } => {
                self.expr(value)?;
                let i = self.attr_index(attr);
                self.emit(Op::StoreAttr(i));
            }
            ExprKind::Subscript { value, slice, .. } => {
                self.expr(value)?;
                self.expr(slice)?;
                self.emit(Op::StoreSubscr);
            }
            ExprKind::Tuple { elts, .. } | ExprKind::List { elts, .. } => {
                match elts
                    .iter()
                    .position(|e| matches!(e.node, ExprKind::Starred { .. }))
                {
                    Some(star) => {
                        let after = elts.len() - star - 1;
                        self.emit(Op::UnpackEx(star as u32 | (after as u32) << 8));
                    }
                    None => self.emit(Op::UnpackSequence(elts.len() as u32)),
                }
                for e in elts {
                    match &e.node {
                        ExprKind::Starred { value, .. } => self.store(value)?,
                        _ => self.store(e)?,
                    }
                }
            }
            _ => return Err(unsupported("this assignment target", target.range.start)),
        }
        Ok(())
    }

    fn delete(&mut self, target: &'a Expr) -> Res {
        match &target.node {
            ExprKind::Name { id, .. } => self.delete_name(id, target.range.start)?,
            ExprKind::Attribute { value, attr, .. } => {
                self.expr(value)?;
                let i = self.attr_index(attr);
                self.emit(Op::DeleteAttr(i));
            }
            ExprKind::Subscript { value, slice, .. } => {
                self.expr(value)?;
                self.expr(slice)?;
                self.emit(Op::DeleteSubscr);
            }
            ExprKind::Tuple { elts, .. } | ExprKind::List { elts, .. } => {
                for e in elts {
                    self.delete(e)?;
                }
            }
            _ => unreachable!("the parser rejects other delete targets"),
        }
        Ok(())
    }

    // ------------------------------------------------------------ functions and classes

    /// Compile a function body in scope `scope` and emit MAKE_FUNCTION.
    fn function(
        &mut self,
        scope: usize,
        name: &str,
        args: &'a Arguments,
        body: impl FnOnce(&mut Self) -> Res,
    ) -> Res {
        let mut flags = 0;
        if !args.defaults.is_empty() {
            for d in &args.defaults {
                self.expr(d)?;
            }
            self.emit(Op::BuildTuple(args.defaults.len() as u32));
            flags |= 1;
        }
        let kw: Vec<(&Arg, &Expr)> = args
            .kwonlyargs
            .iter()
            .zip(&args.kw_defaults)
            .filter_map(|(a, d)| d.as_ref().map(|d| (a, d)))
            .collect();
        if !kw.is_empty() {
            for (a, d) in &kw {
                self.load_const(PyStr::value(&*a.arg));
                self.expr(d)?;
            }
            self.emit(Op::BuildMap(kw.len() as u32));
            flags |= 2;
        }
        let qualname = self.qualname(name);
        self.push_unit(scope, name.into(), qualname, CodeKind::Function);
        {
            let code = &mut self.unit().code;
            code.argcount = (args.posonlyargs.len() + args.args.len()) as u32;
            code.posonlyargcount = args.posonlyargs.len() as u32;
            code.kwonlyargcount = args.kwonlyargs.len() as u32;
            code.varargs = args.vararg.is_some();
            code.varkeywords = args.kwarg.is_some();
        }
        body(self)?;
        let code = self.pop_unit();
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
        Ok(())
    }

    fn class_def(
        &mut self,
        s: &'a Stmt,
        name: &str,
        bases: &'a [Expr],
        keywords: &'a [Keyword],
        body: &'a [Stmt],
        decorators: &'a [Expr],
    ) -> Res {
        for d in decorators {
            self.expr(d)?;
        }
        self.emit(Op::LoadBuildClass);
        let scope = self.table.scope_of(s as *const Stmt as usize);
        let qualname = self.qualname(name);
        self.push_unit(scope, name.into(), qualname.clone(), CodeKind::Class);
        let module_name = self.name_index("__name__");
        self.emit(Op::LoadName(module_name));
        let i = self.name_index("__module__");
        self.emit(Op::StoreName(i));
        self.load_const(PyStr::value(&*qualname));
        let i = self.name_index("__qualname__");
        self.emit(Op::StoreName(i));
        let body = match body.first().map(|s| &s.node) {
            Some(StmtKind::Expr { value })
                if matches!(
                    value.node,
                    ExprKind::Constant {
                        value: Constant::Str(_),
                        ..
                    }
                ) =>
            {
                self.expr(match &body[0].node {
                    StmtKind::Expr { value } => value,
                    _ => unreachable!(),
                })?;
                let i = self.name_index("__doc__");
                self.emit(Op::StoreName(i));
                &body[1..]
            }
            _ => body,
        };
        self.stmts(body)?;
        if self
            .unit()
            .code
            .cellvars
            .iter()
            .any(|c| &**c == "__class__")
        {
            // Hand the `__class__` cell to __build_class__, which fills it.
            let i = self.deref_index("__class__");
            self.emit(Op::LoadClosure(i));
            let name = self.name_index("__classcell__");
            self.emit(Op::StoreName(name));
        }
        self.load_const(Value::None);
        self.emit(Op::ReturnValue);
        let code = self.pop_unit();
        let mut flags = 0;
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
        self.load_const(PyStr::value(name));
        self.call_args(bases, keywords, 2)?;
        for _ in decorators {
            self.emit(Op::Call(1));
        }
        self.store_name(name);
        Ok(())
    }

    // ------------------------------------------------------------ expressions

    /// Jump to `target` when `test` is `when`; fall through otherwise.
    fn condition(&mut self, test: &'a Expr, target: Label, when: bool) -> Res {
        match &test.node {
            ExprKind::UnaryOp {
                op: UnaryOp::Not,
                operand,
            } => self.condition(operand, target, !when),
            ExprKind::BoolOp { op, values } => {
                let is_and = *op == BoolOp::And;
                if is_and != when {
                    // `a and b` jumping when false (or `a or b` when true): any operand decides.
                    for v in values {
                        self.condition(v, target, when)?;
                    }
                } else {
                    let skip = self.new_label();
                    let (last, rest) = values.split_last().unwrap();
                    for v in rest {
                        self.condition(v, skip, !when)?;
                    }
                    self.condition(last, target, when)?;
                    self.place(skip);
                }
                Ok(())
            }
            _ => {
                self.expr(test)?;
                let op = if when {
                    Op::PopJumpIfTrue(0)
                } else {
                    Op::PopJumpIfFalse(0)
                };
                self.emit_jump(op, target);
                Ok(())
            }
        }
    }

    fn constant(&mut self, c: &Constant) -> Value {
        match c {
            Constant::None => Value::None,
            Constant::Bool(b) => Value::Bool(*b),
            Constant::Int(IntValue::Small(i)) => Value::Int(*i),
            Constant::Int(IntValue::Big(b)) => int::normalize(b.clone()),
            Constant::Float(f) => Value::Float(*f),
            Constant::Str(s) => PyStr::value(s.as_str().map(str::to_owned).unwrap_or_else(|| {
                // Lone surrogates cannot be held yet; keep the replacement character.
                s.code_points()
                    .map(|c| char::from_u32(c).unwrap_or('\u{FFFD}'))
                    .collect()
            })),
            Constant::Complex { .. } | Constant::Bytes(_) | Constant::Ellipsis => Value::None,
        }
    }

    fn expr(&mut self, e: &'a Expr) -> Res {
        match &e.node {
            ExprKind::Constant { value, .. } => {
                if matches!(
                    value,
                    Constant::Complex { .. } | Constant::Bytes(_) | Constant::Ellipsis
                ) {
                    return Err(unsupported(
                        "complex, bytes and Ellipsis constants",
                        e.range.start,
                    ));
                }
                let v = self.constant(value);
                self.load_const(v);
            }
            ExprKind::Name { id, .. } => self.load_name(id),
            ExprKind::BoolOp { op, values } => {
                let end = self.new_label();
                let (last, rest) = values.split_last().unwrap();
                for v in rest {
                    self.expr(v)?;
                    let jump = if *op == BoolOp::And {
                        Op::JumpIfFalseOrPop(0)
                    } else {
                        Op::JumpIfTrueOrPop(0)
                    };
                    self.emit_jump(jump, end);
                }
                self.expr(last)?;
                self.place(end);
            }
            ExprKind::NamedExpr { target, value } => {
                self.expr(value)?;
                self.emit(Op::Copy(1));
                self.store(target)?;
            }
            ExprKind::BinOp { left, op, right } => {
                self.expr(left)?;
                self.expr(right)?;
                self.emit(Op::BinaryOp(binary_arg(*op)));
            }
            ExprKind::UnaryOp { op, operand } => {
                self.expr(operand)?;
                self.emit(match op {
                    UnaryOp::Invert => Op::UnaryInvert,
                    UnaryOp::Not => Op::UnaryNot,
                    UnaryOp::UAdd => Op::UnaryPositive,
                    UnaryOp::USub => Op::UnaryNegative,
                });
            }
            ExprKind::Lambda { args, body } => {
                let scope = self.table.scope_of(e as *const Expr as usize);
                self.function(scope, "<lambda>", args, |c| {
                    c.expr(body)?;
                    c.emit(Op::ReturnValue);
                    Ok(())
                })?;
            }
            ExprKind::IfExp { test, body, orelse } => {
                let (otherwise, end) = (self.new_label(), self.new_label());
                self.condition(test, otherwise, false)?;
                self.expr(body)?;
                self.emit_jump(Op::Jump(0), end);
                self.place(otherwise);
                self.unit().depth -= 1;
                self.expr(orelse)?;
                self.place(end);
            }
            ExprKind::Dict { keys, values } => {
                let mut pending = 0;
                let mut built = false;
                for (k, v) in keys.iter().zip(values) {
                    match k {
                        Some(k) => {
                            self.expr(k)?;
                            self.expr(v)?;
                            pending += 1;
                        }
                        None => {
                            if !built || pending > 0 {
                                self.emit(Op::BuildMap(pending));
                                if built {
                                    self.emit(Op::DictUpdate(1));
                                }
                                built = true;
                                pending = 0;
                            }
                            self.expr(v)?;
                            self.emit(Op::DictUpdate(1));
                        }
                    }
                }
                if !built || pending > 0 {
                    self.emit(Op::BuildMap(pending));
                    if built {
                        self.emit(Op::DictUpdate(1));
                    }
                }
            }
            ExprKind::Set { .. } | ExprKind::SetComp { .. } => {
                return Err(unsupported("sets", e.range.start))
            }
            ExprKind::List { elts, .. } => self.sequence(elts, false)?,
            ExprKind::Tuple { elts, .. } => self.sequence(elts, true)?,
            ExprKind::ListComp { elt, generators } => {
                self.comprehension(e, generators, |c, depth| {
                    c.expr(elt)?;
                    c.emit(Op::ListAppend(depth));
                    Ok(())
                })?
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.comprehension(e, generators, |c, depth| {
                c.expr(key)?;
                c.expr(value)?;
                c.emit(Op::MapAdd(depth));
                Ok(())
            })?,
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(e, generators, |c, _| {
                    c.expr(elt)?;
                    c.emit(Op::YieldValue);
                    c.unit().depth += 1;
                    c.emit(Op::PopTop);
                    Ok(())
                })?
            }
            ExprKind::Yield { value } => {
                match value {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Value::None),
                }
                self.emit(Op::YieldValue);
                // The value sent in replaces the yielded one on the stack.
                self.unit().depth += 1;
            }
            ExprKind::YieldFrom { value } => {
                self.expr(value)?;
                self.emit(Op::GetYieldFromIter);
                self.load_const(Value::None);
                self.emit(Op::YieldFrom);
            }
            ExprKind::Await { .. } => return Err(unsupported("'await'", e.range.start)),
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => self.compare(left, ops, comparators)?,
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                if self.zero_argument_super(func, args, keywords) {
                    return Ok(());
                }
                self.expr(func)?;
                self.call_args(args, keywords, 0)?;
            }
            ExprKind::FormattedValue {
                value,
                conversion,
                format_spec,
            } => {
                self.expr(value)?;
                let mut flags = match *conversion {
                    115 => 1, // !s
                    114 => 2, // !r
                    97 => 3,  // !a
                    _ => 0,
                };
                if let Some(spec) = format_spec {
                    self.expr(spec)?;
                    flags |= 4;
                }
                self.emit(Op::FormatValue(flags));
            }
            ExprKind::JoinedStr { values } => {
                for v in values {
                    self.expr(v)?;
                }
                if values.len() != 1 || !matches!(values[0].node, ExprKind::FormattedValue { .. }) {
                    self.emit(Op::BuildString(values.len() as u32));
                }
            }
            ExprKind::Attribute { value, attr, .. } => {
                self.expr(value)?;
                let i = self.attr_index(attr);
                self.emit(Op::LoadAttr(i));
            }
            ExprKind::Subscript { value, slice, .. } => {
                self.expr(value)?;
                self.expr(slice)?;
                self.emit(Op::BinarySubscr);
            }
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper] {
                    match part {
                        Some(x) => self.expr(x)?,
                        None => self.load_const(Value::None),
                    }
                }
                match step {
                    Some(s) => {
                        self.expr(s)?;
                        self.emit(Op::BuildSlice(3));
                    }
                    None => self.emit(Op::BuildSlice(2)),
                }
            }
            ExprKind::Starred { .. } => {
                unreachable!("the compiler checks reject a bare starred expression")
            }
        }
        Ok(())
    }

    /// A list or tuple display, with `*x` items spliced in.
    fn sequence(&mut self, elts: &'a [Expr], tuple: bool) -> Res {
        if !elts
            .iter()
            .any(|e| matches!(e.node, ExprKind::Starred { .. }))
        {
            for e in elts {
                self.expr(e)?;
            }
            self.emit(if tuple {
                Op::BuildTuple(elts.len() as u32)
            } else {
                Op::BuildList(elts.len() as u32)
            });
            return Ok(());
        }
        self.emit(Op::BuildList(0));
        for e in elts {
            match &e.node {
                ExprKind::Starred { value, .. } => {
                    self.expr(value)?;
                    self.emit(Op::ListExtend(1));
                }
                _ => {
                    self.expr(e)?;
                    self.emit(Op::ListAppend(1));
                }
            }
        }
        if tuple {
            self.emit(Op::ListToTuple);
        }
        Ok(())
    }

    /// Push arguments and call: the callable (and `extra` leading arguments
    /// already pushed) are on the stack.
    fn call_args(&mut self, args: &'a [Expr], keywords: &'a [Keyword], extra: u32) -> Res {
        let starred = args
            .iter()
            .any(|a| matches!(a.node, ExprKind::Starred { .. }));
        let double = keywords.iter().any(|k| k.arg.is_none());
        if !starred && !double {
            for a in args {
                self.expr(a)?;
            }
            for k in keywords {
                self.expr(&k.value)?;
            }
            if !keywords.is_empty() {
                let names: Vec<Value> = keywords
                    .iter()
                    .map(|k| PyStr::value(&**k.arg.as_ref().unwrap()))
                    .collect();
                let i = self.add_const(Value::obj(Object::Tuple(names.into())));
                self.emit(Op::KwNames(i));
            }
            self.emit(Op::Call(extra + (args.len() + keywords.len()) as u32));
            return Ok(());
        }
        // General form: a tuple of positional arguments and a dict of keywords.
        self.emit(Op::BuildList(extra));
        if extra > 0 {
            return Err(unsupported(
                "'*' or '**' arguments in a class definition",
                0,
            ));
        }
        for a in args {
            match &a.node {
                ExprKind::Starred { value, .. } => {
                    self.expr(value)?;
                    self.emit(Op::ListExtend(1));
                }
                _ => {
                    self.expr(a)?;
                    self.emit(Op::ListAppend(1));
                }
            }
        }
        self.emit(Op::ListToTuple);
        if keywords.is_empty() {
            self.emit(Op::CallEx(0));
            return Ok(());
        }
        self.emit(Op::BuildMap(0));
        for k in keywords {
            match &k.arg {
                Some(name) => {
                    self.load_const(PyStr::value(&**name));
                    self.expr(&k.value)?;
                    self.emit(Op::BuildMap(1));
                    self.emit(Op::DictUpdate(1));
                }
                None => {
                    self.expr(&k.value)?;
                    self.emit(Op::DictUpdate(1));
                }
            }
        }
        self.emit(Op::CallEx(1));
        Ok(())
    }

    fn compare(&mut self, left: &'a Expr, ops: &[CmpOp], comparators: &'a [Expr]) -> Res {
        self.expr(left)?;
        if ops.len() == 1 {
            self.expr(&comparators[0])?;
            self.compare_op(ops[0]);
            return Ok(());
        }
        // a < b < c: each middle operand is evaluated once; stop at the first false.
        let (cleanup, end) = (self.new_label(), self.new_label());
        for (i, (op, right)) in ops.iter().zip(comparators).enumerate() {
            self.expr(right)?;
            if i + 1 < ops.len() {
                self.emit(Op::Swap(2));
                self.emit(Op::Copy(2));
                self.compare_op(*op);
                self.emit_jump(Op::JumpIfFalseOrPop(0), cleanup);
            } else {
                self.compare_op(*op);
            }
        }
        self.emit_jump(Op::Jump(0), end);
        self.place(cleanup);
        // [middle, False]: drop the middle operand, keep the result.
        self.emit(Op::Swap(2));
        self.emit(Op::PopTop);
        self.place(end);
        Ok(())
    }

    fn compare_op(&mut self, op: CmpOp) {
        self.emit(match op {
            CmpOp::Is => Op::IsOp(0),
            CmpOp::IsNot => Op::IsOp(1),
            CmpOp::In => Op::ContainsOp(0),
            CmpOp::NotIn => Op::ContainsOp(1),
            other => Op::CompareOp(COMPARE_OPS.iter().position(|c| *c == other).unwrap() as u32),
        });
    }

    /// A comprehension: a nested function called at once with the first iterable.
    fn comprehension(
        &mut self,
        e: &'a Expr,
        generators: &'a [Comprehension],
        element: impl FnOnce(&mut Self, u32) -> Res,
    ) -> Res {
        if generators.iter().any(|g| g.is_async) {
            return Err(unsupported("asynchronous comprehensions", e.range.start));
        }
        let scope = self.table.scope_of(e as *const Expr as usize);
        let (name, start_op) = match e.node {
            ExprKind::DictComp { .. } => ("<dictcomp>", Some(Op::BuildMap(0))),
            ExprKind::GeneratorExp { .. } => ("<genexpr>", None),
            _ => ("<listcomp>", Some(Op::BuildList(0))),
        };
        let qualname = self.qualname(name);
        self.push_unit(scope, name.into(), qualname, CodeKind::Function);
        self.unit().code.argcount = 1;
        if let Some(op) = start_op {
            self.emit(op);
        }
        let mut ends = Vec::new();
        for (i, g) in generators.iter().enumerate() {
            let (start, cleanup) = (self.new_label(), self.new_label());
            if i == 0 {
                self.emit(Op::LoadFast(0));
            } else {
                self.expr(&g.iter)?;
                self.emit(Op::GetIter);
            }
            self.place(start);
            self.emit_jump(Op::ForIter(0), cleanup);
            self.store(&g.target)?;
            for cond in &g.ifs {
                self.condition(cond, start, false)?;
            }
            ends.push((start, cleanup));
        }
        element(self, generators.len() as u32 + 1)?;
        for (start, cleanup) in ends.into_iter().rev() {
            self.emit_jump(Op::Jump(0), start);
            self.place(cleanup);
            self.unit().depth -= 1;
        }
        if start_op.is_none() {
            self.load_const(Value::None);
        }
        self.emit(Op::ReturnValue);
        let code = self.pop_unit();
        let mut flags = 0;
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
        self.expr(&generators[0].iter)?;
        self.emit(Op::GetIter);
        self.emit(Op::Call(1));
        Ok(())
    }
}
