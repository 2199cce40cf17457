//! Prints a tree exactly as CPython 3.11's `ast.dump(node)` does with its default
//! arguments (field names shown, no positions, no indentation), or, with
//! positions, as `ast.dump(node, include_attributes=True)` does.
//!
//! `ast.dump` prints every field in ASDL order as `name=value`, except optional
//! (`?`) fields holding None, which it leaves out; lists print as `[a, b]`, so a
//! None inside a list (a Dict key, a kw_default) prints as `None`.
//!
//! With positions, the node types that have `_attributes` in 3.11 (stmt, expr,
//! excepthandler, arg, keyword, alias, pattern) end with `lineno=L, col_offset=C,
//! end_lineno=L, end_col_offset=C`: lines 1-based, columns UTF-8 byte offsets into
//! the line, as CPython counts them. withitem, match_case, comprehension and
//! arguments have no positions.
//!
//! The walk uses an explicit stack of pending output, not recursion, so a deeply
//! nested tree (a 100,000-term `a+b+...` chain) cannot overflow the native stack.

use crate::ast::*;
use crate::repr::{bytes_repr, complex_repr, float_repr, int_repr, str_repr, str_repr_str};
use gilt_lexer::LineIndex;
use std::fmt::Write as _;

/// `ast.dump(module)`: `Module(body=[...], type_ignores=[])`.
pub fn dump_module(m: &Module) -> String {
    module_dumper(m, None)
}

/// `ast.dump(module, include_attributes=True)`; `source` is the text `m` was
/// parsed from, which turns byte offsets into lines and columns.
///
/// ```
/// let m = gilt_parser::parse_module("pass\n").unwrap();
/// let dumped = gilt_parser::dump::dump_module_with_positions(&m, "pass\n");
/// assert_eq!(dumped, "Module(body=[Pass(lineno=1, col_offset=0, end_lineno=1, end_col_offset=4)], type_ignores=[])");
/// ```
pub fn dump_module_with_positions(m: &Module, source: &str) -> String {
    module_dumper(m, Some(LineIndex::new(source)))
}

fn module_dumper(m: &Module, lines: Option<LineIndex>) -> String {
    let mut d = Dumper {
        lines,
        ..Dumper::default()
    };
    d.open("Module");
    d.stmts("body", &m.body);
    d.bare("type_ignores", "[]");
    d.close();
    d.run()
}

/// `ast.dump(expr)` of one expression node.
pub fn dump_expr(e: &Expr) -> String {
    let mut d = Dumper::default();
    d.stack.push(Pending::Expr(e));
    d.run()
}

