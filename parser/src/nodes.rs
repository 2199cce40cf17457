//! Building AST nodes from the grammar's pieces, and the checks CPython's grammar
//! makes on them: assignment targets, parameter order, call argument order,
//! patterns. Each error is worded as CPython 3.11 words it and points at the
//! same node.

use crate::ast::*;
use gilt_lexer::{ErrorKind, Tok};
use lalrpop_util::ParseError;

/// An error raised by a grammar action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxErr {
    pub kind: ErrorKind,
    pub msg: String,
    pub start: u32,
    pub end: u32,
}

/// What grammar actions return on failure.
pub type ActionError = ParseError<u32, Tok, SyntaxErr>;
type Res<T> = Result<T, ActionError>;

/// A SyntaxError at `[start, end)`.
pub fn err(msg: impl Into<String>, start: u32, end: u32) -> ActionError {
    ParseError::User {
        error: SyntaxErr {
            kind: ErrorKind::Syntax,
            msg: msg.into(),
            start,
            end,
        },
    }
}

pub fn err_at(msg: impl Into<String>, e: &Expr) -> ActionError {
    err(msg, e.range.start, e.range.end)
}

pub fn constant(value: Constant, l: u32, r: u32) -> Expr {
    Expr::new(
        ExprKind::Constant {
            value,
            kind_u: false,
        },
        Range::new(l, r),
    )
}

pub fn tuple_or_single(mut elts: Vec<Expr>, trailing_comma: bool, l: u32, r: u32) -> Expr {
    if elts.len() == 1 && !trailing_comma {
        elts.pop().unwrap()
    } else {
        Expr::new(
            ExprKind::Tuple {
                elts,
                ctx: ExprContext::Load,
            },
            Range::new(l, r),
        )
    }
}

pub fn tuple_from(first: Expr, rest: Vec<Expr>, l: u32, r: u32) -> Expr {
    let mut elts = Vec::with_capacity(rest.len() + 1);
    elts.push(first);
    elts.extend(rest);
    Expr::new(
        ExprKind::Tuple {
            elts,
            ctx: ExprContext::Load,
        },
        Range::new(l, r),
    )
}

pub fn bin_op(left: Expr, op: Operator, right: Expr, l: u32, r: u32) -> Expr {
    Expr::new(
        ExprKind::BinOp {
            left: Box::new(left),
            op,
            right: Box::new(right),
        },
        Range::new(l, r),
    )
}

pub fn bool_op(op: BoolOp, first: Expr, rest: Vec<Expr>, l: u32, r: u32) -> Expr {
    let mut values = Vec::with_capacity(rest.len() + 1);
    values.push(first);
    values.extend(rest);
    Expr::new(ExprKind::BoolOp { op, values }, Range::new(l, r))
}

/// A suite of statements and the end of its last token. CPython ends a compound
/// statement (and an except handler) at the last token of its last block, which
/// may be a `;` after the last statement.
pub struct Block {
    pub body: Vec<Stmt>,
    pub end: u32,
}

impl Block {
    /// The statements of consecutive lines as one block.
    pub fn join(lines: Vec<Block>) -> Block {
        let end = lines.last().map_or(0, |b| b.end);
        let body = lines.into_iter().flat_map(|b| b.body).collect();
        Block { body, end }
    }
}

pub fn if_chain(
    l: u32,
    test: Expr,
    body: Block,
    elifs: Vec<(u32, Expr, Block)>,
    orelse: Option<Block>,
) -> Stmt {
    // Build from the last elif outwards: each elif is an If inside its parent's
    // orelse, and every If of the chain ends where the whole chain ends.
    let end = orelse
        .as_ref()
        .or(elifs.last().map(|e| &e.2))
        .unwrap_or(&body)
        .end;
    let mut tail = orelse.map(|o| o.body).unwrap_or_default();
    for (el, etest, ebody) in elifs.into_iter().rev() {
        tail = vec![Stmt::new(
            StmtKind::If {
                test: Box::new(etest),
                body: ebody.body,
                orelse: tail,
            },
            Range::new(el, end),
        )];
    }
    Stmt::new(
        StmtKind::If {
            test: Box::new(test),
            body: body.body,
            orelse: tail,
        },
        Range::new(l, end),
    )
}

