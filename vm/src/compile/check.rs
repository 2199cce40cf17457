//! The SyntaxErrors CPython raises after parsing, from its compiler and symbol
//! table: statements outside the construct they need (`return` outside a
//! function, `break` outside a loop, `await` outside an async function, `yield`
//! inside a comprehension), misplaced starred expressions, `global`/`nonlocal`
//! conflicts, a bare `except:` that is not last, `from __future__` rules, and
//! the pattern errors of `match` (pattern.rs).
//!
//! `ast.parse` accepts all of these; running or compiling the code does not.
//! Errors are reported in source order, as CPython's single pass finds them.

mod pattern;

use gilt_parser::ast::*;
use gilt_parser::ParseError;
use std::collections::HashMap;

/// Check a parsed module for the errors CPython's compiler raises.
pub fn check_module(module: &Module) -> Result<(), ParseError> {
    let mut checker = Checker {
        scopes: vec![Scope::new(ScopeKind::Module)],
    };
    checker.future_imports(&module.body)?;
    checker.body(&module.body)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum ScopeKind {
    Module,
    Class,
    Function { is_async: bool },
    Lambda,
    Comprehension(&'static str),
}

/// What a scope knows about a name so far, in source order.
#[derive(Default, Clone, Copy)]
struct Flags {
    param: bool,
    assigned: bool,
    used: bool,
    global: bool,
    nonlocal: bool,
}

struct Scope {
    kind: ScopeKind,
    names: HashMap<Box<str>, Flags>,
    loops: u32,
    /// Statically nested blocks (loops, `with`, `try` parts); CPython allows 20.
    blocks: u32,
    /// The loop depth at which the innermost enclosing `except*` body started.
    except_star: Option<u32>,
    has_yield: bool,
    returns_value: Option<Range>,
}

impl Scope {
    fn new(kind: ScopeKind) -> Scope {
        Scope {
            kind,
            names: HashMap::new(),
            loops: 0,
            blocks: 0,
            except_star: None,
            has_yield: false,
            returns_value: None,
        }
    }
}

struct Checker {
    scopes: Vec<Scope>,
}

fn error(msg: impl Into<String>, range: Range) -> ParseError {
    ParseError {
        kind: gilt_lexer::ErrorKind::Syntax,
        msg: msg.into(),
        start: range.start,
        end: range.end,
    }
}

type Res = Result<(), ParseError>;

/// CPython's CO_MAXBLOCKS.
const MAX_BLOCKS: u32 = 20;

const EXCEPT_STAR_EXIT: &str = "'break', 'continue' and 'return' cannot appear in an except* block";

impl Checker {
    fn scope(&mut self) -> &mut Scope {
        self.scopes
            .last_mut()
            .expect("the module scope is never popped")
    }

    /// The innermost scope that is not a comprehension: where `yield` and
    /// `await` belong.
    fn code_scope(&self) -> &Scope {
        self.scopes
            .iter()
            .rev()
            .find(|s| !matches!(s.kind, ScopeKind::Comprehension(_)))
            .unwrap()
    }

    fn flags(&mut self, name: &str) -> &mut Flags {
        let names = &mut self.scope().names;
        if !names.contains_key(name) {
            names.insert(name.into(), Flags::default());
        }
        names.get_mut(name).unwrap()
    }

    fn future_imports(&self, body: &[Stmt]) -> Res {
        let mut at_start = true;
        for (i, stmt) in body.iter().enumerate() {
            match &stmt.node {
                StmtKind::ImportFrom {
                    module: Some(m),
                    names,
                    level: 0,
                } if &**m == "__future__" => {
                    if !at_start {
                        return Err(error(
                            "from __future__ imports must occur at the beginning of the file",
                            stmt.range,
                        ));
                    }
                    for alias in names {
                        let known = [
                            "nested_scopes",
                            "generators",
                            "division",
                            "absolute_import",
                            "with_statement",
                            "print_function",
                            "unicode_literals",
                            "barry_as_FLUFL",
                            "generator_stop",
                            "annotations",
                        ];
                        let at = Range::new(stmt.range.start, stmt.range.start);
                        if &*alias.name == "braces" {
                            return Err(error("not a chance", at));
                        }
                        if !known.contains(&&*alias.name) {
                            return Err(error(
                                format!("future feature {} is not defined", alias.name),
                                at,
                            ));
                        }
                    }
                }
                // A docstring may precede future imports.
                StmtKind::Expr { value }
                    if i == 0
                        && matches!(
                            value.node,
                            ExprKind::Constant {
                                value: Constant::Str(_),
                                ..
                            }
                        ) => {}
                _ => at_start = false,
            }
        }
        Ok(())
    }

    fn body(&mut self, body: &[Stmt]) -> Res {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    fn stmt(&mut self, s: &Stmt) -> Res {
        match &s.node {
            StmtKind::FunctionDef {
                is_async,
                name,
                args,
                body,
                decorator_list,
                returns,
            } => {
                self.exprs(decorator_list)?;
                self.arguments_outside(args)?;
                if let Some(r) = returns {
                    self.expr(r)?;
                }
                self.bind(name, s.range)?;
                self.function(
                    ScopeKind::Function {
                        is_async: *is_async,
                    },
                    args,
                    |c| c.body(body),
                )?;
            }
            StmtKind::ClassDef {
                name,
                bases,
                keywords,
                body,
                decorator_list,
            } => {
                self.exprs(decorator_list)?;
                self.call_args(bases, keywords)?;
                self.scopes.push(Scope::new(ScopeKind::Class));
                self.body(body)?;
                self.scopes.pop();
                self.bind(name, s.range)?;
            }
            StmtKind::Return { value } => {
                if !matches!(self.code_scope().kind, ScopeKind::Function { .. }) {
                    return Err(error("'return' outside function", s.range));
                }
                if self.scope().except_star.is_some() {
                    // CPython reports it where the returned value starts.
                    let at = value.as_ref().map_or(s.range, |v| v.range);
                    return Err(error(EXCEPT_STAR_EXIT, at));
                }
                if let Some(v) = value {
                    self.expr(v)?;
                    self.scope().returns_value.get_or_insert(s.range);
                    self.async_generator_return()?;
                }
            }
            StmtKind::Delete { targets } => targets.iter().try_for_each(|t| self.target(t))?,
            StmtKind::Assign { targets, value } => {
                self.expr(value)?;
                targets.iter().try_for_each(|t| self.assign_target(t))?;
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(value)?;
                self.target(target)?;
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => {
                if let (ExprKind::Name { id, .. }, true) = (&target.node, simple) {
                    let f = *self.flags(id);
                    if f.global || f.nonlocal {
                        let which = if f.global { "global" } else { "nonlocal" };
                        let msg = format!("annotated name '{id}' can't be {which}");
                        return Err(error(msg, s.range));
                    }
                }
                if let Some(v) = value {
                    self.expr(v)?;
                }
                self.expr(annotation)?;
                self.target(target)?;
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                ..
            } => {
                self.expr(iter)?;
                self.assign_target(target)?;
                self.block(s, |c| c.loop_body(body))?;
                self.body(orelse)?;
            }
            StmtKind::While { test, body, orelse } => {
                self.expr(test)?;
                self.block(s, |c| c.loop_body(body))?;
                self.body(orelse)?;
            }
            StmtKind::If { test, body, orelse } => {
                self.expr(test)?;
                self.body(body)?;
                self.body(orelse)?;
            }
            StmtKind::With { items, body, .. } => {
                for item in items {
                    self.expr(&item.context_expr)?;
                    if let Some(v) = &item.optional_vars {
                        self.assign_target(v)?;
                    }
                }
                self.block(s, |c| c.body(body))?;
            }
            StmtKind::Match { subject, cases } => {
                self.expr(subject)?;
                for (i, case) in cases.iter().enumerate() {
                    let irrefutable_ok = case.guard.is_some() || i + 1 == cases.len();
                    pattern::check_case(&case.pattern, irrefutable_ok)?;
                    self.pattern(&case.pattern)?;
                    if let Some(g) = &case.guard {
                        self.expr(g)?;
                    }
                    self.body(&case.body)?;
                }
            }
            StmtKind::Raise { exc, cause } => {
                exc.iter()
                    .chain(cause.iter())
                    .try_for_each(|e| self.expr(e))?;
            }
            StmtKind::Try {
                star,
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                self.block(s, |c| c.body(body))?;
                for (i, h) in handlers.iter().enumerate() {
                    if h.type_.is_none() && i + 1 < handlers.len() {
                        return Err(error("default 'except:' must be last", h.range));
                    }
                    if let Some(t) = &h.type_ {
                        self.expr(t)?;
                    }
                    if let Some(n) = &h.name {
                        self.bind(n, h.range)?;
                    }
                    let outer = self.scope().except_star;
                    if *star {
                        let loops = self.scope().loops;
                        self.scope().except_star = Some(loops);
                    }
                    let result = self.block(s, |c| c.body(&h.body));
                    self.scope().except_star = outer;
                    result?;
                }
                self.body(orelse)?;
                self.block(s, |c| c.body(finalbody))?;
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test)?;
                if let Some(m) = msg {
                    self.expr(m)?;
                }
            }
            StmtKind::Import { names } | StmtKind::ImportFrom { names, .. } => {
                for alias in names {
                    let in_function = matches!(self.scope_kind(), ScopeKind::Function { .. });
                    if &*alias.name == "*" && in_function {
                        return Err(error("import * only allowed at module level", alias.range));
                    }
                    let bound = alias
                        .asname
                        .as_deref()
                        .unwrap_or_else(|| alias.name.split('.').next().unwrap());
                    if bound != "*" {
                        self.bind(bound, alias.range)?;
                    }
                }
            }
            StmtKind::Global { names } => {
                for name in names {
                    self.declare(name, true, s.range)?;
                }
            }
            StmtKind::Nonlocal { names } => {
                if self.scope().kind == ScopeKind::Module {
                    return Err(error(
                        "nonlocal declaration not allowed at module level",
                        s.range,
                    ));
                }
                for name in names {
                    self.declare(name, false, s.range)?;
                }
            }
            StmtKind::Expr { value } => {
                if let ExprKind::Starred { .. } = value.node {
                    return Err(error("can't use starred expression here", value.range));
                }
                self.expr(value)?;
            }
            StmtKind::Pass => {}
            StmtKind::Break | StmtKind::Continue => {
                let scope = self.scope();
                if scope.loops == 0 {
                    let msg = match s.node {
                        StmtKind::Break => "'break' outside loop",
                        _ => "'continue' not properly in loop",
                    };
                    return Err(error(msg, s.range));
                }
                if scope.except_star == Some(scope.loops) {
                    return Err(error(EXCEPT_STAR_EXIT, s.range));
                }
            }
        }
        Ok(())
    }

    /// Check `inner` as one more statically nested block, opened by `s`.
    fn block(&mut self, s: &Stmt, inner: impl FnOnce(&mut Self) -> Res) -> Res {
        if self.scope().blocks >= MAX_BLOCKS {
            return Err(error("too many statically nested blocks", s.range));
        }
        self.scope().blocks += 1;
        // On an error the scope stack may have grown (a nested def or class
        // failed); checking stops there, so nothing is restored.
        inner(self)?;
        self.scope().blocks -= 1;
        Ok(())
    }

    fn loop_body(&mut self, body: &[Stmt]) -> Res {
        self.scope().loops += 1;
        self.body(body)?;
        self.scope().loops -= 1;
        Ok(())
    }

    /// Enter a function or lambda scope with its parameters bound.
    fn function(
        &mut self,
        kind: ScopeKind,
        args: &Arguments,
        inner: impl FnOnce(&mut Self) -> Res,
    ) -> Res {
        self.scopes.push(Scope::new(kind));
        let params = args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .chain(args.vararg.as_deref())
            .chain(&args.kwonlyargs)
            .chain(args.kwarg.as_deref());
        for p in params {
            let flags = self.flags(&p.arg);
            if flags.param {
                let msg = format!("duplicate argument '{}' in function definition", p.arg);
                self.scopes.pop();
                return Err(error(msg, p.range));
            }
            flags.param = true;
        }
        let result = inner(self);
        self.scopes.pop();
        result
    }

    /// Defaults and annotations are evaluated in the enclosing scope.
    fn arguments_outside(&mut self, args: &Arguments) -> Res {
        self.exprs(&args.defaults)?;
        args.kw_defaults
            .iter()
            .flatten()
            .try_for_each(|e| self.expr(e))?;
        let params = args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .chain(args.vararg.as_deref())
            .chain(&args.kwonlyargs)
            .chain(args.kwarg.as_deref());
        for p in params {
            if let Some(a) = &p.annotation {
                self.expr(a)?;
            }
        }
        Ok(())
    }

    fn async_generator_return(&mut self) -> Res {
        let scope = self
            .scopes
            .iter()
            .rev()
            .find(|s| !matches!(s.kind, ScopeKind::Comprehension(_)))
            .unwrap();
        if let (ScopeKind::Function { is_async: true }, true, Some(r)) =
            (scope.kind, scope.has_yield, scope.returns_value)
        {
            return Err(error("'return' with value in async generator", r));
        }
        Ok(())
    }

    /// `global` (or `nonlocal`) `name` at `range`.
    fn declare(&mut self, name: &str, global: bool, range: Range) -> Res {
        let keyword = if global { "global" } else { "nonlocal" };
        let f = *self.flags(name);
        if f.param {
            return Err(error(
                format!("name '{name}' is parameter and {keyword}"),
                range,
            ));
        }
        if (global && f.nonlocal) || (!global && f.global) {
            return Err(error(
                format!("name '{name}' is nonlocal and global"),
                range,
            ));
        }
        if f.assigned {
            return Err(error(
                format!("name '{name}' is assigned to before {keyword} declaration"),
                range,
            ));
        }
        if f.used {
            return Err(error(
                format!("name '{name}' is used prior to {keyword} declaration"),
                range,
            ));
        }
        if !global && !self.enclosing_binds(name) {
            return Err(error(
                format!("no binding for nonlocal '{name}' found"),
                range,
            ));
        }
        let f = self.flags(name);
        if global {
            f.global = true;
        } else {
            f.nonlocal = true;
        }
        Ok(())
    }

    /// Does a function scope enclosing the current one bind `name`? CPython
    /// decides this at the end of each scope; binding anywhere in it counts, so
    /// this source-order approximation accepts a binding seen so far.
    fn enclosing_binds(&self, name: &str) -> bool {
        self.scopes[..self.scopes.len() - 1].iter().rev().any(|s| {
            matches!(s.kind, ScopeKind::Function { .. } | ScopeKind::Lambda)
                && s.names
                    .get(name)
                    .is_some_and(|f| (f.assigned || f.param || f.nonlocal) && !f.global)
        })
    }

    fn bind(&mut self, name: &str, _at: Range) -> Res {
        self.flags(name).assigned = true;
        Ok(())
    }

    fn use_name(&mut self, name: &str) {
        self.flags(name).used = true;
    }

    fn exprs(&mut self, es: &[Expr]) -> Res {
        es.iter().try_for_each(|e| self.expr(e))
    }

    /// Positional and keyword arguments of a call or class definition.
    fn call_args(&mut self, args: &[Expr], keywords: &[Keyword]) -> Res {
        for (i, k) in keywords.iter().enumerate() {
            if let Some(name) = &k.arg {
                if keywords[..i].iter().any(|o| o.arg.as_ref() == Some(name)) {
                    return Err(error(format!("keyword argument repeated: {name}"), k.range));
                }
            }
        }
        for a in args {
            match &a.node {
                ExprKind::Starred { value, .. } => self.expr(value)?,
                _ => self.expr(a)?,
            }
        }
        keywords.iter().try_for_each(|k| self.expr(&k.value))
    }

    /// Elements of a display, where `*x` is allowed.
    fn elements(&mut self, elts: &[Expr]) -> Res {
        for e in elts {
            match &e.node {
                ExprKind::Starred { value, .. } => self.expr(value)?,
                _ => self.expr(e)?,
            }
        }
        Ok(())
    }

    /// A target on the left of `=`, of `for`, or after `as`.
    fn assign_target(&mut self, t: &Expr) -> Res {
        match &t.node {
            ExprKind::Starred { .. } => Err(error(
                "starred assignment target must be in a list or tuple",
                t.range,
            )),
            ExprKind::Tuple { elts, .. } | ExprKind::List { elts, .. } => {
                let starred = elts
                    .iter()
                    .filter(|e| matches!(e.node, ExprKind::Starred { .. }))
                    .count();
                if starred > 1 {
                    return Err(error("multiple starred expressions in assignment", t.range));
                }
                for e in elts {
                    match &e.node {
                        ExprKind::Starred { value, .. } => self.assign_target(value)?,
                        _ => self.assign_target(e)?,
                    }
                }
                Ok(())
            }
            _ => self.target(t),
        }
    }

    /// A name, attribute or subscript being bound or deleted.
    fn target(&mut self, t: &Expr) -> Res {
        match &t.node {
            ExprKind::Name { id, .. } => self.bind(id, t.range),
            ExprKind::Attribute { value, .. } => self.expr(value),
            ExprKind::Subscript { value, slice, .. } => {
                self.expr(value)?;
                self.subscript(slice)
            }
            ExprKind::Tuple { .. } | ExprKind::List { .. } | ExprKind::Starred { .. } => {
                self.assign_target(t)
            }
            _ => self.expr(t),
        }
    }

    fn subscript(&mut self, slice: &Expr) -> Res {
        match &slice.node {
            ExprKind::Tuple { elts, .. } => self.elements(elts),
            _ => self.expr(slice),
        }
    }

    fn expr(&mut self, e: &Expr) -> Res {
        match &e.node {
            ExprKind::BoolOp { values, .. } => self.exprs(values),
            ExprKind::NamedExpr { target, value } => {
                self.expr(value)?;
                // A walrus in a comprehension binds in the enclosing code scope.
                if let ExprKind::Name { id, .. } = &target.node {
                    let i = self
                        .scopes
                        .iter()
                        .rposition(|s| !matches!(s.kind, ScopeKind::Comprehension(_)))
                        .unwrap();
                    let names = &mut self.scopes[i].names;
                    names.entry(id.clone()).or_default().assigned = true;
                }
                Ok(())
            }
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left)?;
                self.expr(right)
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand),
            ExprKind::Lambda { args, body } => {
                self.arguments_outside(args)?;
                self.function(ScopeKind::Lambda, args, |c| c.expr(body))
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test)?;
                self.expr(body)?;
                self.expr(orelse)
            }
            ExprKind::Dict { keys, values } => {
                keys.iter().flatten().try_for_each(|k| self.expr(k))?;
                self.exprs(values)
            }
            ExprKind::Set { elts } | ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => {
                self.elements(elts)
            }
            ExprKind::ListComp { elt, generators } => {
                self.comprehension("list comprehension", &[elt], generators, e)
            }
            ExprKind::SetComp { elt, generators } => {
                self.comprehension("set comprehension", &[elt], generators, e)
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.comprehension("dict comprehension", &[key, value], generators, e),
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension("generator expression", &[elt], generators, e)
            }
            ExprKind::Await { value } => {
                self.await_allowed(e)?;
                self.expr(value)
            }
            ExprKind::Yield { value } => {
                self.yield_allowed(e)?;
                value.iter().try_for_each(|v| self.expr(v))
            }
            ExprKind::YieldFrom { value } => {
                self.yield_allowed(e)?;
                if matches!(
                    self.code_scope().kind,
                    ScopeKind::Function { is_async: true }
                ) {
                    return Err(error("'yield from' inside async function", e.range));
                }
                self.expr(value)
            }
            ExprKind::Compare {
                left, comparators, ..
            } => {
                self.expr(left)?;
                self.exprs(comparators)
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.expr(func)?;
                self.call_args(args, keywords)
            }
            ExprKind::FormattedValue {
                value, format_spec, ..
            } => {
                self.expr(value)?;
                format_spec.iter().try_for_each(|f| self.expr(f))
            }
            ExprKind::JoinedStr { values } => self.exprs(values),
            ExprKind::Constant { .. } => Ok(()),
            ExprKind::Attribute { value, .. } => self.expr(value),
            ExprKind::Subscript { value, slice, .. } => {
                self.expr(value)?;
                self.subscript(slice)
            }
            ExprKind::Starred { .. } => Err(error("can't use starred expression here", e.range)),
            ExprKind::Name { id, .. } => {
                self.use_name(id);
                Ok(())
            }
            ExprKind::Slice { lower, upper, step } => lower
                .iter()
                .chain(upper.iter())
                .chain(step.iter())
                .try_for_each(|x| self.expr(x)),
        }
    }

    fn comprehension(
        &mut self,
        what: &'static str,
        elts: &[&Expr],
        generators: &[Comprehension],
        whole: &Expr,
    ) -> Res {
        // The first iterable is evaluated in the enclosing scope.
        self.expr(&generators[0].iter)?;
        let is_async = generators.iter().any(|g| g.is_async);
        self.scopes.push(Scope::new(ScopeKind::Comprehension(what)));
        let result = (|| {
            for (i, g) in generators.iter().enumerate() {
                if i > 0 {
                    self.expr(&g.iter)?;
                }
                self.assign_target(&g.target)?;
                self.exprs(&g.ifs)?;
            }
            elts.iter().try_for_each(|e| self.expr(e))
        })();
        self.scopes.pop();
        result?;
        let has_await = is_async || contains_await(elts, generators);
        let async_ok = matches!(
            self.code_scope().kind,
            ScopeKind::Function { is_async: true }
        ) || what == "generator expression";
        if has_await && !async_ok {
            return Err(error(
                "asynchronous comprehension outside of an asynchronous function",
                whole.range,
            ));
        }
        Ok(())
    }

    fn await_allowed(&self, e: &Expr) -> Res {
        match self.code_scope().kind {
            ScopeKind::Function { is_async: true } => Ok(()),
            ScopeKind::Function { .. } | ScopeKind::Lambda => {
                Err(error("'await' outside async function", e.range))
            }
            _ if matches!(self.scope_kind(), ScopeKind::Comprehension(_)) => Ok(()), // reported by the comprehension
            _ => Err(error("'await' outside function", e.range)),
        }
    }

    fn scope_kind(&self) -> ScopeKind {
        self.scopes.last().unwrap().kind
    }

    fn yield_allowed(&mut self, e: &Expr) -> Res {
        if let ScopeKind::Comprehension(what) = self.scope_kind() {
            return Err(error(format!("'yield' inside {what}"), e.range));
        }
        match self.scope_kind() {
            ScopeKind::Function { .. } | ScopeKind::Lambda => {
                self.scope().has_yield = true;
                self.async_generator_return()
            }
            _ => Err(error("'yield' outside function", e.range)),
        }
    }

    fn pattern(&mut self, p: &Pattern) -> Res {
        match &p.node {
            PatternKind::MatchValue { value } => self.expr(value),
            PatternKind::MatchSingleton { .. } => Ok(()),
            PatternKind::MatchSequence { patterns } | PatternKind::MatchOr { patterns } => {
                patterns.iter().try_for_each(|q| self.pattern(q))
            }
            PatternKind::MatchMapping {
                keys,
                patterns,
                rest,
            } => {
                self.exprs(keys)?;
                patterns.iter().try_for_each(|q| self.pattern(q))?;
                rest.iter().try_for_each(|r| self.bind(r, p.range))
            }
            PatternKind::MatchClass {
                cls,
                patterns,
                kwd_patterns,
                ..
            } => {
                self.expr(cls)?;
                patterns
                    .iter()
                    .chain(kwd_patterns)
                    .try_for_each(|q| self.pattern(q))
            }
            PatternKind::MatchStar { name } => name.iter().try_for_each(|n| self.bind(n, p.range)),
            PatternKind::MatchAs { pattern, name } => {
                pattern.iter().try_for_each(|q| self.pattern(q))?;
                name.iter().try_for_each(|n| self.bind(n, p.range))
            }
        }
    }
}

