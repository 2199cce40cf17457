//! Scopes: which names each function, class, comprehension and module binds,
//! and how each use of a name is looked up (fast local, cell, free variable,
//! global, or by name in a namespace), following CPython's symtable rules.
//!
//! Scopes are keyed by the address of the AST node that opens them (the
//! `FunctionDef`/`ClassDef` statement, the `Lambda` or comprehension
//! expression); the tree must not move between analysis and code generation.

use gilt_parser::ast::*;
use std::collections::{HashMap, HashSet};

/// How a name is reached from the code of one scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// A fast local of a function.
    Local,
    /// A local of a function that nested functions capture: lives in a cell.
    Cell,
    /// A variable of an enclosing function, through a cell.
    Free,
    /// A module global (or builtin).
    Global,
    /// By name in the scope's own namespace (module and class bodies).
    Name,
}

/// The kinds of scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    Class,
    Function,
}

/// One scope's names.
#[derive(Debug)]
pub struct Scope {
    pub kind: ScopeKind,
    /// Parameters in order.
    pub params: Vec<Box<str>>,
    /// Every name bound in this scope (assigned, imported, defined, a target).
    bound: Vec<Box<str>>,
    bound_set: HashSet<Box<str>>,
    used: HashSet<Box<str>>,
    globals: HashSet<Box<str>>,
    nonlocals: HashSet<Box<str>>,
    /// Names of this scope captured by nested scopes.
    pub cells: Vec<Box<str>>,
    /// Names this scope takes from enclosing function scopes.
    pub frees: Vec<Box<str>>,
    children: Vec<usize>,
    parent: Option<usize>,
    /// Contains `yield`, `yield from` or `await` (or is a generator expression).
    pub generator: bool,
    /// Contains `yield` or `yield from` (or is a generator expression).
    pub yields: bool,
    /// `async def`, or a comprehension with `async for` or `await`.
    pub is_async: bool,
    /// Opened by a comprehension.
    pub comprehension: bool,
}

impl Scope {
    fn new(kind: ScopeKind, parent: Option<usize>) -> Scope {
        Scope {
            kind,
            params: Vec::new(),
            bound: Vec::new(),
            bound_set: HashSet::new(),
            used: HashSet::new(),
            globals: HashSet::new(),
            nonlocals: HashSet::new(),
            cells: Vec::new(),
            frees: Vec::new(),
            children: Vec::new(),
            parent,
            generator: false,
            yields: false,
            is_async: false,
            comprehension: false,
        }
    }

    fn bind(&mut self, name: &str) {
        if self.bound_set.insert(name.into()) {
            self.bound.push(name.into());
        }
    }

    /// Is `name` a local binding of this function scope?
    fn binds_locally(&self, name: &str) -> bool {
        self.bound_set.contains(name)
            && !self.globals.contains(name)
            && !self.nonlocals.contains(name)
    }

    /// How the code of this scope reaches `name`.
    pub fn access(&self, name: &str) -> Access {
        if self.frees.iter().any(|f| &**f == name)
            && (self.kind != ScopeKind::Class || !self.bound_set.contains(name))
        {
            return Access::Free;
        }
        if self.globals.contains(name) {
            return Access::Global;
        }
        match self.kind {
            ScopeKind::Class if self.cells.iter().any(|c| &**c == name) => Access::Cell,
            ScopeKind::Module | ScopeKind::Class => Access::Name,
            ScopeKind::Function => {
                if self.cells.iter().any(|c| &**c == name) {
                    Access::Cell
                } else if self.binds_locally(name) {
                    Access::Local
                } else {
                    Access::Global
                }
            }
        }
    }

    /// The fast locals of a function: parameters first, then other bindings
    /// (not those that live in cells, as in CPython's `co_varnames`).
    pub fn varnames(&self) -> Vec<Box<str>> {
        let mut names: Vec<Box<str>> = self.params.clone();
        for name in &self.bound {
            if self.kind == ScopeKind::Function
                && self.binds_locally(name)
                && !names.contains(name)
                && !self.cells.contains(name)
            {
                names.push(name.clone());
            }
        }
        names
    }
}