pub fn decorate(decorators: Vec<Expr>, mut stmt: Stmt) -> Stmt {
    match &mut stmt.node {
        StmtKind::FunctionDef { decorator_list, .. }
        | StmtKind::ClassDef { decorator_list, .. } => *decorator_list = decorators,
        _ => unreachable!("only functions and classes are decorated"),
    }
    stmt
}

pub fn try_statement(
    l: u32,
    body: Block,
    handlers: Vec<(bool, ExceptHandler)>,
    orelse: Option<Block>,
    finalbody: Option<Block>,
) -> Res<Stmt> {
    let star = handlers.first().is_some_and(|h| h.0);
    if let Some((_, h)) = handlers.iter().find(|h| h.0 != star) {
        return Err(err(
            "cannot have both 'except' and 'except*' on the same 'try'",
            h.range.start,
            h.range.end,
        ));
    }
    let handlers: Vec<ExceptHandler> = handlers.into_iter().map(|h| h.1).collect();
    let r = finalbody
        .as_ref()
        .or(orelse.as_ref())
        .map(|b| b.end)
        .or(handlers.last().map(|h| h.range.end))
        .unwrap_or(body.end);
    Ok(Stmt::new(
        StmtKind::Try {
            star,
            body: body.body,
            handlers,
            orelse: orelse.map(|o| o.body).unwrap_or_default(),
            finalbody: finalbody.map(|f| f.body).unwrap_or_default(),
        },
        Range::new(l, r),
    ))
}

// ---------------------------------------------------------------- targets

/// The name CPython gives an expression kind in error messages.
pub fn expr_name(e: &Expr) -> &'static str {
    match &e.node {
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        ExprKind::Starred { .. } => "starred",
        ExprKind::Name { .. } => "name",
        ExprKind::List { .. } => "list",
        ExprKind::Tuple { .. } => "tuple",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::Call { .. } => "function call",
        ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Yield { .. } | ExprKind::YieldFrom { .. } => "yield expression",
        ExprKind::Await { .. } => "await expression",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::Dict { .. } => "dict literal",
        ExprKind::Set { .. } => "set display",
        ExprKind::JoinedStr { .. } | ExprKind::FormattedValue { .. } => "f-string expression",
        ExprKind::Constant { value, .. } => match value {
            Constant::None => "None",
            Constant::Bool(true) => "True",
            Constant::Bool(false) => "False",
            Constant::Ellipsis => "ellipsis",
            _ => "literal",
        },
        ExprKind::Compare { .. } => "comparison",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Slice { .. } => "slice",
    }
}

/// The first sub-expression that cannot be a target, depth first.
fn invalid_target(e: &Expr, del: bool) -> Option<&Expr> {
    match &e.node {
        ExprKind::Name { .. } | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => None,
        ExprKind::Starred { value, .. } if !del => invalid_target(value, del),
        ExprKind::Tuple { elts, .. } | ExprKind::List { elts, .. } => {
            elts.iter().find_map(|x| invalid_target(x, del))
        }
        _ => Some(e),
    }
}

/// Set the context of a valid target tree.
fn set_ctx(e: &mut Expr, new: ExprContext) {
    match &mut e.node {
        ExprKind::Name { ctx, .. }
        | ExprKind::Attribute { ctx, .. }
        | ExprKind::Subscript { ctx, .. } => *ctx = new,
        ExprKind::Starred { value, ctx } => {
            *ctx = new;
            set_ctx(value, new);
        }
        ExprKind::Tuple { elts, ctx } | ExprKind::List { elts, ctx } => {
            *ctx = new;
            for x in elts {
                set_ctx(x, new);
            }
        }
        _ => {}
    }
}