/// Does a comprehension's own code (not nested functions) contain `await`?
fn contains_await(elts: &[&Expr], generators: &[Comprehension]) -> bool {
    fn walk(e: &Expr) -> bool {
        match &e.node {
            ExprKind::Await { .. } => true,
            ExprKind::Lambda { .. } => false,
            ExprKind::BoolOp { values, .. } => values.iter().any(walk),
            ExprKind::BinOp { left, right, .. } => walk(left) || walk(right),
            ExprKind::UnaryOp { operand, .. } => walk(operand),
            ExprKind::IfExp { test, body, orelse } => walk(test) || walk(body) || walk(orelse),
            ExprKind::Call {
                func,
                args,
                keywords,
            } => walk(func) || args.iter().any(walk) || keywords.iter().any(|k| walk(&k.value)),
            ExprKind::Attribute { value, .. } | ExprKind::Starred { value, .. } => walk(value),
            ExprKind::Subscript { value, slice, .. } => walk(value) || walk(slice),
            ExprKind::Compare {
                left, comparators, ..
            } => walk(left) || comparators.iter().any(walk),
            ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } | ExprKind::Set { elts } => {
                elts.iter().any(walk)
            }
            ExprKind::NamedExpr { value, .. } => walk(value),
            ExprKind::FormattedValue { value, .. } => walk(value),
            ExprKind::JoinedStr { values } => values.iter().any(walk),
            _ => false,
        }
    }
    elts.iter().any(|e| walk(e))
        || generators
            .iter()
            .enumerate()
            .any(|(i, g)| (i > 0 && walk(&g.iter)) || g.ifs.iter().any(walk))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(src: &str) -> Result<(), String> {
        let m = gilt_parser::parse_module(src).map_err(|e| e.msg)?;
        check_module(&m).map_err(|e| e.msg)
    }

    #[test]
    fn statements_outside_their_construct() {
        assert_eq!(
            check("return 1\n").unwrap_err(),
            "'return' outside function"
        );
        assert_eq!(
            check("class A:\n  return\n").unwrap_err(),
            "'return' outside function"
        );
        assert_eq!(
            check("while x:\n  def f():\n    break\n").unwrap_err(),
            "'break' outside loop"
        );
        assert_eq!(
            check("continue\n").unwrap_err(),
            "'continue' not properly in loop"
        );
        assert_eq!(
            check("def f():\n  await x\n").unwrap_err(),
            "'await' outside async function"
        );
        assert_eq!(
            check("[(yield) for a in b]\n").unwrap_err(),
            "'yield' inside list comprehension"
        );
        assert!(check(
            "def f():\n  for x in y:\n    if x: break\n  return [a async for a in b] if 0 else 1\n"
        )
        .is_err());
        assert!(check("async def f():\n  return [await a for a in b]\n").is_ok());
    }

    #[test]
    fn declarations() {
        assert_eq!(
            check("def f(x):\n  global x\n").unwrap_err(),
            "name 'x' is parameter and global"
        );
        assert_eq!(
            check("def f(a, b, a): pass\n").unwrap_err(),
            "duplicate argument 'a' in function definition"
        );
        assert_eq!(
            check("nonlocal x\n").unwrap_err(),
            "nonlocal declaration not allowed at module level"
        );
        assert_eq!(
            check("def f():\n  nonlocal x\n").unwrap_err(),
            "no binding for nonlocal 'x' found"
        );
        assert!(check("def f():\n  x = 1\n  def g():\n    nonlocal x\n    x = 2\n").is_ok());
    }

    #[test]
    fn starred_and_future() {
        assert_eq!(
            check("*a, *b = c\n").unwrap_err(),
            "multiple starred expressions in assignment"
        );
        assert_eq!(
            check("a = *b\n").unwrap_err(),
            "can't use starred expression here"
        );
        assert!(check("a, *b = c\nprint(*a)\nx[*a]\n").is_ok());
        assert_eq!(
            check("x = 1\nfrom __future__ import annotations\n").unwrap_err(),
            "from __future__ imports must occur at the beginning of the file"
        );
        assert!(check("'''doc'''\nfrom __future__ import annotations\n").is_ok());
    }
}