/// Every scope of a module.
#[derive(Debug)]
pub struct SymbolTable {
    pub scopes: Vec<Scope>,
    by_node: HashMap<usize, usize>,
}

impl SymbolTable {
    /// Analyse a module.
    pub fn build(module: &Module) -> SymbolTable {
        let mut table = SymbolTable {
            scopes: vec![Scope::new(ScopeKind::Module, None)],
            by_node: HashMap::new(),
        };
        let mut visitor = Visitor {
            table: &mut table,
            current: 0,
        };
        for s in &module.body {
            visitor.stmt(s);
        }
        table.resolve(0, &HashSet::new());
        table
    }

    /// The scope opened by the node at `addr`.
    pub fn scope_of(&self, addr: usize) -> usize {
        self.by_node[&addr]
    }

    /// Decide cells and free variables, top down. `enclosing` holds the names
    /// bound by enclosing function scopes.
    fn resolve(&mut self, index: usize, enclosing: &HashSet<Box<str>>) {
        let scope = &self.scopes[index];
        let mut inner_env = enclosing.clone();
        if scope.kind == ScopeKind::Function {
            for name in scope.bound.iter().chain(&scope.params) {
                if scope.binds_locally(name) {
                    inner_env.insert(name.clone());
                }
            }
            for name in &scope.globals {
                inner_env.remove(name);
            }
        }
        if scope.kind == ScopeKind::Class {
            // Methods see the class being defined as `__class__` (zero-argument super()).
            inner_env.insert("__class__".into());
        }
        let children = scope.children.clone();
        for child in children {
            self.resolve(child, &inner_env);
            // A free name of a child is a cell here if bound here, else free here too.
            let child_frees = self.scopes[child].frees.clone();
            for name in child_frees {
                let scope = &mut self.scopes[index];
                let class_cell = scope.kind == ScopeKind::Class && &*name == "__class__";
                if class_cell || (scope.kind == ScopeKind::Function && scope.binds_locally(&name)) {
                    if !scope.cells.contains(&name) {
                        scope.cells.push(name);
                    }
                } else if !scope.frees.contains(&name) && !scope.globals.contains(&name) {
                    scope.frees.push(name);
                }
            }
        }
        // Names used or declared nonlocal here that an enclosing function binds.
        let scope = &mut self.scopes[index];
        if scope.kind != ScopeKind::Module {
            let mut wanted: Vec<Box<str>> = scope.nonlocals.iter().cloned().collect();
            for name in &scope.used {
                let local = match scope.kind {
                    ScopeKind::Function => scope.binds_locally(name),
                    _ => false,
                };
                if !local && !scope.globals.contains(name) {
                    wanted.push(name.clone());
                }
            }
            wanted.sort();
            for name in wanted {
                if enclosing.contains(&name) && !scope.frees.contains(&name) {
                    scope.frees.push(name);
                }
            }
        }
    }
}

struct Visitor<'t> {
    table: &'t mut SymbolTable,
    current: usize,
}