/// A piece of output not yet written: text, or a node still to expand.
#[derive(Clone, Copy)]
enum Pending<'a> {
    Text(&'static str),
    /// `name=`, preceded by `, ` unless it is the node's first field printed.
    Field(&'static str, bool),
    Int(i64),
    Ident(&'a str),
    Constant(&'a Constant),
    Expr(&'a Expr),
    OptExpr(Option<&'a Expr>),
    Stmt(&'a Stmt),
    Pattern(&'a Pattern),
    Arguments(&'a Arguments),
    Arg(&'a Arg),
    Keyword(&'a Keyword),
    Alias(&'a Alias),
    WithItem(&'a WithItem),
    MatchCase(&'a MatchCase),
    Comprehension(&'a Comprehension),
    ExceptHandler(&'a ExceptHandler),
    /// A node's four position attributes; the flag is true if it has no field.
    Position(Range, bool),
}

/// The output and the stack of pending items, top last.
///
/// Expanding a node writes `Name(` at once and pushes the rest of the node (its
/// fields and the closing `)`) in reverse, so they pop in order.
#[derive(Default)]
struct Dumper<'a> {
    out: String,
    stack: Vec<Pending<'a>>,
    /// Where the node being expanded starts on `stack`.
    mark: usize,
    /// True until the node being expanded has pushed a field.
    first: bool,
    /// Set when positions are printed.
    lines: Option<LineIndex>,
}

impl<'a> Dumper<'a> {
    /// Pop and print items until none is left.
    fn run(mut self) -> String {
        while let Some(item) = self.stack.pop() {
            self.emit(item);
        }
        self.out
    }

    fn emit(&mut self, item: Pending<'a>) {
        match item {
            Pending::Text(s) => self.out.push_str(s),
            Pending::Field(name, first) => {
                if !first {
                    self.out.push_str(", ");
                }
                self.out.push_str(name);
                self.out.push('=');
            }
            Pending::Int(n) => {
                let _ = write!(self.out, "{n}");
            }
            Pending::Position(range, first) => self.position(range, first),
            Pending::Ident(s) => str_repr_str(s, &mut self.out),
            Pending::Constant(c) => self.constant(c),
            Pending::Expr(e) => self.expr(e),
            Pending::OptExpr(Some(e)) => self.expr(e),
            Pending::OptExpr(None) => self.out.push_str("None"),
            Pending::Stmt(s) => self.stmt(s),
            Pending::Pattern(p) => self.pattern(p),
            Pending::Arguments(a) => self.arguments(a),
            Pending::Arg(a) => {
                self.open("arg");
                self.ident("arg", &a.arg);
                self.opt_expr("annotation", &a.annotation);
                self.close_at(a.range);
            }
            Pending::Keyword(k) => {
                self.open("keyword");
                self.opt_ident("arg", &k.arg);
                self.expr_field("value", &k.value);
                self.close_at(k.range);
            }
            Pending::Alias(a) => {
                self.open("alias");
                self.ident("name", &a.name);
                self.opt_ident("asname", &a.asname);
                self.close_at(a.range);
            }
            Pending::WithItem(w) => {
                self.open("withitem");
                self.expr_field("context_expr", &w.context_expr);
                self.opt_expr("optional_vars", &w.optional_vars);
                self.close();
            }
            Pending::MatchCase(c) => {
                self.open("match_case");
                self.field("pattern", Pending::Pattern(&c.pattern));
                self.opt_expr("guard", &c.guard);
                self.stmts("body", &c.body);
                self.close();
            }
            Pending::Comprehension(c) => {
                self.open("comprehension");
                self.expr_field("target", &c.target);
                self.expr_field("iter", &c.iter);
                self.exprs("ifs", &c.ifs);
                self.int("is_async", c.is_async.into());
                self.close();
            }
            Pending::ExceptHandler(h) => {
                self.open("ExceptHandler");
                self.opt_expr("type", &h.type_);
                self.opt_ident("name", &h.name);
                self.stmts("body", &h.body);
                self.close_at(h.range);
            }
        }
    }

    // ---- building a node: open, fields in ASDL order, close ----

    /// Write `name(` and start collecting the node's pending items.
    fn open(&mut self, name: &str) {
        self.out.push_str(name);
        self.out.push('(');
        self.mark = self.stack.len();
        self.first = true;
    }

    /// Push the closing `)` and reverse the node's items so they pop in order.
    fn close(&mut self) {
        self.stack.push(Pending::Text(")"));
        self.stack[self.mark..].reverse();
    }

    /// `close` for a node with position attributes: they follow its fields.
    fn close_at(&mut self, range: Range) {
        if self.lines.is_some() {
            self.stack.push(Pending::Position(range, self.first));
        }
        self.close();
    }

    /// `lineno=.., col_offset=.., end_lineno=.., end_col_offset=..`.
    fn position(&mut self, range: Range, first: bool) {
        let Some(lines) = &self.lines else { return };
        let (line, col) = lines.line_col(range.start);
        let (end_line, end_col) = lines.line_col(range.end);
        let sep = if first { "" } else { ", " };
        let _ = write!(
            self.out,
            "{sep}lineno={line}, col_offset={col}, end_lineno={end_line}, end_col_offset={end_col}"
        );
    }

    /// A node with no fields: `Load()`, `Add()`, `Pass()`.
    fn bare(&mut self, name: &'static str, value: &'static str) {
        self.label(name);
        self.text(value);
    }

    fn text(&mut self, s: &'static str) {
        self.stack.push(Pending::Text(s));
    }

    fn label(&mut self, name: &'static str) {
        self.stack.push(Pending::Field(name, self.first));
        self.first = false;
    }

    fn field(&mut self, name: &'static str, value: Pending<'a>) {
        self.label(name);
        self.stack.push(value);
    }

    fn expr_field(&mut self, name: &'static str, e: &'a Expr) {
        self.field(name, Pending::Expr(e));
    }

    /// An optional (`expr?`) field: left out entirely when None.
    fn opt_expr(&mut self, name: &'static str, e: &'a Option<Box<Expr>>) {
        if let Some(e) = e {
            self.field(name, Pending::Expr(e));
        }
    }

    fn ident(&mut self, name: &'static str, s: &'a str) {
        self.field(name, Pending::Ident(s));
    }

    /// An optional (`identifier?`) field: left out entirely when None.
    fn opt_ident(&mut self, name: &'static str, s: &'a Option<Ident>) {
        if let Some(s) = s {
            self.field(name, Pending::Ident(s));
        }
    }

    fn int(&mut self, name: &'static str, n: i64) {
        self.field(name, Pending::Int(n));
    }

    fn exprs(&mut self, name: &'static str, es: &'a [Expr]) {
        self.label(name);
        self.list(es, Pending::Expr);
    }

    fn stmts(&mut self, name: &'static str, ss: &'a [Stmt]) {
        self.label(name);
        self.list(ss, Pending::Stmt);
    }

    fn patterns(&mut self, name: &'static str, ps: &'a [Pattern]) {
        self.label(name);
        self.list(ps, Pending::Pattern);
    }

    /// Push `[a, b, ...]`, each element through `item`.
    fn list<T>(&mut self, xs: &'a [T], item: impl Fn(&'a T) -> Pending<'a>) {
        if xs.is_empty() {
            self.text("[]");
            return;
        }
        self.text("[");
        for (i, x) in xs.iter().enumerate() {
            if i > 0 {
                self.text(", ");
            }
            self.stack.push(item(x));
        }
        self.text("]");
    }

    fn ctx(&mut self, ctx: ExprContext) {
        let name = match ctx {
            ExprContext::Load => "Load()",
            ExprContext::Store => "Store()",
            ExprContext::Del => "Del()",
        };
        self.bare("ctx", name);
    }

    // ---- the node kinds ----

    fn stmt(&mut self, s: &'a Stmt) {
        use StmtKind as S;
        match &s.node {
            S::FunctionDef {
                is_async,
                name,
                args,
                body,
                decorator_list,
                returns,
            } => {
                self.open(if *is_async {
                    "AsyncFunctionDef"
                } else {
                    "FunctionDef"
                });
                self.ident("name", name);
                self.field("args", Pending::Arguments(args));
                self.stmts("body", body);
                self.exprs("decorator_list", decorator_list);
                self.opt_expr("returns", returns);
            }
            S::ClassDef {
                name,
                bases,
                keywords,
                body,
                decorator_list,
            } => {
                self.open("ClassDef");
                self.ident("name", name);
                self.exprs("bases", bases);
                self.label("keywords");
                self.list(keywords, Pending::Keyword);
                self.stmts("body", body);
                self.exprs("decorator_list", decorator_list);
            }
            S::Return { value } => {
                self.open("Return");
                self.opt_expr("value", value);
            }
            S::Delete { targets } => {
                self.open("Delete");
                self.exprs("targets", targets);
            }
            S::Assign { targets, value } => {
                self.open("Assign");
                self.exprs("targets", targets);
                self.expr_field("value", value);
            }
            S::AugAssign { target, op, value } => {
                self.open("AugAssign");
                self.expr_field("target", target);
                self.bare("op", operator_name(*op));
                self.expr_field("value", value);
            }
            S::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => {
                self.open("AnnAssign");
                self.expr_field("target", target);
                self.expr_field("annotation", annotation);
                self.opt_expr("value", value);
                self.int("simple", (*simple).into());
            }
            S::For {
                is_async,
                target,
                iter,
                body,
                orelse,
            } => {
                self.open(if *is_async { "AsyncFor" } else { "For" });
                self.expr_field("target", target);
                self.expr_field("iter", iter);
                self.stmts("body", body);
                self.stmts("orelse", orelse);
            }
            S::While { test, body, orelse } | S::If { test, body, orelse } => {
                self.open(if matches!(s.node, S::While { .. }) {
                    "While"
                } else {
                    "If"
                });
                self.expr_field("test", test);
                self.stmts("body", body);
                self.stmts("orelse", orelse);
            }
            S::With {
                is_async,
                items,
                body,
            } => {
                self.open(if *is_async { "AsyncWith" } else { "With" });
                self.label("items");
                self.list(items, Pending::WithItem);
                self.stmts("body", body);
            }
            S::Match { subject, cases } => {
                self.open("Match");
                self.expr_field("subject", subject);
                self.label("cases");
                self.list(cases, Pending::MatchCase);
            }
            S::Raise { exc, cause } => {
                self.open("Raise");
                self.opt_expr("exc", exc);
                self.opt_expr("cause", cause);
            }
            S::Try {
                star,
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                self.open(if *star { "TryStar" } else { "Try" });
                self.stmts("body", body);
                self.label("handlers");
                self.list(handlers, Pending::ExceptHandler);
                self.stmts("orelse", orelse);
                self.stmts("finalbody", finalbody);
            }
            S::Assert { test, msg } => {
                self.open("Assert");
                self.expr_field("test", test);
                self.opt_expr("msg", msg);
            }
            S::Import { names } => {
                self.open("Import");
                self.label("names");
                self.list(names, Pending::Alias);
            }
            S::ImportFrom {
                module,
                names,
                level,
            } => {
                self.open("ImportFrom");
                self.opt_ident("module", module);
                self.label("names");
                self.list(names, Pending::Alias);
                self.int("level", (*level).into());
            }
            S::Global { names } | S::Nonlocal { names } => {
                self.open(if matches!(s.node, S::Global { .. }) {
                    "Global"
                } else {
                    "Nonlocal"
                });
                self.label("names");
                self.list(names, |n| Pending::Ident(n));
            }
            S::Expr { value } => {
                self.open("Expr");
                self.expr_field("value", value);
            }
            S::Pass => self.open("Pass"),
            S::Break => self.open("Break"),
            S::Continue => self.open("Continue"),
        }
        self.close_at(s.range);
    }

    fn expr(&mut self, e: &'a Expr) {
        use ExprKind as E;
        match &e.node {
            E::BoolOp { op, values } => {
                self.open("BoolOp");
                self.bare("op", if *op == BoolOp::And { "And()" } else { "Or()" });
                self.exprs("values", values);
            }
            E::NamedExpr { target, value } => {
                self.open("NamedExpr");
                self.expr_field("target", target);
                self.expr_field("value", value);
            }
            E::BinOp { left, op, right } => {
                self.open("BinOp");
                self.expr_field("left", left);
                self.bare("op", operator_name(*op));
                self.expr_field("right", right);
            }
            E::UnaryOp { op, operand } => {
                self.open("UnaryOp");
                self.bare("op", unary_name(*op));
                self.expr_field("operand", operand);
            }
            E::Lambda { args, body } => {
                self.open("Lambda");
                self.field("args", Pending::Arguments(args));
                self.expr_field("body", body);
            }
            E::IfExp { test, body, orelse } => {
                self.open("IfExp");
                self.expr_field("test", test);
                self.expr_field("body", body);
                self.expr_field("orelse", orelse);
            }
            E::Dict { keys, values } => {
                self.open("Dict");
                self.label("keys");
                self.list(keys, |k| Pending::OptExpr(k.as_ref()));
                self.exprs("values", values);
            }
            E::Set { elts } => {
                self.open("Set");
                self.exprs("elts", elts);
            }
            E::ListComp { elt, generators } => self.comp("ListComp", elt, generators),
            E::SetComp { elt, generators } => self.comp("SetComp", elt, generators),
            E::GeneratorExp { elt, generators } => self.comp("GeneratorExp", elt, generators),
            E::DictComp {
                key,
                value,
                generators,
            } => {
                self.open("DictComp");
                self.expr_field("key", key);
                self.expr_field("value", value);
                self.generators(generators);
            }
            E::Await { value } => {
                self.open("Await");
                self.expr_field("value", value);
            }
            E::Yield { value } => {
                self.open("Yield");
                self.opt_expr("value", value);
            }
            E::YieldFrom { value } => {
                self.open("YieldFrom");
                self.expr_field("value", value);
            }
            E::Compare {
                left,
                ops,
                comparators,
            } => {
                self.open("Compare");
                self.expr_field("left", left);
                self.label("ops");
                self.list(ops, |op| Pending::Text(cmpop_name(*op)));
                self.exprs("comparators", comparators);
            }
            E::Call {
                func,
                args,
                keywords,
            } => {
                self.open("Call");
                self.expr_field("func", func);
                self.exprs("args", args);
                self.label("keywords");
                self.list(keywords, Pending::Keyword);
            }
            E::FormattedValue {
                value,
                conversion,
                format_spec,
            } => {
                self.open("FormattedValue");
                self.expr_field("value", value);
                self.int("conversion", (*conversion).into());
                self.opt_expr("format_spec", format_spec);
            }
            E::JoinedStr { values } => {
                self.open("JoinedStr");
                self.exprs("values", values);
            }
            E::Constant { value, kind_u } => {
                self.open("Constant");
                self.field("value", Pending::Constant(value));
                if *kind_u {
                    self.bare("kind", "'u'");
                }
            }
            E::Attribute { value, attr, ctx } => {
                self.open("Attribute");
                self.expr_field("value", value);
                self.ident("attr", attr);
                self.ctx(*ctx);
            }
            E::Subscript { value, slice, ctx } => {
                self.open("Subscript");
                self.expr_field("value", value);
                self.expr_field("slice", slice);
                self.ctx(*ctx);
            }
            E::Starred { value, ctx } => {
                self.open("Starred");
                self.expr_field("value", value);
                self.ctx(*ctx);
            }
            E::Name { id, ctx } => {
                self.open("Name");
                self.ident("id", id);
                self.ctx(*ctx);
            }
            E::List { elts, ctx } | E::Tuple { elts, ctx } => {
                self.open(if matches!(e.node, E::List { .. }) {
                    "List"
                } else {
                    "Tuple"
                });
                self.exprs("elts", elts);
                self.ctx(*ctx);
            }
            E::Slice { lower, upper, step } => {
                self.open("Slice");
                self.opt_expr("lower", lower);
                self.opt_expr("upper", upper);
                self.opt_expr("step", step);
            }
        }
        self.close_at(e.range);
    }

    /// ListComp, SetComp and GeneratorExp: `(elt, generators)`.
    fn comp(&mut self, name: &str, elt: &'a Expr, generators: &'a [Comprehension]) {
        self.open(name);
        self.expr_field("elt", elt);
        self.generators(generators);
    }

    fn generators(&mut self, generators: &'a [Comprehension]) {
        self.label("generators");
        self.list(generators, Pending::Comprehension);
    }

    /// A constant's value as its Python repr.
    fn constant(&mut self, c: &Constant) {
        let out = &mut self.out;
        match c {
            Constant::None => out.push_str("None"),
            Constant::Bool(true) => out.push_str("True"),
            Constant::Bool(false) => out.push_str("False"),
            Constant::Int(n) => int_repr(n, out),
            Constant::Float(x) => float_repr(*x, out),
            Constant::Complex { real, imag } => complex_repr(*real, *imag, out),
            Constant::Str(s) => str_repr(s, out),
            Constant::Bytes(b) => bytes_repr(b, out),
            Constant::Ellipsis => out.push_str("Ellipsis"),
        }
    }

    fn pattern(&mut self, p: &'a Pattern) {
        use PatternKind as P;
        match &p.node {
            P::MatchValue { value } => {
                self.open("MatchValue");
                self.expr_field("value", value);
            }
            P::MatchSingleton { value } => {
                self.open("MatchSingleton");
                self.field("value", Pending::Constant(value));
            }
            P::MatchSequence { patterns } => {
                self.open("MatchSequence");
                self.patterns("patterns", patterns);
            }
            P::MatchMapping {
                keys,
                patterns,
                rest,
            } => {
                self.open("MatchMapping");
                self.exprs("keys", keys);
                self.patterns("patterns", patterns);
                self.opt_ident("rest", rest);
            }
            P::MatchClass {
                cls,
                patterns,
                kwd_attrs,
                kwd_patterns,
            } => {
                self.open("MatchClass");
                self.expr_field("cls", cls);
                self.patterns("patterns", patterns);
                self.label("kwd_attrs");
                self.list(kwd_attrs, |n| Pending::Ident(n));
                self.patterns("kwd_patterns", kwd_patterns);
            }
            P::MatchStar { name } => {
                self.open("MatchStar");
                self.opt_ident("name", name);
            }
            P::MatchAs { pattern, name } => {
                self.open("MatchAs");
                if let Some(pattern) = pattern {
                    self.field("pattern", Pending::Pattern(pattern));
                }
                self.opt_ident("name", name);
            }
            P::MatchOr { patterns } => {
                self.open("MatchOr");
                self.patterns("patterns", patterns);
            }
        }
        self.close_at(p.range);
    }

    fn arguments(&mut self, a: &'a Arguments) {
        self.open("arguments");
        self.label("posonlyargs");
        self.list(&a.posonlyargs, Pending::Arg);
        self.label("args");
        self.list(&a.args, Pending::Arg);
        if let Some(v) = &a.vararg {
            self.field("vararg", Pending::Arg(v));
        }
        self.label("kwonlyargs");
        self.list(&a.kwonlyargs, Pending::Arg);
        self.label("kw_defaults");
        self.list(&a.kw_defaults, |d| Pending::OptExpr(d.as_ref()));
        if let Some(k) = &a.kwarg {
            self.field("kwarg", Pending::Arg(k));
        }
        self.exprs("defaults", &a.defaults);
        self.close();
    }
}

fn operator_name(op: Operator) -> &'static str {
    use Operator as O;
    match op {
        O::Add => "Add()",
        O::Sub => "Sub()",
        O::Mult => "Mult()",
        O::MatMult => "MatMult()",
        O::Div => "Div()",
        O::Mod => "Mod()",
        O::Pow => "Pow()",
        O::LShift => "LShift()",
        O::RShift => "RShift()",
        O::BitOr => "BitOr()",
        O::BitXor => "BitXor()",
        O::BitAnd => "BitAnd()",
        O::FloorDiv => "FloorDiv()",
    }
}

fn unary_name(op: UnaryOp) -> &'static str {
    match op {
        UnaryOp::Invert => "Invert()",
        UnaryOp::Not => "Not()",
        UnaryOp::UAdd => "UAdd()",
        UnaryOp::USub => "USub()",
    }
}

fn cmpop_name(op: CmpOp) -> &'static str {
    use CmpOp as C;
    match op {
        C::Eq => "Eq()",
        C::NotEq => "NotEq()",
        C::Lt => "Lt()",
        C::LtE => "LtE()",
        C::Gt => "Gt()",
        C::GtE => "GtE()",
        C::Is => "Is()",
        C::IsNot => "IsNot()",
        C::In => "In()",
        C::NotIn => "NotIn()",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ast::ExprContext::{Del, Load, Store};
    use crate::ast::{ExprKind as E, PatternKind as P, StmtKind as S};
    use gilt_lexer::{IntValue, Wtf8Buf};

    const R: Range = Range { start: 0, end: 0 };

    fn e(node: ExprKind) -> Expr {
        Expr::new(node, R)
    }

    fn b(node: ExprKind) -> Box<Expr> {
        Box::new(e(node))
    }

    fn s(node: StmtKind) -> Stmt {
        Stmt::new(node, R)
    }

    fn p(node: PatternKind) -> Pattern {
        Pattern { node, range: R }
    }

    fn i(name: &str) -> Ident {
        name.into()
    }

    fn n(id: &str) -> ExprKind {
        E::Name {
            id: i(id),
            ctx: Load,
        }
    }

    fn cst(value: Constant) -> ExprKind {
        E::Constant {
            value,
            kind_u: false,
        }
    }

    fn int(v: i64) -> ExprKind {
        cst(Constant::Int(IntValue::Small(v)))
    }

    fn sc(text: &str) -> ExprKind {
        cst(Constant::Str(text.into()))
    }

    fn strc(cps: &[u32]) -> Constant {
        let mut s = Wtf8Buf::new();
        cps.iter().for_each(|&cp| s.push_code_point(cp));
        Constant::Str(s)
    }

    fn arg(name: &str) -> Arg {
        Arg {
            arg: i(name),
            annotation: None,
            range: R,
        }
    }

    /// Each case: the statements CPython 3.11's `ast.parse` builds for the source
    /// in the comment, and its `ast.dump` (both produced by python3).
    #[rustfmt::skip]
    fn cases() -> Vec<(Vec<Stmt>, &'static str)> {
        vec![
        // x = 1
        (vec![s(S::Assign { targets: vec![e(E::Name { id: i("x"), ctx: Store })], value: b(int(1)) })],
         "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1))], type_ignores=[])"),
        // def f(a, /, b: int = 1, *args, c, d=2, **kw) -> None:
        //     return
        (vec![s(S::FunctionDef { is_async: false, name: i("f"), args: Box::new(Arguments { posonlyargs: vec![arg("a")], args: vec![Arg { arg: i("b"), annotation: Some(b(n("int"))), range: R }], vararg: Some(Box::new(arg("args"))), kwonlyargs: vec![arg("c"), arg("d")], kw_defaults: vec![None, Some(e(int(2)))], kwarg: Some(Box::new(arg("kw"))), defaults: vec![e(int(1))] }), body: vec![s(S::Return { value: None })], decorator_list: vec![], returns: Some(b(cst(Constant::None))) })],
         "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[arg(arg='a')], args=[arg(arg='b', annotation=Name(id='int', ctx=Load()))], vararg=arg(arg='args'), kwonlyargs=[arg(arg='c'), arg(arg='d')], kw_defaults=[None, Constant(value=2)], kwarg=arg(arg='kw'), defaults=[Constant(value=1)]), body=[Return()], decorator_list=[], returns=Constant(value=None))], type_ignores=[])"),
        // @dec
        // @dec2(1)
        // async def g(*, a, b=None):
        //     await x
        //     async for i in y:
        //         pass
        //     async with a as b, c:
        //         pass
        //     yield
        //     return (yield v)
        (vec![s(S::FunctionDef { is_async: true, name: i("g"), args: Box::new(Arguments { posonlyargs: vec![], args: vec![], vararg: None, kwonlyargs: vec![arg("a"), arg("b")], kw_defaults: vec![None, Some(e(cst(Constant::None)))], kwarg: None, defaults: vec![] }), body: vec![s(S::Expr { value: b(E::Await { value: b(n("x")) }) }), s(S::For { is_async: true, target: b(E::Name { id: i("i"), ctx: Store }), iter: b(n("y")), body: vec![s(S::Pass)], orelse: vec![] }), s(S::With { is_async: true, items: vec![WithItem { context_expr: e(n("a")), optional_vars: Some(b(E::Name { id: i("b"), ctx: Store })) }, WithItem { context_expr: e(n("c")), optional_vars: None }], body: vec![s(S::Pass)] }), s(S::Expr { value: b(E::Yield { value: None }) }), s(S::Return { value: Some(b(E::Yield { value: Some(b(n("v"))) })) })], decorator_list: vec![e(n("dec")), e(E::Call { func: b(n("dec2")), args: vec![e(int(1))], keywords: vec![] })], returns: None })],
         "Module(body=[AsyncFunctionDef(name='g', args=arguments(posonlyargs=[], args=[], kwonlyargs=[arg(arg='a'), arg(arg='b')], kw_defaults=[None, Constant(value=None)], defaults=[]), body=[Expr(value=Await(value=Name(id='x', ctx=Load()))), AsyncFor(target=Name(id='i', ctx=Store()), iter=Name(id='y', ctx=Load()), body=[Pass()], orelse=[]), AsyncWith(items=[withitem(context_expr=Name(id='a', ctx=Load()), optional_vars=Name(id='b', ctx=Store())), withitem(context_expr=Name(id='c', ctx=Load()))], body=[Pass()]), Expr(value=Yield()), Return(value=Yield(value=Name(id='v', ctx=Load())))], decorator_list=[Name(id='dec', ctx=Load()), Call(func=Name(id='dec2', ctx=Load()), args=[Constant(value=1)], keywords=[])])], type_ignores=[])"),
        // def h(a=1, /, b=2):
        //     global p, q
        //     nonlocal r
        //     return (yield from z)
        (vec![s(S::FunctionDef { is_async: false, name: i("h"), args: Box::new(Arguments { posonlyargs: vec![arg("a")], args: vec![arg("b")], vararg: None, kwonlyargs: vec![], kw_defaults: vec![], kwarg: None, defaults: vec![e(int(1)), e(int(2))] }), body: vec![s(S::Global { names: vec![i("p"), i("q")] }), s(S::Nonlocal { names: vec![i("r")] }), s(S::Return { value: Some(b(E::YieldFrom { value: b(n("z")) })) })], decorator_list: vec![], returns: None })],
         "Module(body=[FunctionDef(name='h', args=arguments(posonlyargs=[arg(arg='a')], args=[arg(arg='b')], kwonlyargs=[], kw_defaults=[], defaults=[Constant(value=1), Constant(value=2)]), body=[Global(names=['p', 'q']), Nonlocal(names=['r']), Return(value=YieldFrom(value=Name(id='z', ctx=Load())))], decorator_list=[])], type_ignores=[])"),
        // class C(B, metaclass=M, **kw):
        //     '''doc'''
        //     x: int
        //     y: 'str' = 1
        //     (z): int
        (vec![s(S::ClassDef { name: i("C"), bases: vec![e(n("B"))], keywords: vec![Keyword { arg: Some(i("metaclass")), value: e(n("M")), range: R }, Keyword { arg: None, value: e(n("kw")), range: R }], body: vec![s(S::Expr { value: b(sc("doc")) }), s(S::AnnAssign { target: b(E::Name { id: i("x"), ctx: Store }), annotation: b(n("int")), value: None, simple: true }), s(S::AnnAssign { target: b(E::Name { id: i("y"), ctx: Store }), annotation: b(sc("str")), value: Some(b(int(1))), simple: true }), s(S::AnnAssign { target: b(E::Name { id: i("z"), ctx: Store }), annotation: b(n("int")), value: None, simple: false })], decorator_list: vec![] })],
         "Module(body=[ClassDef(name='C', bases=[Name(id='B', ctx=Load())], keywords=[keyword(arg='metaclass', value=Name(id='M', ctx=Load())), keyword(value=Name(id='kw', ctx=Load()))], body=[Expr(value=Constant(value='doc')), AnnAssign(target=Name(id='x', ctx=Store()), annotation=Name(id='int', ctx=Load()), simple=1), AnnAssign(target=Name(id='y', ctx=Store()), annotation=Constant(value='str'), value=Constant(value=1), simple=1), AnnAssign(target=Name(id='z', ctx=Store()), annotation=Name(id='int', ctx=Load()), simple=0)], decorator_list=[])], type_ignores=[])"),
        // class D:
        //     pass
        (vec![s(S::ClassDef { name: i("D"), bases: vec![], keywords: vec![], body: vec![s(S::Pass)], decorator_list: vec![] })],
         "Module(body=[ClassDef(name='D', bases=[], keywords=[], body=[Pass()], decorator_list=[])], type_ignores=[])"),
        // del a, b[0], c.d
        // a += 1
        // b @= c
        // d //= 2
        (vec![s(S::Delete { targets: vec![e(E::Name { id: i("a"), ctx: Del }), e(E::Subscript { value: b(n("b")), slice: b(int(0)), ctx: Del }), e(E::Attribute { value: b(n("c")), attr: i("d"), ctx: Del })] }), s(S::AugAssign { target: b(E::Name { id: i("a"), ctx: Store }), op: Operator::Add, value: b(int(1)) }), s(S::AugAssign { target: b(E::Name { id: i("b"), ctx: Store }), op: Operator::MatMult, value: b(n("c")) }), s(S::AugAssign { target: b(E::Name { id: i("d"), ctx: Store }), op: Operator::FloorDiv, value: b(int(2)) })],
         "Module(body=[Delete(targets=[Name(id='a', ctx=Del()), Subscript(value=Name(id='b', ctx=Load()), slice=Constant(value=0), ctx=Del()), Attribute(value=Name(id='c', ctx=Load()), attr='d', ctx=Del())]), AugAssign(target=Name(id='a', ctx=Store()), op=Add(), value=Constant(value=1)), AugAssign(target=Name(id='b', ctx=Store()), op=MatMult(), value=Name(id='c', ctx=Load())), AugAssign(target=Name(id='d', ctx=Store()), op=FloorDiv(), value=Constant(value=2))], type_ignores=[])"),
        // for i, *j in range(10):
        //     break
        // else:
        //     continue
        // while x:
        //     pass
        // else:
        //     pass
        (vec![s(S::For { is_async: false, target: b(E::Tuple { elts: vec![e(E::Name { id: i("i"), ctx: Store }), e(E::Starred { value: b(E::Name { id: i("j"), ctx: Store }), ctx: Store })], ctx: Store }), iter: b(E::Call { func: b(n("range")), args: vec![e(int(10))], keywords: vec![] }), body: vec![s(S::Break)], orelse: vec![s(S::Continue)] }), s(S::While { test: b(n("x")), body: vec![s(S::Pass)], orelse: vec![s(S::Pass)] })],
         "Module(body=[For(target=Tuple(elts=[Name(id='i', ctx=Store()), Starred(value=Name(id='j', ctx=Store()), ctx=Store())], ctx=Store()), iter=Call(func=Name(id='range', ctx=Load()), args=[Constant(value=10)], keywords=[]), body=[Break()], orelse=[Continue()]), While(test=Name(id='x', ctx=Load()), body=[Pass()], orelse=[Pass()])], type_ignores=[])"),
        // if a:
        //     pass
        // elif b:
        //     pass
        // else:
        //     pass
        (vec![s(S::If { test: b(n("a")), body: vec![s(S::Pass)], orelse: vec![s(S::If { test: b(n("b")), body: vec![s(S::Pass)], orelse: vec![s(S::Pass)] })] })],
         "Module(body=[If(test=Name(id='a', ctx=Load()), body=[Pass()], orelse=[If(test=Name(id='b', ctx=Load()), body=[Pass()], orelse=[Pass()])])], type_ignores=[])"),
        // with open(f) as (a, b), g:
        //     pass
        (vec![s(S::With { is_async: false, items: vec![WithItem { context_expr: e(E::Call { func: b(n("open")), args: vec![e(n("f"))], keywords: vec![] }), optional_vars: Some(b(E::Tuple { elts: vec![e(E::Name { id: i("a"), ctx: Store }), e(E::Name { id: i("b"), ctx: Store })], ctx: Store })) }, WithItem { context_expr: e(n("g")), optional_vars: None }], body: vec![s(S::Pass)] })],
         "Module(body=[With(items=[withitem(context_expr=Call(func=Name(id='open', ctx=Load()), args=[Name(id='f', ctx=Load())], keywords=[]), optional_vars=Tuple(elts=[Name(id='a', ctx=Store()), Name(id='b', ctx=Store())], ctx=Store())), withitem(context_expr=Name(id='g', ctx=Load()))], body=[Pass()])], type_ignores=[])"),
        // match command:
        //     case [1, -2, *rest] if rest:
        //         pass
        //     case {'k': v, 3: _, **others}:
        //         pass
        //     case Point(0, y=1 | 2) as p:
        //         pass
        //     case [*_] | (None) | True | 1+2j | a.b:
        //         pass
        //     case {}:
        //         pass
        //     case _:
        //         pass
        (vec![s(S::Match { subject: b(n("command")), cases: vec![MatchCase { pattern: p(P::MatchSequence { patterns: vec![p(P::MatchValue { value: b(int(1)) }), p(P::MatchValue { value: b(E::UnaryOp { op: UnaryOp::USub, operand: b(int(2)) }) }), p(P::MatchStar { name: Some(i("rest")) })] }), guard: Some(b(n("rest"))), body: vec![s(S::Pass)] }, MatchCase { pattern: p(P::MatchMapping { keys: vec![e(sc("k")), e(int(3))], patterns: vec![p(P::MatchAs { pattern: None, name: Some(i("v")) }), p(P::MatchAs { pattern: None, name: None })], rest: Some(i("others")) }), guard: None, body: vec![s(S::Pass)] }, MatchCase { pattern: p(P::MatchAs { pattern: Some(Box::new(p(P::MatchClass { cls: b(n("Point")), patterns: vec![p(P::MatchValue { value: b(int(0)) })], kwd_attrs: vec![i("y")], kwd_patterns: vec![p(P::MatchOr { patterns: vec![p(P::MatchValue { value: b(int(1)) }), p(P::MatchValue { value: b(int(2)) })] })] }))), name: Some(i("p")) }), guard: None, body: vec![s(S::Pass)] }, MatchCase { pattern: p(P::MatchOr { patterns: vec![p(P::MatchSequence { patterns: vec![p(P::MatchStar { name: None })] }), p(P::MatchSingleton { value: Constant::None }), p(P::MatchSingleton { value: Constant::Bool(true) }), p(P::MatchValue { value: b(E::BinOp { left: b(int(1)), op: Operator::Add, right: b(cst(Constant::Complex { real: f64::from_bits(0x0000000000000000), imag: f64::from_bits(0x4000000000000000) })) }) }), p(P::MatchValue { value: b(E::Attribute { value: b(n("a")), attr: i("b"), ctx: Load }) })] }), guard: None, body: vec![s(S::Pass)] }, MatchCase { pattern: p(P::MatchMapping { keys: vec![], patterns: vec![], rest: None }), guard: None, body: vec![s(S::Pass)] }, MatchCase { pattern: p(P::MatchAs { pattern: None, name: None }), guard: None, body: vec![s(S::Pass)] }] })],
         "Module(body=[Match(subject=Name(id='command', ctx=Load()), cases=[match_case(pattern=MatchSequence(patterns=[MatchValue(value=Constant(value=1)), MatchValue(value=UnaryOp(op=USub(), operand=Constant(value=2))), MatchStar(name='rest')]), guard=Name(id='rest', ctx=Load()), body=[Pass()]), match_case(pattern=MatchMapping(keys=[Constant(value='k'), Constant(value=3)], patterns=[MatchAs(name='v'), MatchAs()], rest='others'), body=[Pass()]), match_case(pattern=MatchAs(pattern=MatchClass(cls=Name(id='Point', ctx=Load()), patterns=[MatchValue(value=Constant(value=0))], kwd_attrs=['y'], kwd_patterns=[MatchOr(patterns=[MatchValue(value=Constant(value=1)), MatchValue(value=Constant(value=2))])]), name='p'), body=[Pass()]), match_case(pattern=MatchOr(patterns=[MatchSequence(patterns=[MatchStar()]), MatchSingleton(value=None), MatchSingleton(value=True), MatchValue(value=BinOp(left=Constant(value=1), op=Add(), right=Constant(value=2j))), MatchValue(value=Attribute(value=Name(id='a', ctx=Load()), attr='b', ctx=Load()))]), body=[Pass()]), match_case(pattern=MatchMapping(keys=[], patterns=[]), body=[Pass()]), match_case(pattern=MatchAs(), body=[Pass()])])], type_ignores=[])"),
        // raise
        // raise E
        // raise E from None
        (vec![s(S::Raise { exc: None, cause: None }), s(S::Raise { exc: Some(b(n("E"))), cause: None }), s(S::Raise { exc: Some(b(n("E"))), cause: Some(b(cst(Constant::None))) })],
         "Module(body=[Raise(), Raise(exc=Name(id='E', ctx=Load())), Raise(exc=Name(id='E', ctx=Load()), cause=Constant(value=None))], type_ignores=[])"),
        // try:
        //     pass
        // except E as e:
        //     pass
        // except (A, B):
        //     pass
        // except:
        //     pass
        // else:
        //     pass
        // finally:
        //     pass
        (vec![s(S::Try { star: false, body: vec![s(S::Pass)], handlers: vec![ExceptHandler { type_: Some(b(n("E"))), name: Some(i("e")), body: vec![s(S::Pass)], range: R }, ExceptHandler { type_: Some(b(E::Tuple { elts: vec![e(n("A")), e(n("B"))], ctx: Load })), name: None, body: vec![s(S::Pass)], range: R }, ExceptHandler { type_: None, name: None, body: vec![s(S::Pass)], range: R }], orelse: vec![s(S::Pass)], finalbody: vec![s(S::Pass)] })],
         "Module(body=[Try(body=[Pass()], handlers=[ExceptHandler(type=Name(id='E', ctx=Load()), name='e', body=[Pass()]), ExceptHandler(type=Tuple(elts=[Name(id='A', ctx=Load()), Name(id='B', ctx=Load())], ctx=Load()), body=[Pass()]), ExceptHandler(body=[Pass()])], orelse=[Pass()], finalbody=[Pass()])], type_ignores=[])"),
        // try:
        //     pass
        // except* E:
        //     pass
        (vec![s(S::Try { star: true, body: vec![s(S::Pass)], handlers: vec![ExceptHandler { type_: Some(b(n("E"))), name: None, body: vec![s(S::Pass)], range: R }], orelse: vec![], finalbody: vec![] })],
         "Module(body=[TryStar(body=[Pass()], handlers=[ExceptHandler(type=Name(id='E', ctx=Load()), body=[Pass()])], orelse=[], finalbody=[])], type_ignores=[])"),
        // try:
        //     pass
        // finally:
        //     pass
        (vec![s(S::Try { star: false, body: vec![s(S::Pass)], handlers: vec![], orelse: vec![], finalbody: vec![s(S::Pass)] })],
         "Module(body=[Try(body=[Pass()], handlers=[], orelse=[], finalbody=[Pass()])], type_ignores=[])"),
        // assert x, 'msg'
        // assert x
        (vec![s(S::Assert { test: b(n("x")), msg: Some(b(sc("msg"))) }), s(S::Assert { test: b(n("x")), msg: None })],
         "Module(body=[Assert(test=Name(id='x', ctx=Load()), msg=Constant(value='msg')), Assert(test=Name(id='x', ctx=Load()))], type_ignores=[])"),
        // import a.b as c, d
        // from . import x
        // from ..m import (a as b, c)
        // from m import *
        (vec![s(S::Import { names: vec![Alias { name: i("a.b"), asname: Some(i("c")), range: R }, Alias { name: i("d"), asname: None, range: R }] }), s(S::ImportFrom { module: None, names: vec![Alias { name: i("x"), asname: None, range: R }], level: 1 }), s(S::ImportFrom { module: Some(i("m")), names: vec![Alias { name: i("a"), asname: Some(i("b")), range: R }, Alias { name: i("c"), asname: None, range: R }], level: 2 }), s(S::ImportFrom { module: Some(i("m")), names: vec![Alias { name: i("*"), asname: None, range: R }], level: 0 })],
         "Module(body=[Import(names=[alias(name='a.b', asname='c'), alias(name='d')]), ImportFrom(names=[alias(name='x')], level=1), ImportFrom(module='m', names=[alias(name='a', asname='b'), alias(name='c')], level=2), ImportFrom(module='m', names=[alias(name='*')], level=0)], type_ignores=[])"),
        // a and b or not c
        // (y := 1)
        // lambda: 0
        // lambda x, *y, z=1, **w: x
        // lambda *, k: k
        // a if b else c
        (vec![s(S::Expr { value: b(E::BoolOp { op: BoolOp::Or, values: vec![e(E::BoolOp { op: BoolOp::And, values: vec![e(n("a")), e(n("b"))] }), e(E::UnaryOp { op: UnaryOp::Not, operand: b(n("c")) })] }) }), s(S::Expr { value: b(E::NamedExpr { target: b(E::Name { id: i("y"), ctx: Store }), value: b(int(1)) }) }), s(S::Expr { value: b(E::Lambda { args: Box::new(Arguments { posonlyargs: vec![], args: vec![], vararg: None, kwonlyargs: vec![], kw_defaults: vec![], kwarg: None, defaults: vec![] }), body: b(int(0)) }) }), s(S::Expr { value: b(E::Lambda { args: Box::new(Arguments { posonlyargs: vec![], args: vec![arg("x")], vararg: Some(Box::new(arg("y"))), kwonlyargs: vec![arg("z")], kw_defaults: vec![Some(e(int(1)))], kwarg: Some(Box::new(arg("w"))), defaults: vec![] }), body: b(n("x")) }) }), s(S::Expr { value: b(E::Lambda { args: Box::new(Arguments { posonlyargs: vec![], args: vec![], vararg: None, kwonlyargs: vec![arg("k")], kw_defaults: vec![None], kwarg: None, defaults: vec![] }), body: b(n("k")) }) }), s(S::Expr { value: b(E::IfExp { test: b(n("b")), body: b(n("a")), orelse: b(n("c")) }) })],
         "Module(body=[Expr(value=BoolOp(op=Or(), values=[BoolOp(op=And(), values=[Name(id='a', ctx=Load()), Name(id='b', ctx=Load())]), UnaryOp(op=Not(), operand=Name(id='c', ctx=Load()))])), Expr(value=NamedExpr(target=Name(id='y', ctx=Store()), value=Constant(value=1))), Expr(value=Lambda(args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=Constant(value=0))), Expr(value=Lambda(args=arguments(posonlyargs=[], args=[arg(arg='x')], vararg=arg(arg='y'), kwonlyargs=[arg(arg='z')], kw_defaults=[Constant(value=1)], kwarg=arg(arg='w'), defaults=[]), body=Name(id='x', ctx=Load()))), Expr(value=Lambda(args=arguments(posonlyargs=[], args=[], kwonlyargs=[arg(arg='k')], kw_defaults=[None], defaults=[]), body=Name(id='k', ctx=Load()))), Expr(value=IfExp(test=Name(id='b', ctx=Load()), body=Name(id='a', ctx=Load()), orelse=Name(id='c', ctx=Load())))], type_ignores=[])"),
        // {1: 2, **d}
        // {1, 2}
        // {}
        // []
        // ()
        // [x for x in y if x if z for q in r]
        // {k: v async for k in v}
        // (x for x in y)
        // {e for e in s}
        (vec![s(S::Expr { value: b(E::Dict { keys: vec![Some(e(int(1))), None], values: vec![e(int(2)), e(n("d"))] }) }), s(S::Expr { value: b(E::Set { elts: vec![e(int(1)), e(int(2))] }) }), s(S::Expr { value: b(E::Dict { keys: vec![], values: vec![] }) }), s(S::Expr { value: b(E::List { elts: vec![], ctx: Load }) }), s(S::Expr { value: b(E::Tuple { elts: vec![], ctx: Load }) }), s(S::Expr { value: b(E::ListComp { elt: b(n("x")), generators: vec![Comprehension { target: e(E::Name { id: i("x"), ctx: Store }), iter: e(n("y")), ifs: vec![e(n("x")), e(n("z"))], is_async: false }, Comprehension { target: e(E::Name { id: i("q"), ctx: Store }), iter: e(n("r")), ifs: vec![], is_async: false }] }) }), s(S::Expr { value: b(E::DictComp { key: b(n("k")), value: b(n("v")), generators: vec![Comprehension { target: e(E::Name { id: i("k"), ctx: Store }), iter: e(n("v")), ifs: vec![], is_async: true }] }) }), s(S::Expr { value: b(E::GeneratorExp { elt: b(n("x")), generators: vec![Comprehension { target: e(E::Name { id: i("x"), ctx: Store }), iter: e(n("y")), ifs: vec![], is_async: false }] }) }), s(S::Expr { value: b(E::SetComp { elt: b(n("e")), generators: vec![Comprehension { target: e(E::Name { id: i("e"), ctx: Store }), iter: e(n("s")), ifs: vec![], is_async: false }] }) })],
         "Module(body=[Expr(value=Dict(keys=[Constant(value=1), None], values=[Constant(value=2), Name(id='d', ctx=Load())])), Expr(value=Set(elts=[Constant(value=1), Constant(value=2)])), Expr(value=Dict(keys=[], values=[])), Expr(value=List(elts=[], ctx=Load())), Expr(value=Tuple(elts=[], ctx=Load())), Expr(value=ListComp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[Name(id='x', ctx=Load()), Name(id='z', ctx=Load())], is_async=0), comprehension(target=Name(id='q', ctx=Store()), iter=Name(id='r', ctx=Load()), ifs=[], is_async=0)])), Expr(value=DictComp(key=Name(id='k', ctx=Load()), value=Name(id='v', ctx=Load()), generators=[comprehension(target=Name(id='k', ctx=Store()), iter=Name(id='v', ctx=Load()), ifs=[], is_async=1)])), Expr(value=GeneratorExp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[], is_async=0)])), Expr(value=SetComp(elt=Name(id='e', ctx=Load()), generators=[comprehension(target=Name(id='e', ctx=Store()), iter=Name(id='s', ctx=Load()), ifs=[], is_async=0)]))], type_ignores=[])"),
        // a < b <= c != d is e is not f in g not in h > i >= j == k
        // f(*a, b=1, **c)
        // f(x for x in y)
        // x.y.z
        // x[1:2, ::3, :]
        // x[a:b:c]
        // x[1:]
        // *a, b = c
        // [a, b] = c
        // a = b = c
        (vec![s(S::Expr { value: b(E::Compare { left: b(n("a")), ops: vec![CmpOp::Lt, CmpOp::LtE, CmpOp::NotEq, CmpOp::Is, CmpOp::IsNot, CmpOp::In, CmpOp::NotIn, CmpOp::Gt, CmpOp::GtE, CmpOp::Eq], comparators: vec![e(n("b")), e(n("c")), e(n("d")), e(n("e")), e(n("f")), e(n("g")), e(n("h")), e(n("i")), e(n("j")), e(n("k"))] }) }), s(S::Expr { value: b(E::Call { func: b(n("f")), args: vec![e(E::Starred { value: b(n("a")), ctx: Load })], keywords: vec![Keyword { arg: Some(i("b")), value: e(int(1)), range: R }, Keyword { arg: None, value: e(n("c")), range: R }] }) }), s(S::Expr { value: b(E::Call { func: b(n("f")), args: vec![e(E::GeneratorExp { elt: b(n("x")), generators: vec![Comprehension { target: e(E::Name { id: i("x"), ctx: Store }), iter: e(n("y")), ifs: vec![], is_async: false }] })], keywords: vec![] }) }), s(S::Expr { value: b(E::Attribute { value: b(E::Attribute { value: b(n("x")), attr: i("y"), ctx: Load }), attr: i("z"), ctx: Load }) }), s(S::Expr { value: b(E::Subscript { value: b(n("x")), slice: b(E::Tuple { elts: vec![e(E::Slice { lower: Some(b(int(1))), upper: Some(b(int(2))), step: None }), e(E::Slice { lower: None, upper: None, step: Some(b(int(3))) }), e(E::Slice { lower: None, upper: None, step: None })], ctx: Load }), ctx: Load }) }), s(S::Expr { value: b(E::Subscript { value: b(n("x")), slice: b(E::Slice { lower: Some(b(n("a"))), upper: Some(b(n("b"))), step: Some(b(n("c"))) }), ctx: Load }) }), s(S::Expr { value: b(E::Subscript { value: b(n("x")), slice: b(E::Slice { lower: Some(b(int(1))), upper: None, step: None }), ctx: Load }) }), s(S::Assign { targets: vec![e(E::Tuple { elts: vec![e(E::Starred { value: b(E::Name { id: i("a"), ctx: Store }), ctx: Store }), e(E::Name { id: i("b"), ctx: Store })], ctx: Store })], value: b(n("c")) }), s(S::Assign { targets: vec![e(E::List { elts: vec![e(E::Name { id: i("a"), ctx: Store }), e(E::Name { id: i("b"), ctx: Store })], ctx: Store })], value: b(n("c")) }), s(S::Assign { targets: vec![e(E::Name { id: i("a"), ctx: Store }), e(E::Name { id: i("b"), ctx: Store })], value: b(n("c")) })],
         "Module(body=[Expr(value=Compare(left=Name(id='a', ctx=Load()), ops=[Lt(), LtE(), NotEq(), Is(), IsNot(), In(), NotIn(), Gt(), GtE(), Eq()], comparators=[Name(id='b', ctx=Load()), Name(id='c', ctx=Load()), Name(id='d', ctx=Load()), Name(id='e', ctx=Load()), Name(id='f', ctx=Load()), Name(id='g', ctx=Load()), Name(id='h', ctx=Load()), Name(id='i', ctx=Load()), Name(id='j', ctx=Load()), Name(id='k', ctx=Load())])), Expr(value=Call(func=Name(id='f', ctx=Load()), args=[Starred(value=Name(id='a', ctx=Load()), ctx=Load())], keywords=[keyword(arg='b', value=Constant(value=1)), keyword(value=Name(id='c', ctx=Load()))])), Expr(value=Call(func=Name(id='f', ctx=Load()), args=[GeneratorExp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[], is_async=0)])], keywords=[])), Expr(value=Attribute(value=Attribute(value=Name(id='x', ctx=Load()), attr='y', ctx=Load()), attr='z', ctx=Load())), Expr(value=Subscript(value=Name(id='x', ctx=Load()), slice=Tuple(elts=[Slice(lower=Constant(value=1), upper=Constant(value=2)), Slice(step=Constant(value=3)), Slice()], ctx=Load()), ctx=Load())), Expr(value=Subscript(value=Name(id='x', ctx=Load()), slice=Slice(lower=Name(id='a', ctx=Load()), upper=Name(id='b', ctx=Load()), step=Name(id='c', ctx=Load())), ctx=Load())), Expr(value=Subscript(value=Name(id='x', ctx=Load()), slice=Slice(lower=Constant(value=1)), ctx=Load())), Assign(targets=[Tuple(elts=[Starred(value=Name(id='a', ctx=Store()), ctx=Store()), Name(id='b', ctx=Store())], ctx=Store())], value=Name(id='c', ctx=Load())), Assign(targets=[List(elts=[Name(id='a', ctx=Store()), Name(id='b', ctx=Store())], ctx=Store())], value=Name(id='c', ctx=Load())), Assign(targets=[Name(id='a', ctx=Store()), Name(id='b', ctx=Store())], value=Name(id='c', ctx=Load()))], type_ignores=[])"),
        // -1
        // +x
        // ~x
        // not x
        // a + b - c * d / e % f ** g << h >> i | j ^ k & l // m @ n
        (vec![s(S::Expr { value: b(E::UnaryOp { op: UnaryOp::USub, operand: b(int(1)) }) }), s(S::Expr { value: b(E::UnaryOp { op: UnaryOp::UAdd, operand: b(n("x")) }) }), s(S::Expr { value: b(E::UnaryOp { op: UnaryOp::Invert, operand: b(n("x")) }) }), s(S::Expr { value: b(E::UnaryOp { op: UnaryOp::Not, operand: b(n("x")) }) }), s(S::Expr { value: b(E::BinOp { left: b(E::BinOp { left: b(E::BinOp { left: b(E::BinOp { left: b(E::BinOp { left: b(n("a")), op: Operator::Add, right: b(n("b")) }), op: Operator::Sub, right: b(E::BinOp { left: b(E::BinOp { left: b(E::BinOp { left: b(n("c")), op: Operator::Mult, right: b(n("d")) }), op: Operator::Div, right: b(n("e")) }), op: Operator::Mod, right: b(E::BinOp { left: b(n("f")), op: Operator::Pow, right: b(n("g")) }) }) }), op: Operator::LShift, right: b(n("h")) }), op: Operator::RShift, right: b(n("i")) }), op: Operator::BitOr, right: b(E::BinOp { left: b(n("j")), op: Operator::BitXor, right: b(E::BinOp { left: b(n("k")), op: Operator::BitAnd, right: b(E::BinOp { left: b(E::BinOp { left: b(n("l")), op: Operator::FloorDiv, right: b(n("m")) }), op: Operator::MatMult, right: b(n("n")) }) }) }) }) })],
         "Module(body=[Expr(value=UnaryOp(op=USub(), operand=Constant(value=1))), Expr(value=UnaryOp(op=UAdd(), operand=Name(id='x', ctx=Load()))), Expr(value=UnaryOp(op=Invert(), operand=Name(id='x', ctx=Load()))), Expr(value=UnaryOp(op=Not(), operand=Name(id='x', ctx=Load()))), Expr(value=BinOp(left=BinOp(left=BinOp(left=BinOp(left=BinOp(left=Name(id='a', ctx=Load()), op=Add(), right=Name(id='b', ctx=Load())), op=Sub(), right=BinOp(left=BinOp(left=BinOp(left=Name(id='c', ctx=Load()), op=Mult(), right=Name(id='d', ctx=Load())), op=Div(), right=Name(id='e', ctx=Load())), op=Mod(), right=BinOp(left=Name(id='f', ctx=Load()), op=Pow(), right=Name(id='g', ctx=Load())))), op=LShift(), right=Name(id='h', ctx=Load())), op=RShift(), right=Name(id='i', ctx=Load())), op=BitOr(), right=BinOp(left=Name(id='j', ctx=Load()), op=BitXor(), right=BinOp(left=Name(id='k', ctx=Load()), op=BitAnd(), right=BinOp(left=BinOp(left=Name(id='l', ctx=Load()), op=FloorDiv(), right=Name(id='m', ctx=Load())), op=MatMult(), right=Name(id='n', ctx=Load()))))))], type_ignores=[])"),
        // None, True, False, ...
        // 1.5, 1e16, 2j, 1e999, 1e999j, 0.1, 1e-07, 10.0j, 1.5e300j
        // 12345678901234567890123, 0xff, 0, 9223372036854775807, 9223372036854775808
        // b'\x00\'"', b'', b"'"
        // u'x', 'a' 'b', u'a' 'b', 'a' u'b'
        // '\ud800\udfff', 'it\'s', '\t\x7f\xa0\u2028\U0001f600', "\\"
        (vec![s(S::Expr { value: b(E::Tuple { elts: vec![e(cst(Constant::None)), e(cst(Constant::Bool(true))), e(cst(Constant::Bool(false))), e(cst(Constant::Ellipsis))], ctx: Load }) }), s(S::Expr { value: b(E::Tuple { elts: vec![e(cst(Constant::Float(f64::from_bits(0x3ff8000000000000)))), e(cst(Constant::Float(f64::from_bits(0x4341c37937e08000)))), e(cst(Constant::Complex { real: f64::from_bits(0x0000000000000000), imag: f64::from_bits(0x4000000000000000) })), e(cst(Constant::Float(f64::from_bits(0x7ff0000000000000)))), e(cst(Constant::Complex { real: f64::from_bits(0x0000000000000000), imag: f64::from_bits(0x7ff0000000000000) })), e(cst(Constant::Float(f64::from_bits(0x3fb999999999999a)))), e(cst(Constant::Float(f64::from_bits(0x3e7ad7f29abcaf48)))), e(cst(Constant::Complex { real: f64::from_bits(0x0000000000000000), imag: f64::from_bits(0x4024000000000000) })), e(cst(Constant::Complex { real: f64::from_bits(0x0000000000000000), imag: f64::from_bits(0x7e41eb2d66005835) }))], ctx: Load }) }), s(S::Expr { value: b(E::Tuple { elts: vec![e(cst(Constant::Int(IntValue::Big("12345678901234567890123".parse().unwrap())))), e(int(255)), e(int(0)), e(int(9223372036854775807)), e(cst(Constant::Int(IntValue::Big("9223372036854775808".parse().unwrap()))))], ctx: Load }) }), s(S::Expr { value: b(E::Tuple { elts: vec![e(cst(Constant::Bytes(vec![0x0, 0x27, 0x22]))), e(cst(Constant::Bytes(vec![]))), e(cst(Constant::Bytes(vec![0x27])))], ctx: Load }) }), s(S::Expr { value: b(E::Tuple { elts: vec![e(E::Constant { value: strc(&[0x78]), kind_u: true }), e(sc("ab")), e(E::Constant { value: strc(&[0x61, 0x62]), kind_u: true }), e(sc("ab"))], ctx: Load }) }), s(S::Expr { value: b(E::Tuple { elts: vec![e(cst(strc(&[0xd800, 0xdfff]))), e(sc("it's")), e(cst(strc(&[0x9, 0x7f, 0xa0, 0x2028, 0x1f600]))), e(sc("\\"))], ctx: Load }) })],
         "Module(body=[Expr(value=Tuple(elts=[Constant(value=None), Constant(value=True), Constant(value=False), Constant(value=Ellipsis)], ctx=Load())), Expr(value=Tuple(elts=[Constant(value=1.5), Constant(value=1e+16), Constant(value=2j), Constant(value=inf), Constant(value=infj), Constant(value=0.1), Constant(value=1e-07), Constant(value=10j), Constant(value=1.5e+300j)], ctx=Load())), Expr(value=Tuple(elts=[Constant(value=12345678901234567890123), Constant(value=255), Constant(value=0), Constant(value=9223372036854775807), Constant(value=9223372036854775808)], ctx=Load())), Expr(value=Tuple(elts=[Constant(value=b'\\x00\\'\"'), Constant(value=b''), Constant(value=b\"'\")], ctx=Load())), Expr(value=Tuple(elts=[Constant(value='x', kind='u'), Constant(value='ab'), Constant(value='ab', kind='u'), Constant(value='ab')], ctx=Load())), Expr(value=Tuple(elts=[Constant(value='\\ud800\\udfff'), Constant(value=\"it's\"), Constant(value='\\t\\x7f\\xa0\\u2028\u{1f600}'), Constant(value='\\\\')], ctx=Load()))], type_ignores=[])"),
        // f'a{b!r:>{w}}c{d=}'
        // f''
        // u'x' f'{y}' 'z'
        // f'{x:}'
        // f'{x!a}' f'{x!s}'
        (vec![s(S::Expr { value: b(E::JoinedStr { values: vec![e(sc("a")), e(E::FormattedValue { value: b(n("b")), conversion: 114, format_spec: Some(b(E::JoinedStr { values: vec![e(sc(">")), e(E::FormattedValue { value: b(n("w")), conversion: -1, format_spec: None })] })) }), e(sc("cd=")), e(E::FormattedValue { value: b(n("d")), conversion: 114, format_spec: None })] }) }), s(S::Expr { value: b(E::JoinedStr { values: vec![] }) }), s(S::Expr { value: b(E::JoinedStr { values: vec![e(E::Constant { value: strc(&[0x78]), kind_u: true }), e(E::FormattedValue { value: b(n("y")), conversion: -1, format_spec: None }), e(E::Constant { value: strc(&[0x7a]), kind_u: true })] }) }), s(S::Expr { value: b(E::JoinedStr { values: vec![e(E::FormattedValue { value: b(n("x")), conversion: -1, format_spec: Some(b(E::JoinedStr { values: vec![] })) })] }) }), s(S::Expr { value: b(E::JoinedStr { values: vec![e(E::FormattedValue { value: b(n("x")), conversion: 97, format_spec: None }), e(E::FormattedValue { value: b(n("x")), conversion: 115, format_spec: None })] }) })],
         "Module(body=[Expr(value=JoinedStr(values=[Constant(value='a'), FormattedValue(value=Name(id='b', ctx=Load()), conversion=114, format_spec=JoinedStr(values=[Constant(value='>'), FormattedValue(value=Name(id='w', ctx=Load()), conversion=-1)])), Constant(value='cd='), FormattedValue(value=Name(id='d', ctx=Load()), conversion=114)])), Expr(value=JoinedStr(values=[])), Expr(value=JoinedStr(values=[Constant(value='x', kind='u'), FormattedValue(value=Name(id='y', ctx=Load()), conversion=-1), Constant(value='z', kind='u')])), Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[]))])), Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=97), FormattedValue(value=Name(id='x', ctx=Load()), conversion=115)]))], type_ignores=[])"),
        // café = 1
        // x: int = 5
        (vec![s(S::Assign { targets: vec![e(E::Name { id: i("caf\u{e9}"), ctx: Store })], value: b(int(1)) }), s(S::AnnAssign { target: b(E::Name { id: i("x"), ctx: Store }), annotation: b(n("int")), value: Some(b(int(5))), simple: true })],
         "Module(body=[Assign(targets=[Name(id='caf\u{e9}', ctx=Store())], value=Constant(value=1)), AnnAssign(target=Name(id='x', ctx=Store()), annotation=Name(id='int', ctx=Load()), value=Constant(value=5), simple=1)], type_ignores=[])"),
        // async def f():
        //     [x async for x in y]
        //     await z
        // 
        (vec![s(S::FunctionDef { is_async: true, name: i("f"), args: Box::new(Arguments { posonlyargs: vec![], args: vec![], vararg: None, kwonlyargs: vec![], kw_defaults: vec![], kwarg: None, defaults: vec![] }), body: vec![s(S::Expr { value: b(E::ListComp { elt: b(n("x")), generators: vec![Comprehension { target: e(E::Name { id: i("x"), ctx: Store }), iter: e(n("y")), ifs: vec![], is_async: true }] }) }), s(S::Expr { value: b(E::Await { value: b(n("z")) }) })], decorator_list: vec![], returns: None })],
         "Module(body=[AsyncFunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Expr(value=ListComp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[], is_async=1)])), Expr(value=Await(value=Name(id='z', ctx=Load())))], decorator_list=[])], type_ignores=[])"),
        ]
    }

    #[test]
    fn modules_match_python() {
        for (body, want) in cases() {
            let got = dump_module(&Module { body });
            assert_eq!(got, want);
        }
    }

    #[test]
    fn expr_alone() {
        let call = e(E::Call {
            func: b(n("f")),
            args: vec![e(int(1))],
            keywords: vec![],
        });
        assert_eq!(
            dump_expr(&call),
            "Call(func=Name(id='f', ctx=Load()), args=[Constant(value=1)], keywords=[])"
        );
    }

    #[test]
    fn deep_nesting_does_not_recurse() {
        // a+a+...+a, left-nested 100,000 deep: far past any native stack in debug.
        let mut tree = e(n("a"));
        for _ in 0..100_000 {
            tree = e(E::BinOp {
                left: Box::new(tree),
                op: Operator::Add,
                right: b(n("a")),
            });
        }
        let out = dump_expr(&tree);
        assert!(out.starts_with("BinOp(left=BinOp(left="));
        assert!(out.ends_with(", op=Add(), right=Name(id='a', ctx=Load()))"));
        // Dropping the tree recurses; leak it rather than test `Drop` here.
        std::mem::forget(tree);
    }
}