/// Make `e` an assignment target (`for`, `with ... as`, comprehension).
pub fn store_target(mut e: Expr) -> Res<Expr> {
    if let Some(bad) = invalid_target(&e, false) {
        return Err(err_at(format!("cannot assign to {}", expr_name(bad)), bad));
    }
    set_ctx(&mut e, ExprContext::Store);
    Ok(e)
}

/// A target on the left of `=`: like `store_target`, with CPython's hint when
/// the whole target is an expression someone may have meant to compare.
fn assign_target(mut e: Expr, first: bool) -> Res<Expr> {
    if matches!(e.node, ExprKind::Yield { .. } | ExprKind::YieldFrom { .. }) {
        return Err(err_at("assignment to yield expression not possible", &e));
    }
    if let ExprKind::Starred { .. } = e.node {
        return Err(err_at(
            "starred assignment target must be in a list or tuple",
            &e,
        ));
    }
    if let Some(bad) = invalid_target(&e, false) {
        let hint = first && std::ptr::eq(bad, &e) && hint_equality(bad);
        let msg = if hint {
            format!(
                "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                expr_name(bad)
            )
        } else {
            format!("cannot assign to {}", expr_name(bad))
        };
        return Err(err_at(msg, bad));
    }
    set_ctx(&mut e, ExprContext::Store);
    Ok(e)
}

/// CPython suggests `==` when the target is a bitwise-or level expression that
/// is not a display or a singleton.
fn hint_equality(e: &Expr) -> bool {
    !matches!(
        &e.node,
        ExprKind::Constant {
            value: Constant::None | Constant::Bool(_),
            ..
        } | ExprKind::GeneratorExp { .. }
            | ExprKind::Compare { .. }
            | ExprKind::IfExp { .. }
            | ExprKind::BoolOp { .. }
            | ExprKind::Lambda { .. }
            | ExprKind::NamedExpr { .. }
            | ExprKind::UnaryOp {
                op: UnaryOp::Not,
                ..
            }
    )
}

pub fn assign(first: Expr, mut rest: Vec<Expr>, l: u32, r: u32) -> Res<Stmt> {
    let value = rest.pop().expect("at least one '=' value");
    let mut targets = Vec::with_capacity(rest.len() + 1);
    targets.push(assign_target(first, true)?);
    for t in rest {
        targets.push(assign_target(t, false)?);
    }
    Ok(Stmt::new(
        StmtKind::Assign {
            targets,
            value: Box::new(value),
        },
        Range::new(l, r),
    ))
}

pub fn aug_assign(mut target: Expr, op: Operator, value: Expr, l: u32, r: u32) -> Res<Stmt> {
    match target.node {
        ExprKind::Name { .. } | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => {}
        _ => {
            let msg = format!(
                "'{}' is an illegal expression for augmented assignment",
                expr_name(&target)
            );
            return Err(err_at(msg, &target));
        }
    }
    set_ctx(&mut target, ExprContext::Store);
    Ok(Stmt::new(
        StmtKind::AugAssign {
            target: Box::new(target),
            op,
            value: Box::new(value),
        },
        Range::new(l, r),
    ))
}

pub fn ann_assign(
    mut target: Expr,
    annotation: Expr,
    value: Option<Expr>,
    l: u32,
    r: u32,
) -> Res<Stmt> {
    let simple = match &target.node {
        // A parenthesised name starts after the statement does.
        ExprKind::Name { .. } => target.range.start == l,
        ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => false,
        ExprKind::Tuple { .. } => {
            return Err(err_at(
                "only single target (not tuple) can be annotated",
                &target,
            ))
        }
        ExprKind::List { .. } => {
            return Err(err_at(
                "only single target (not list) can be annotated",
                &target,
            ))
        }
        _ => return Err(err_at("illegal target for annotation", &target)),
    };
    set_ctx(&mut target, ExprContext::Store);
    Ok(Stmt::new(
        StmtKind::AnnAssign {
            target: Box::new(target),
            annotation: Box::new(annotation),
            value: value.map(Box::new),
            simple,
        },
        Range::new(l, r),
    ))
}