impl Visitor<'_> {
    fn scope(&mut self) -> &mut Scope {
        &mut self.table.scopes[self.current]
    }

    fn open(&mut self, addr: usize, kind: ScopeKind) -> usize {
        let index = self.table.scopes.len();
        self.table.scopes.push(Scope::new(kind, Some(self.current)));
        self.table.scopes[self.current].children.push(index);
        self.table.by_node.insert(addr, index);
        index
    }

    fn within(&mut self, index: usize, f: impl FnOnce(&mut Self)) {
        let outer = self.current;
        self.current = index;
        f(self);
        self.current = outer;
    }

    fn params(&mut self, args: &Arguments) {
        let all = args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .chain(&args.kwonlyargs)
            .chain(args.vararg.as_deref())
            .chain(args.kwarg.as_deref());
        for a in all {
            let scope = self.scope();
            scope.params.push(a.arg.clone());
            scope.bind(&a.arg);
        }
    }

    /// Defaults and annotations belong to the enclosing scope.
    fn outer_parts(&mut self, args: &Arguments) {
        for d in args
            .defaults
            .iter()
            .chain(args.kw_defaults.iter().flatten())
        {
            self.expr(d);
        }
        let all = args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .chain(&args.kwonlyargs)
            .chain(args.vararg.as_deref())
            .chain(args.kwarg.as_deref());
        for a in all {
            if let Some(ann) = &a.annotation {
                self.expr(ann);
            }
        }
    }

    fn stmts(&mut self, body: &[Stmt]) {
        for s in body {
            self.stmt(s);
        }
    }

    fn stmt(&mut self, s: &Stmt) {
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
                    self.expr(d);
                }
                self.outer_parts(args);
                if let Some(r) = returns {
                    self.expr(r);
                }
                self.scope().bind(name);
                let index = self.open(s as *const Stmt as usize, ScopeKind::Function);
                if let StmtKind::FunctionDef { is_async: true, .. } = &s.node {
                    self.table.scopes[index].is_async = true;
                }
                self.within(index, |v| {
                    v.params(args);
                    v.stmts(body);
                });
            }
            StmtKind::ClassDef {
                name,
                bases,
                keywords,
                body,
                decorator_list,
            } => {
                for e in decorator_list.iter().chain(bases) {
                    self.expr(e);
                }
                for k in keywords {
                    self.expr(&k.value);
                }
                self.scope().bind(name);
                let index = self.open(s as *const Stmt as usize, ScopeKind::Class);
                self.within(index, |v| v.stmts(body));
            }
            StmtKind::Return { value } => value.iter().for_each(|v| self.expr(v)),
            StmtKind::Delete { targets } => targets.iter().for_each(|t| self.target(t)),
            StmtKind::Assign { targets, value } => {
                self.expr(value);
                targets.iter().for_each(|t| self.target(t));
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(value);
                if let ExprKind::Name { id, .. } = &target.node {
                    self.scope().used.insert(id.clone());
                }
                self.target(target);
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                ..
            } => {
                self.expr(annotation);
                if let Some(v) = value {
                    self.expr(v);
                }
                self.target(target);
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                ..
            } => {
                self.expr(iter);
                self.target(target);
                self.stmts(body);
                self.stmts(orelse);
            }
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                self.expr(test);
                self.stmts(body);
                self.stmts(orelse);
            }
            StmtKind::With { items, body, .. } => {
                for item in items {
                    self.expr(&item.context_expr);
                    if let Some(v) = &item.optional_vars {
                        self.target(v);
                    }
                }
                self.stmts(body);
            }
            StmtKind::Match { subject, cases } => {
                self.expr(subject);
                for case in cases {
                    self.pattern(&case.pattern);
                    if let Some(g) = &case.guard {
                        self.expr(g);
                    }
                    self.stmts(&case.body);
                }
            }
            StmtKind::Raise { exc, cause } => {
                exc.iter().chain(cause.iter()).for_each(|e| self.expr(e));
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
                ..
            } => {
                self.stmts(body);
                for h in handlers {
                    if let Some(t) = &h.type_ {
                        self.expr(t);
                    }
                    if let Some(n) = &h.name {
                        self.scope().bind(n);
                    }
                    self.stmts(&h.body);
                }
                self.stmts(orelse);
                self.stmts(finalbody);
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test);
                if let Some(m) = msg {
                    self.expr(m);
                }
            }
            StmtKind::Import { names } | StmtKind::ImportFrom { names, .. } => {
                for alias in names {
                    let bound = alias
                        .asname
                        .as_deref()
                        .unwrap_or_else(|| alias.name.split('.').next().unwrap());
                    if bound != "*" {
                        self.scope().bind(bound);
                    }
                }
            }
            StmtKind::Global { names } => {
                for n in names {
                    self.scope().globals.insert(n.clone());
                }
            }
            StmtKind::Nonlocal { names } => {
                for n in names {
                    self.scope().nonlocals.insert(n.clone());
                }
            }
            StmtKind::Expr { value } => self.expr(value),
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
        }
    }

    fn pattern(&mut self, p: &Pattern) {
        match &p.node {
            PatternKind::MatchValue { value } => self.expr(value),
            PatternKind::MatchSingleton { .. } => {}
            PatternKind::MatchSequence { patterns } | PatternKind::MatchOr { patterns } => {
                patterns.iter().for_each(|q| self.pattern(q))
            }
            PatternKind::MatchMapping {
                keys,
                patterns,
                rest,
            } => {
                keys.iter().for_each(|k| self.expr(k));
                patterns.iter().for_each(|q| self.pattern(q));
                if let Some(r) = rest {
                    self.scope().bind(r);
                }
            }
            PatternKind::MatchClass {
                cls,
                patterns,
                kwd_patterns,
                ..
            } => {
                self.expr(cls);
                patterns
                    .iter()
                    .chain(kwd_patterns)
                    .for_each(|q| self.pattern(q));
            }
            PatternKind::MatchStar { name } => {
                if let Some(n) = name {
                    self.scope().bind(n);
                }
            }
            PatternKind::MatchAs { pattern, name } => {
                if let Some(q) = pattern {
                    self.pattern(q);
                }
                if let Some(n) = name {
                    self.scope().bind(n);
                }
            }
        }
    }

    fn target(&mut self, t: &Expr) {
        match &t.node {
            ExprKind::Name { id, .. } => self.scope().bind(id),
            ExprKind::Tuple { elts, .. } | ExprKind::List { elts, .. } => {
                elts.iter().for_each(|e| self.target(e))
            }
            ExprKind::Starred { value, .. } => self.target(value),
            _ => self.expr(t),
        }
    }

    fn expr(&mut self, e: &Expr) {
        match &e.node {
            ExprKind::Name { id, ctx } => match ctx {
                ExprContext::Load => {
                    if &**id == "super" {
                        // super() needs the class: make `__class__` a free variable.
                        self.scope().used.insert("__class__".into());
                    }
                    self.scope().used.insert(id.clone());
                }
                _ => self.scope().bind(id),
            },
            ExprKind::NamedExpr { target, value } => {
                self.expr(value);
                // The walrus binds in the nearest enclosing non-comprehension scope;
                // comprehension scopes are functions here, so walk up past them.
                if let ExprKind::Name { id, .. } = &target.node {
                    let mut index = self.current;
                    while self.table.scopes[index].kind == ScopeKind::Function
                        && self.is_comprehension(index)
                    {
                        let scope = &mut self.table.scopes[index];
                        scope.nonlocals.insert(id.clone());
                        index = scope.parent.unwrap();
                    }
                    self.table.scopes[index].bind(id);
                }
            }
            ExprKind::Lambda { args, body } => {
                self.outer_parts(args);
                let index = self.open(e as *const Expr as usize, ScopeKind::Function);
                self.within(index, |v| {
                    v.params(args);
                    v.expr(body);
                });
            }
            ExprKind::ListComp { elt, generators }
            | ExprKind::SetComp { elt, generators }
            | ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(e, generators, &[elt]);
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.comprehension(e, generators, &[key, value]),
            ExprKind::Yield { value } => {
                self.scope().generator = true;
                self.scope().yields = true;
                value.iter().for_each(|v| self.expr(v));
            }
            ExprKind::YieldFrom { value } => {
                self.scope().generator = true;
                self.scope().yields = true;
                self.expr(value);
            }
            ExprKind::Await { value } => {
                let scope = self.scope();
                scope.generator = true;
                // An await in a comprehension makes it asynchronous.
                if scope.comprehension {
                    scope.is_async = true;
                }
                self.expr(value);
            }
            _ => walk_children(e, |c| self.expr(c)),
        }
    }

    fn is_comprehension(&self, index: usize) -> bool {
        self.table.scopes[index].comprehension
    }

    fn comprehension(&mut self, e: &Expr, generators: &[Comprehension], elts: &[&Expr]) {
        // The first iterable is evaluated outside; it becomes the `.0` parameter.
        self.expr(&generators[0].iter);
        let index = self.open(e as *const Expr as usize, ScopeKind::Function);
        self.table.scopes[index].comprehension = true;
        self.within(index, |v| {
            let scope = v.scope();
            scope.params.push(".0".into());
            scope.bind(".0");
            if matches!(e.node, ExprKind::GeneratorExp { .. }) {
                scope.generator = true;
                scope.yields = true;
            }
            if generators.iter().any(|g| g.is_async) {
                scope.is_async = true;
            }
            for (i, g) in generators.iter().enumerate() {
                if i > 0 {
                    v.expr(&g.iter);
                }
                v.target(&g.target);
                g.ifs.iter().for_each(|c| v.expr(c));
            }
            elts.iter().for_each(|x| v.expr(x));
        });
        // An async list, set or dict comprehension is awaited where it is
        // written, which makes that scope await too.
        let inner = &self.table.scopes[index];
        if inner.is_async && !inner.yields {
            let scope = self.scope();
            scope.generator = true;
            if scope.comprehension {
                scope.is_async = true;
            }
        }
    }
}

