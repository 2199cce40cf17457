//! Statement compilation: assignments, loops, `try`/`except`/`finally`,
//! `with`, the unwinding that `return`/`break`/`continue` do on the way out,
//! and function and class definitions.

use super::{binary_arg, unsupported, Compiler, FBlock, Label, Res};
use crate::bytecode::{CodeKind, Op};
use crate::object::{Object, PyStr};
use crate::value::Value;
use gilt_parser::ast::*;

/// Does a module or class body annotate a simple name (`x: int`) anywhere
/// outside nested functions and classes? Then it gets `__annotations__`.
pub(super) fn has_annotations(body: &[Stmt]) -> bool {
    body.iter().any(|s| match &s.node {
        StmtKind::AnnAssign { target, simple, .. } => {
            *simple && matches!(target.node, ExprKind::Name { .. })
        }
        StmtKind::For { body, orelse, .. }
        | StmtKind::While { body, orelse, .. }
        | StmtKind::If { body, orelse, .. } => has_annotations(body) || has_annotations(orelse),
        StmtKind::With { body, .. } => has_annotations(body),
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
            ..
        } => {
            has_annotations(body)
                || handlers.iter().any(|h| has_annotations(&h.body))
                || has_annotations(orelse)
                || has_annotations(finalbody)
        }
        StmtKind::Match { cases, .. } => cases.iter().any(|c| has_annotations(&c.body)),
        _ => false,
    })
}

impl<'t, 'a> Compiler<'t, 'a> {
    /// SETUP_ANNOTATIONS, spelled `__annotations__ = {}` (a fresh module or
    /// class namespace has none yet).
    pub(super) fn setup_annotations(&mut self, body: &[Stmt]) {
        if has_annotations(body) {
            self.emit(Op::BuildMap(0));
            let i = self.name_index("__annotations__");
            self.emit(Op::StoreName(i));
        }
    }

    /// `__annotations__[name] = annotation` in a module or class body; a
    /// function body does not evaluate its variable annotations.
    fn store_annotation(&mut self, name: &str, annotation: &'a Expr) -> Res {
        if self.units.last().map(|u| u.code.kind) == Some(CodeKind::Function) {
            return Ok(());
        }
        self.expr(annotation)?;
        let i = self.name_index("__annotations__");
        self.emit(Op::LoadName(i));
        let key = self.mangle(name);
        self.load_const(PyStr::value(key));
        self.emit(Op::StoreSubscr);
        Ok(())
    }