pub fn delete(mut targets: Vec<Expr>, l: u32, r: u32) -> Res<Stmt> {
    for t in &mut targets {
        if let Some(bad) = invalid_target(t, true) {
            return Err(err_at(format!("cannot delete {}", expr_name(bad)), bad));
        }
        set_ctx(t, ExprContext::Del);
    }
    Ok(Stmt::new(StmtKind::Delete { targets }, Range::new(l, r)))
}

pub fn named_expr(mut target: Expr, value: Expr, l: u32, r: u32) -> Res<Expr> {
    if !matches!(target.node, ExprKind::Name { .. }) {
        let msg = format!(
            "cannot use assignment expressions with {}",
            expr_name(&target)
        );
        return Err(err_at(msg, &target));
    }
    set_ctx(&mut target, ExprContext::Store);
    Ok(Expr::new(
        ExprKind::NamedExpr {
            target: Box::new(target),
            value: Box::new(value),
        },
        Range::new(l, r),
    ))
}

// ---------------------------------------------------------------- parameters

/// One comma-separated item of a parameter list, before the order is checked.
#[derive(Debug)]
pub enum ParamItem {
    /// `name`, `name: ann`, with an optional default.
    Plain(Arg, Option<Expr>),
    /// `/` at `[l, r)`.
    Slash(u32, u32),
    /// `*` or `*name` at `[l, r)`.
    Star(Option<Arg>, u32, u32),
    /// `**name` at `[l, r)`.
    DoubleStar(Arg, u32, u32),
}

pub fn arguments(items: Vec<ParamItem>) -> Res<Arguments> {
    let mut a = Arguments::default();
    let mut seen_slash = false;
    let mut star: Option<(bool, u32, u32)> = None; // (named, l, r)
    let mut seen_kwarg = false;
    let mut seen_default = false;
    for item in items {
        if seen_kwarg {
            let (l, r) = item_range(&item);
            return Err(err("arguments cannot follow var-keyword argument", l, r));
        }
        match item {
            ParamItem::Plain(arg, default) => {
                if star.is_some() {
                    a.kw_defaults.push(default);
                    a.kwonlyargs.push(arg);
                } else {
                    match default {
                        Some(d) => {
                            seen_default = true;
                            a.defaults.push(d);
                        }
                        None if seen_default => {
                            return Err(err(
                                "non-default argument follows default argument",
                                arg.range.start,
                                arg.range.end,
                            ))
                        }
                        None => {}
                    }
                    a.args.push(arg);
                }
            }
            ParamItem::Slash(l, r) => {
                if seen_slash {
                    return Err(err("/ may appear only once", l, r));
                }
                if star.is_some() {
                    return Err(err("/ must be ahead of *", l, r));
                }
                if a.args.is_empty() {
                    return Err(err("at least one argument must precede /", l, r));
                }
                seen_slash = true;
                a.posonlyargs = std::mem::take(&mut a.args);
            }
            ParamItem::Star(arg, l, r) => {
                if star.is_some() {
                    return Err(err("* argument may appear only once", l, r));
                }
                star = Some((arg.is_some(), l, r));
                if let Some(arg) = arg {
                    a.vararg = Some(Box::new(arg));
                }
            }
            ParamItem::DoubleStar(arg, _, _) => {
                if let Some((false, l, r)) = star {
                    if a.kwonlyargs.is_empty() {
                        return Err(err("named arguments must follow bare *", l, r));
                    }
                }
                a.kwarg = Some(Box::new(arg));
                seen_kwarg = true;
            }
        }
    }
    if let Some((false, l, r)) = star {
        if a.kwonlyargs.is_empty() {
            return Err(err("named arguments must follow bare *", l, r));
        }
    }
    Ok(a)
}