/// Call `f` on each direct child expression of `e` (not opening new scopes).
pub fn walk_children(e: &Expr, mut f: impl FnMut(&Expr)) {
    match &e.node {
        ExprKind::BoolOp { values, .. } => values.iter().for_each(f),
        ExprKind::NamedExpr { target, value } => {
            f(target);
            f(value);
        }
        ExprKind::BinOp { left, right, .. } => {
            f(left);
            f(right);
        }
        ExprKind::UnaryOp { operand, .. } => f(operand),
        ExprKind::IfExp { test, body, orelse } => {
            f(test);
            f(body);
            f(orelse);
        }
        ExprKind::Dict { keys, values } => {
            keys.iter().flatten().for_each(&mut f);
            values.iter().for_each(f);
        }
        ExprKind::Set { elts } | ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => {
            elts.iter().for_each(f)
        }
        ExprKind::Await { value } | ExprKind::YieldFrom { value } => f(value),
        ExprKind::Yield { value } => value.iter().for_each(|v| f(v)),
        ExprKind::Compare {
            left, comparators, ..
        } => {
            f(left);
            comparators.iter().for_each(f);
        }
        ExprKind::Call {
            func,
            args,
            keywords,
        } => {
            f(func);
            args.iter().for_each(&mut f);
            keywords.iter().for_each(|k| f(&k.value));
        }
        ExprKind::FormattedValue {
            value, format_spec, ..
        } => {
            f(value);
            if let Some(s) = format_spec {
                f(s);
            }
        }
        ExprKind::JoinedStr { values } => values.iter().for_each(f),
        ExprKind::Attribute { value, .. } | ExprKind::Starred { value, .. } => f(value),
        ExprKind::Subscript { value, slice, .. } => {
            f(value);
            f(slice);
        }
        ExprKind::Slice { lower, upper, step } => lower
            .iter()
            .chain(upper.iter())
            .chain(step.iter())
            .for_each(|x| f(x)),
        ExprKind::Constant { .. } | ExprKind::Name { .. } => {}
        ExprKind::Lambda { .. }
        | ExprKind::ListComp { .. }
        | ExprKind::SetComp { .. }
        | ExprKind::DictComp { .. }
        | ExprKind::GeneratorExp { .. } => {}
    }
}
