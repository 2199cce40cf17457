//! Expression compilation: `expr`, conditional jumps, comparison chains,
//! calls and their arguments, list/tuple displays, comprehensions, and
//! zero-argument `super()`.

use super::{binary_arg, unsupported, Compiler, Label, Res, COMPARE_OPS};
use crate::bytecode::{CodeKind, Op};
use crate::compile::symtable::Access;
use crate::object::{Object, PyStr};
use crate::value::Value;
use gilt_parser::ast::*;

impl<'t, 'a> Compiler<'t, 'a> {
    /// Jump to `target` when `test` is `when`; fall through otherwise.
    pub(super) fn condition(&mut self, test: &'a Expr, target: Label, when: bool) -> Res {
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

    pub(super) fn expr(&mut self, e: &'a Expr) -> Res {
        match &e.node {
            ExprKind::Constant { value, .. } => {
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
                self.function(scope, "<lambda>", args, None, |c| {
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
            ExprKind::Set { elts } => self.set_display(elts)?,
            ExprKind::SetComp { elt, generators } => {
                self.comprehension(e, generators, |c, depth| {
                    c.expr(elt)?;
                    c.emit(Op::SetAdd(depth));
                    Ok(())
                })?
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
            ExprKind::Await { value } => {
                self.expr(value)?;
                self.await_top(0);
            }
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
                let simple = !args
                    .iter()
                    .any(|a| matches!(a.node, ExprKind::Starred { .. }))
                    && keywords.iter().all(|k| k.arg.is_some());
                match &func.node {
                    // `obj.name(...)`: no bound method object is made.
                    ExprKind::Attribute { value, attr, .. } if simple => {
                        self.expr(value)?;
                        let i = self.attr_index(attr);
                        self.emit(Op::LoadMethod(i));
                        self.call_args_as(args, keywords, 0, true)?;
                    }
                    _ => {
                        self.expr(func)?;
                        self.call_args(args, keywords, 0)?;
                    }
                }
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

    /// A set display, compiled as CPython 3.11 compiles it, since the order
    /// of insertion decides where elements sit and so the order a set prints
    /// in: three or more constants become a constant frozenset merged into a
    /// new set; otherwise the items are added first to last, `*x` items
    /// spliced in.
    fn set_display(&mut self, elts: &'a [Expr]) -> Res {
        if elts.len() > 2 {
            if let Some(frozen) = constant_frozenset(elts, |c| self.constant(c)) {
                self.emit(Op::BuildSet(0));
                self.load_const(frozen);
                self.emit(Op::SetUpdate(1));
                return Ok(());
            }
        }
        let starred = elts
            .iter()
            .any(|e| matches!(e.node, ExprKind::Starred { .. }));
        // CPython keeps at most 30 items on the stack before building.
        let big = elts.len() > 30;
        if !starred && !big {
            for e in elts {
                self.expr(e)?;
            }
            self.emit(Op::BuildSet(elts.len() as u32));
            return Ok(());
        }
        let mut built = big;
        if big {
            self.emit(Op::BuildSet(0));
        }
        for (i, e) in elts.iter().enumerate() {
            match &e.node {
                ExprKind::Starred { value, .. } => {
                    if !built {
                        self.emit(Op::BuildSet(i as u32));
                        built = true;
                    }
                    self.expr(value)?;
                    self.emit(Op::SetUpdate(1));
                }
                _ => {
                    self.expr(e)?;
                    if built {
                        self.emit(Op::SetAdd(1));
                    }
                }
            }
        }
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

    /// Push arguments and call: the callable (and `extra` leading arguments
    /// already pushed) are on the stack.
    /// Plain positional and named arguments, then CALL (or CALL_METHOD).
    fn call_args_as(
        &mut self,
        args: &'a [Expr],
        keywords: &'a [Keyword],
        extra: u32,
        method: bool,
    ) -> Res {
        for a in args {
            self.expr(a)?;
        }
        for k in keywords {
            self.expr(&k.value)?;
        }
        if !keywords.is_empty() {
            let names: Vec<Value> = keywords
                .iter()
                .map(|k| PyStr::value(&**k.arg.as_ref().expect("no ** here")))
                .collect();
            let i = self.add_const(Value::obj(Object::Tuple(names.into())));
            self.emit(Op::KwNames(i));
        }
        let n = extra + (args.len() + keywords.len()) as u32;
        self.emit(if method {
            Op::CallMethod(n)
        } else {
            Op::Call(n)
        });
        Ok(())
    }

    pub(super) fn call_args(
        &mut self,
        args: &'a [Expr],
        keywords: &'a [Keyword],
        extra: u32,
    ) -> Res {
        let starred = args
            .iter()
            .any(|a| matches!(a.node, ExprKind::Starred { .. }));
        let double = keywords.iter().any(|k| k.arg.is_none());
        if !starred && !double {
            return self.call_args_as(args, keywords, extra, false);
        }
        // General form: a tuple of positional arguments and a dict of keywords.
        if extra > 0 {
            return Err(unsupported(
                "'*' or '**' arguments in a class definition",
                0,
            ));
        }
        match args {
            // `f(*xs)`: CALL_FUNCTION_EX takes the iterable as it is.
            [Expr {
                node: ExprKind::Starred { value, .. },
                ..
            }] => self.expr(value)?,
            _ => self.positional_tuple(args)?,
        }
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
                    self.emit(Op::DictMerge(1));
                }
                None => {
                    self.expr(&k.value)?;
                    self.emit(Op::DictMerge(1));
                }
            }
        }
        self.emit(Op::CallEx(1));
        Ok(())
    }

    /// The positional arguments of a call with `*` as one tuple.
    fn positional_tuple(&mut self, args: &'a [Expr]) -> Res {
        self.emit(Op::BuildList(0));
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
        // The jumps arrive here with the middle operand still below the
        // result: one item more than the path that fell through to `end`.
        self.unit().depth += 1;
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
        let scope = self.table.scope_of(e as *const Expr as usize);
        let (name, start_op) = match e.node {
            ExprKind::DictComp { .. } => ("<dictcomp>", Some(Op::BuildMap(0))),
            ExprKind::GeneratorExp { .. } => ("<genexpr>", None),
            ExprKind::SetComp { .. } => ("<setcomp>", Some(Op::BuildSet(0))),
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
                self.emit(if g.is_async {
                    Op::GetAiter
                } else {
                    Op::GetIter
                });
            }
            self.place(start);
            if g.is_async {
                self.async_next(cleanup);
            } else {
                self.emit_jump(Op::ForIter(0), cleanup);
            }
            self.store(&g.target)?;
            for cond in &g.ifs {
                self.condition(cond, start, false)?;
            }
            ends.push((start, cleanup, g.is_async));
        }
        element(self, generators.len() as u32 + 1)?;
        for (start, cleanup, is_async) in ends.into_iter().rev() {
            self.emit_jump(Op::Jump(0), start);
            self.place(cleanup);
            self.end_async_next(is_async);
        }
        if start_op.is_none() {
            self.load_const(Value::None);
        }
        self.emit(Op::ReturnValue);
        let code = self.pop_unit();
        let awaited = code.coroutine;
        self.make_function(code, 0);
        self.expr(&generators[0].iter)?;
        self.emit(if generators[0].is_async {
            Op::GetAiter
        } else {
            Op::GetIter
        });
        self.emit(Op::Call(1));
        if awaited {
            // An async list/set/dict comprehension runs as a coroutine.
            self.await_top(0);
        }
        Ok(())
    }
}

/// The frozenset of `elts` when every one is a constant as CPython's AST
/// optimizer sees it (a literal, a signed number, a tuple of constants).
/// Like CPython 3.11's, it is built twice: once from the items in source
/// order, then again from that set's own order when the compiler merges equal
/// constants (`merge_consts_recursive`).
fn constant_frozenset(
    elts: &[Expr],
    mut constant: impl FnMut(&Constant) -> Value,
) -> Option<Value> {
    use crate::object::set::{new_frozenset, Entry};
    let mut first = crate::object::SetTable::new();
    for e in elts {
        let v = folded(e, &mut constant)?;
        let hash = crate::object::dict::builtin_hash(&v).ok()??;
        first.insert(Entry { hash, key: v });
    }
    let mut merged = crate::object::SetTable::new();
    for e in first.iter() {
        merged.insert(e.clone());
    }
    Some(new_frozenset(merged))
}

/// The value of a constant expression, if `e` is one.
fn folded(e: &Expr, constant: &mut impl FnMut(&Constant) -> Value) -> Option<Value> {
    match &e.node {
        ExprKind::Constant { value, .. } => match value {
            Constant::Complex { .. } | Constant::Bytes(_) | Constant::Ellipsis => None,
            c => Some(constant(c)),
        },
        ExprKind::UnaryOp {
            op: op @ (UnaryOp::USub | UnaryOp::UAdd | UnaryOp::Invert),
            operand,
        } => match &operand.node {
            ExprKind::Constant { .. } => {
                crate::object::int::unary_op(*op, &folded(operand, constant)?)?.ok()
            }
            _ => None,
        },
        ExprKind::Tuple { elts, .. } => {
            let items = elts
                .iter()
                .map(|x| folded(x, constant))
                .collect::<Option<Vec<_>>>()?;
            Some(Value::obj(Object::Tuple(items.into())))
        }
        _ => None,
    }
}