fn item_range(item: &ParamItem) -> (u32, u32) {
    match item {
        ParamItem::Plain(arg, _) => (arg.range.start, arg.range.end),
        ParamItem::Slash(l, r) | ParamItem::Star(_, l, r) | ParamItem::DoubleStar(_, l, r) => {
            (*l, *r)
        }
    }
}

/// A lambda; `colon` is where its `:` is, which CPython blames for a bare `*`.
pub fn lambda(params: Option<Vec<ParamItem>>, body: Expr, colon: u32, l: u32, r: u32) -> Res<Expr> {
    let args = arguments(params.unwrap_or_default()).map_err(|e| match e {
        ParseError::User { error } if error.msg == "named arguments must follow bare *" => {
            err(error.msg, colon, colon)
        }
        other => other,
    })?;
    Ok(Expr::new(
        ExprKind::Lambda {
            args: Box::new(args),
            body: Box::new(body),
        },
        Range::new(l, r),
    ))
}

// ---------------------------------------------------------------- call arguments

/// One comma-separated item of a call's argument list.
#[derive(Debug)]
pub enum ArgItem {
    Positional(Expr),
    Genexp(Expr),
    /// `name=value`; the name is parsed as an expression so a bad one gets
    /// CPython's message.
    Keyword(Expr, Expr, u32, u32),
    Star(Expr, u32, u32),
    DoubleStar(Expr, u32, u32),
}

/// A bare generator expression must be the only argument.
pub fn check_genexp_args(items: Vec<ArgItem>, trailing_comma: bool) -> Res<Vec<ArgItem>> {
    if items.len() > 1 || trailing_comma {
        if let Some(ArgItem::Genexp(g)) = items.iter().find(|i| matches!(i, ArgItem::Genexp(_))) {
            return Err(err_at("Generator expression must be parenthesized", g));
        }
    }
    Ok(items)
}

/// A class's bases may not be a bare generator expression: `class A(x for x in y)`
/// is invalid syntax at the `for`.
pub fn no_bare_generator(items: &[ArgItem], src: &str) -> Res<()> {
    for item in items {
        if let ArgItem::Genexp(g) = item {
            if let ExprKind::GeneratorExp { elt, .. } = &g.node {
                let after = elt.range.end as usize;
                let at = after + src[after..].find("for").unwrap_or(0);
                return Err(err("invalid syntax", at as u32, at as u32 + 3));
            }
        }
    }
    Ok(())
}

/// `f(x for x in y)`: CPython's generator expression as the only argument spans
/// the call's parentheses, `[open, close)`.
pub fn sole_genexp_in(mut items: Vec<ArgItem>, open: u32, close: u32) -> Vec<ArgItem> {
    if let [ArgItem::Genexp(g)] = items.as_mut_slice() {
        g.range = Range::new(open, close);
    }
    items
}

/// Split call arguments into positional ones and keywords, checking their
/// order. `close` is the call's `)`, where CPython points for an ordering error.
pub fn call_args(items: Vec<ArgItem>, close: u32) -> Res<(Vec<Expr>, Vec<Keyword>)> {
    let mut args = Vec::new();
    let mut keywords = Vec::new();
    let mut seen_keyword = false;
    let mut seen_double_star = false;
    for item in items {
        match item {
            ArgItem::Positional(e) | ArgItem::Genexp(e) => {
                if seen_double_star {
                    let msg = "positional argument follows keyword argument unpacking";
                    return Err(err(msg, close, close));
                }
                if seen_keyword {
                    let msg = "positional argument follows keyword argument";
                    return Err(err(msg, close, close));
                }
                args.push(e);
            }
            ArgItem::Star(e, l, r) => {
                if seen_double_star {
                    let msg = "iterable argument unpacking follows keyword argument unpacking";
                    return Err(err(msg, l, l));
                }
                let starred = ExprKind::Starred {
                    value: Box::new(e),
                    ctx: ExprContext::Load,
                };
                args.push(Expr::new(starred, Range::new(l, r)));
            }
            ArgItem::Keyword(name, value, l, r) => {
                let id = match name.node {
                    ExprKind::Name { id, .. } => id,
                    ExprKind::Constant {
                        value: Constant::None | Constant::Bool(_),
                        ..
                    } => {
                        let msg = format!("cannot assign to {}", expr_name(&name));
                        return Err(err(msg, name.range.start, value.range.start));
                    }
                    _ => {
                        let msg = "expression cannot contain assignment, perhaps you meant \"==\"?";
                        return Err(err(msg, name.range.start, value.range.start));
                    }
                };
                seen_keyword = true;
                keywords.push(Keyword {
                    arg: Some(id),
                    value,
                    range: Range::new(l, r),
                });
            }
            ArgItem::DoubleStar(e, l, r) => {
                seen_double_star = true;
                keywords.push(Keyword {
                    arg: None,
                    value: e,
                    range: Range::new(l, r),
                });
            }
        }
    }
    Ok((args, keywords))
}