    pub(super) fn stmts(&mut self, body: &'a [Stmt]) -> Res {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    fn stmt(&mut self, s: &'a Stmt) -> Res {
        self.set_line(s.range.start);
        match &s.node {
            StmtKind::FunctionDef {
                name,
                args,
                body,
                decorator_list,
                returns,
                ..
            } => {
                for d in decorator_list {
                    self.expr(d)?;
                }
                let scope = self.table.scope_of(s as *const Stmt as usize);
                let first_line = decorator_list
                    .first()
                    .map(|d| self.lines.line_col(d.range.start).0);
                self.function(scope, name, args, returns.as_deref(), |c| {
                    if let Some(line) = first_line {
                        c.set_first_line(line);
                    }
                    // A leading string is the docstring: not code, but
                    // co_consts[0] (where other functions have None).
                    let body = match body.first().map(|s| &s.node) {
                        Some(StmtKind::Expr { value }) => match &value.node {
                            ExprKind::Constant {
                                value: doc @ Constant::Str(_),
                                ..
                            } => {
                                c.unit().code.consts[0] = c.constant(doc);
                                &body[1..]
                            }
                            _ => &body[..],
                        },
                        _ => &body[..],
                    };
                    c.stmts(body)?;
                    c.implicit_return();
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
                annotation,
                value,
                simple,
            } => {
                if let Some(v) = value {
                    self.expr(v)?;
                    self.store(target)?;
                }
                if let (ExprKind::Name { id, .. }, true) = (&target.node, *simple) {
                    self.store_annotation(id, annotation)?;
                } else if value.is_none() && !simple {
                    // `x.y: int` evaluates the object; the annotation is not stored yet.
                    if let ExprKind::Attribute { value, .. } | ExprKind::Subscript { value, .. } =
                        &target.node
                    {
                        self.expr(value)?;
                        self.emit(Op::PopTop);
                    }
                }
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                is_async,
            } => self.for_loop(target, iter, body, orelse, *is_async)?,
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
            StmtKind::With {
                items,
                body,
                is_async,
            } => self.with(items, body, *is_async)?,
            StmtKind::Match { subject, cases } => self.match_stmt(subject, cases)?,
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
            StmtKind::Try {
                star,
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                let star = *star;
                let try_except = move |c: &mut Self| {
                    if star {
                        c.try_star(body, handlers, orelse)
                    } else {
                        c.try_except(body, handlers, orelse)
                    }
                };
                if finalbody.is_empty() {
                    try_except(self)?;
                } else {
                    self.try_finally(finalbody, |c| {
                        if handlers.is_empty() {
                            c.stmts(body)
                        } else {
                            try_except(c)
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
                        // `import a.b.c as d` walks down with IMPORT_FROM, which
                        // also finds a submodule whose parent attribute is not
                        // set yet (a circular import).
                        Some(asname) => {
                            let parts: Vec<&str> = alias.name.split('.').skip(1).collect();
                            for (k, part) in parts.iter().enumerate() {
                                let i = self.name_index(part);
                                self.emit(Op::ImportFrom(i));
                                if k + 1 < parts.len() {
                                    self.emit(Op::Swap(2));
                                    self.emit(Op::PopTop);
                                }
                            }
                            self.store_name(asname);
                            if !parts.is_empty() {
                                self.emit(Op::PopTop);
                            }
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
                self.load_const(Value::Int(*level as i64));
                let fromlist: Vec<Value> = names.iter().map(|a| PyStr::value(&*a.name)).collect();
                self.load_const(Value::obj(Object::Tuple(fromlist.into())));
                let i = self.name_index(module.as_deref().unwrap_or(""));
                self.emit(Op::ImportName(i));
                if names.iter().any(|a| &*a.name == "*") {
                    self.emit(Op::ImportStar);
                } else {
                    for alias in names {
                        let i = self.name_index(&alias.name);
                        self.emit(Op::ImportFrom(i));
                        self.store_name(alias.asname.as_deref().unwrap_or(&alias.name));
                    }
                    self.emit(Op::PopTop);
                }
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
                FBlock::With {
                    handlers_before,
                    is_async,
                } => {
                    // Leaving the body normally: __exit__(None, None, None).
                    let open = self.unit().open_handlers.len();
                    let paused = self.pause_handlers(open - handlers_before);
                    if returning {
                        self.emit(Op::Swap(2));
                    }
                    self.call_exit_none(*is_async);
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
        is_async: bool,
    ) -> Res {
        let (start, cleanup, end) = (self.new_label(), self.new_label(), self.new_label());
        self.expr(iter)?;
        self.emit(if is_async { Op::GetAiter } else { Op::GetIter });
        self.place(start);
        if is_async {
            self.async_next(cleanup);
        } else {
            self.emit_jump(Op::ForIter(0), cleanup);
        }
        self.store(target)?;
        self.unit().fblocks.push(FBlock::For {
            continue_to: start,
            break_to: end,
        });
        self.stmts(body)?;
        self.unit().fblocks.pop();
        self.emit_jump(Op::Jump(0), start);
        self.place(cleanup);
        self.end_async_next(is_async);
        self.stmts(orelse)?;
        self.place(end);
        Ok(())
    }

    /// The head of an `async for` step: await `__anext__()` of the async
    /// iterator on top, inside a range whose handler is `cleanup`.
    pub(super) fn async_next(&mut self, cleanup: Label) {
        self.begin_handler(cleanup);
        self.emit(Op::GetAnext);
        self.load_const(Value::None);
        self.emit(Op::YieldFrom);
        self.end_handler();
    }

    /// At a loop's `cleanup` label: FOR_ITER popped the exhausted iterator;
    /// an async loop has the iterator and the exception, which END_ASYNC_FOR
    /// drops when it is StopAsyncIteration.
    pub(super) fn end_async_next(&mut self, is_async: bool) {
        if is_async {
            self.unit().depth += 1;
            self.emit(Op::EndAsyncFor);
        } else {
            self.unit().depth -= 1;
        }
    }

    /// `await` the value on top (`how` is GET_AWAITABLE's operand).
    pub(super) fn await_top(&mut self, how: u32) {
        self.emit(Op::GetAwaitable(how));
        self.load_const(Value::None);
        self.emit(Op::YieldFrom);
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
        self.begin_cleanup(cleanup);
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

    /// `try` with `except*` clauses (PEP 654), laid out as CPython 3.11 does:
    /// under the saved exception sit the original exception, a list of what
    /// the clauses raised, and the part not yet handled. Each clause splits
    /// its match off that part (CHECK_EG_MATCH); an exception from its body
    /// joins the list; at the end the rest joins too and PREP_RERAISE_STAR
    /// makes the one exception to raise, if any.
    fn try_star(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
    ) -> Res {
        let (handler, otherwise, end, cleanup, reraise) = (
            self.new_label(),
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
        self.place(handler);
        self.unit().depth = depth + 1;
        self.emit(Op::PushExcInfo); // [prev, exc]
        self.begin_cleanup(cleanup);
        self.emit(Op::Copy(1));
        self.emit(Op::BuildList(0));
        self.emit(Op::Swap(2)); // [prev, orig, raised, rest]
        for h in handlers {
            self.set_line(h.range.start);
            let (next, no_match, body_cleanup) =
                (self.new_label(), self.new_label(), self.new_label());
            if let Some(t) = &h.type_ {
                self.expr(t)?;
            }
            self.emit(Op::CheckEgMatch); // [.., rest, match or None]
            self.emit(Op::Copy(1));
            self.load_const(Value::None);
            self.emit(Op::IsOp(0));
            self.emit_jump(Op::PopJumpIfTrue(0), no_match);
            match &h.name {
                Some(name) => self.store_name(name),
                None => self.emit(Op::PopTop),
            }
            self.begin_handler(body_cleanup);
            self.stmts(&h.body)?;
            self.end_handler();
            if let Some(name) = &h.name {
                self.load_const(Value::None);
                self.store_name(name);
                self.delete_name(name, h.range.start)?;
            }
            self.emit_jump(Op::Jump(0), next);
            // The body raised: [.., rest, exc]; keep exc for the end.
            self.place(body_cleanup);
            self.unit().depth = depth + 5;
            if let Some(name) = &h.name {
                self.load_const(Value::None);
                self.store_name(name);
                self.delete_name(name, h.range.start)?;
            }
            self.emit(Op::ListAppend(2));
            self.emit_jump(Op::Jump(0), next);
            self.place(no_match);
            self.unit().depth = depth + 5;
            self.emit(Op::PopTop);
            self.place(next);
            self.unit().depth = depth + 4;
        }
        self.emit(Op::ListAppend(1)); // the unhandled rest, or None
        self.emit(Op::PrepReraiseStar); // [prev, to_raise]
        self.emit(Op::Copy(1));
        self.load_const(Value::None);
        self.emit(Op::IsOp(1));
        self.emit_jump(Op::PopJumpIfTrue(0), reraise);
        self.emit(Op::PopTop);
        self.end_handler();
        self.emit(Op::PopExcept);
        self.emit_jump(Op::Jump(0), end);
        self.place(reraise);
        self.unit().depth = depth + 2;
        self.emit(Op::Swap(2));
        self.emit(Op::PopExcept);
        self.emit(Op::Reraise);
        self.place(cleanup);
        self.unit().depth = depth + 2;
        self.emit(Op::Swap(2));
        self.emit(Op::PopExcept);
        self.emit(Op::Reraise);
        self.place(otherwise);
        self.unit().depth = depth;
        self.stmts(orelse)?;
        self.place(end);
        Ok(())
    }

    /// Begin the range that restores the saved exception when a handler body
    /// raises: right after PUSH_EXC_INFO, `[.., prev, exc]` on the stack. The
    /// range keeps only `prev`, so its code sees `[.., prev, new]` (SWAP 2,
    /// POP_EXCEPT, RERAISE puts `prev` back as the handled exception).
    fn begin_cleanup(&mut self, cleanup: Label) {
        self.unit().depth -= 1;
        self.begin_handler(cleanup);
        self.unit().depth += 1;
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
        self.begin_cleanup(cleanup);
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
    fn with(&mut self, items: &'a [WithItem], body: &'a [Stmt], is_async: bool) -> Res {
        let Some((item, rest)) = items.split_first() else {
            return self.stmts(body);
        };
        let (handler, cleanup, end) = (self.new_label(), self.new_label(), self.new_label());
        self.expr(&item.context_expr)?;
        if is_async {
            self.emit(Op::BeforeAsyncWith); // [aexit, awaitable]
            self.await_top(1);
        } else {
            self.emit(Op::BeforeWith); // [exit, entered]
        }
        let depth = self.unit().depth - 1; // with __exit__ on the stack
        match &item.optional_vars {
            Some(target) => self.store(target)?,
            None => self.emit(Op::PopTop),
        }
        let handlers_before = self.unit().open_handlers.len();
        self.begin_handler(handler);
        self.unit().fblocks.push(FBlock::With {
            handlers_before,
            is_async,
        });
        self.with(rest, body, is_async)?;
        self.unit().fblocks.pop();
        self.end_handler();
        self.call_exit_none(is_async);
        self.emit_jump(Op::Jump(0), end);
        // An exception in the body: [exit, exc] -> ask __exit__ whether to swallow it.
        self.place(handler);
        self.unit().depth = depth + 1;
        self.emit(Op::PushExcInfo); // [exit, prev, exc]
        self.begin_cleanup(cleanup);
        self.emit(Op::WithExceptStart); // [exit, prev, exc, result]
        if is_async {
            self.await_top(2);
        }
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

    /// Call the `__exit__` on top with three Nones (and await what an
    /// `__aexit__` returns), and drop its result.
    fn call_exit_none(&mut self, is_async: bool) {
        for _ in 0..3 {
            self.load_const(Value::None);
        }
        self.emit(Op::Call(3));
        if is_async {
            self.await_top(2);
        }
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
    pub(super) fn store(&mut self, target: &'a Expr) -> Res {
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
    pub(super) fn function(
        &mut self,
        scope: usize,
        name: &str,
        args: &'a Arguments,
        returns: Option<&'a Expr>,
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
        if self.annotations(args, returns)? {
            flags |= 4;
        }
        let qualname = self.qualname(name);
        self.push_unit(scope, name.into(), qualname, CodeKind::Function);
        // CPython keeps the docstring (or None) first among a function's constants.
        self.add_const(Value::None);
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
        self.make_function(code, flags);
        Ok(())
    }

    /// Push the tuple `('name', annotation, ...)` of a function's annotated
    /// parameters and return value, in CPython 3.11's order (plain parameters,
    /// then positional-only, `*args`, keyword-only, `**kwargs`, `return`);
    /// false, pushing nothing, when there are none.
    fn annotations(&mut self, args: &'a Arguments, returns: Option<&'a Expr>) -> Res<bool> {
        let mut annotated: Vec<(&str, &'a Expr)> = Vec::new();
        let params = args
            .args
            .iter()
            .chain(&args.posonlyargs)
            .chain(args.vararg.as_deref())
            .chain(&args.kwonlyargs)
            .chain(args.kwarg.as_deref());
        for a in params {
            if let Some(e) = &a.annotation {
                annotated.push((&a.arg, e));
            }
        }
        if let Some(e) = returns {
            annotated.push(("return", e));
        }
        if annotated.is_empty() {
            return Ok(false);
        }
        for (name, e) in &annotated {
            self.load_const(PyStr::value(*name));
            self.expr(e)?;
        }
        self.emit(Op::BuildTuple(2 * annotated.len() as u32));
        Ok(true)
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
        if let Some(d) = decorators.first() {
            let line = self.lines.line_col(d.range.start).0;
            self.set_first_line(line);
        }
        let module_name = self.name_index("__name__");
        self.emit(Op::LoadName(module_name));
        let i = self.name_index("__module__");
        self.emit(Op::StoreName(i));
        self.load_const(PyStr::value(&*qualname));
        let i = self.name_index("__qualname__");
        self.emit(Op::StoreName(i));
        self.setup_annotations(body);
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
        self.make_function(code, 0);
        self.load_const(PyStr::value(name));
        self.call_args(bases, keywords, 2)?;
        for _ in decorators {
            self.emit(Op::Call(1));
        }
        self.store_name(name);
        Ok(())
    }
}