// ---------------------------------------------------------------- patterns

fn pattern(node: PatternKind, l: u32, r: u32) -> Pattern {
    Pattern {
        node,
        range: Range::new(l, r),
    }
}

pub fn capture_pattern(name: Ident, l: u32, r: u32) -> Pattern {
    let name = if &*name == "_" { None } else { Some(name) };
    pattern(
        PatternKind::MatchAs {
            pattern: None,
            name,
        },
        l,
        r,
    )
}

pub fn star_pattern(name: Ident, l: u32, r: u32) -> Pattern {
    let name = if &*name == "_" { None } else { Some(name) };
    pattern(PatternKind::MatchStar { name }, l, r)
}

pub fn as_pattern(p: Pattern, name: Ident, l: u32, r: u32) -> Res<Pattern> {
    if &*name == "_" {
        return Err(err("cannot use '_' as a target", r - 1, r));
    }
    Ok(pattern(
        PatternKind::MatchAs {
            pattern: Some(Box::new(p)),
            name: Some(name),
        },
        l,
        r,
    ))
}

pub fn sequence_pattern(first: Pattern, rest: Vec<Pattern>, l: u32, r: u32) -> Pattern {
    let mut patterns = Vec::with_capacity(rest.len() + 1);
    patterns.push(first);
    patterns.extend(rest);
    pattern(PatternKind::MatchSequence { patterns }, l, r)
}

pub fn complex_pattern(real: Expr, op: Operator, imag: Expr, l: u32, r: u32) -> Res<Expr> {
    let real_number = match &real.node {
        ExprKind::Constant { value, .. } => !matches!(value, Constant::Complex { .. }),
        ExprKind::UnaryOp { operand, .. } => !matches!(
            operand.node,
            ExprKind::Constant {
                value: Constant::Complex { .. },
                ..
            }
        ),
        _ => false,
    };
    if !real_number {
        return Err(err_at("real number required in complex literal", &real));
    }
    if !matches!(
        imag.node,
        ExprKind::Constant {
            value: Constant::Complex { .. },
            ..
        }
    ) {
        return Err(err_at(
            "imaginary number required in complex literal",
            &imag,
        ));
    }
    Ok(bin_op(real, op, imag, l, r))
}

pub fn class_pattern(
    cls: Expr,
    items: Vec<(Option<Ident>, Pattern)>,
    l: u32,
    r: u32,
) -> Res<Pattern> {
    let mut patterns = Vec::new();
    let mut kwd_attrs = Vec::new();
    let mut kwd_patterns = Vec::new();
    for (key, p) in items {
        match key {
            Some(name) => {
                kwd_attrs.push(name);
                kwd_patterns.push(p);
            }
            None if !kwd_attrs.is_empty() => {
                return Err(err(
                    "positional patterns follow keyword patterns",
                    p.range.start,
                    p.range.end,
                ))
            }
            None => patterns.push(p),
        }
    }
    Ok(pattern(
        PatternKind::MatchClass {
            cls: Box::new(cls),
            patterns,
            kwd_attrs,
            kwd_patterns,
        },
        l,
        r,
    ))
}
