//! The abstract syntax tree, shaped as CPython 3.11's `ast` module: node and field
//! names follow its ASDL (Python/Python.asdl) so `ast.dump` output can be matched
//! field for field.
//!
//! Every statement, expression, argument, keyword, alias, except handler and
//! pattern carries the byte range of its source text; line and column come from a
//! `LineIndex` when an error or a traceback needs them.

use gilt_lexer::{IntValue, Wtf8Buf};

/// Byte range `[start, end)` of a node's source text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Range {
    /// Offset of the first byte.
    pub start: u32,
    /// Offset just past the last byte.
    pub end: u32,
}

impl Range {
    /// The range `[start, end)`.
    pub fn new(start: u32, end: u32) -> Range {
        Range { start, end }
    }
}

/// An identifier.
pub type Ident = Box<str>;

/// A module: the result of parsing a file (`mod = Module(...)`).
#[derive(Debug, Clone, PartialEq)]
pub struct Module {
    /// The statements.
    pub body: Vec<Stmt>,
}

/// A statement and where it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Stmt {
    /// What the statement is.
    pub node: StmtKind,
    /// Its source range.
    pub range: Range,
}

/// The statement forms of the `stmt` ASDL type.
#[derive(Debug, Clone, PartialEq)]
pub enum StmtKind {
    /// `def name(args) -> returns: body`; `is_async` selects AsyncFunctionDef.
    FunctionDef {
        is_async: bool,
        name: Ident,
        args: Box<Arguments>,
        body: Vec<Stmt>,
        decorator_list: Vec<Expr>,
        returns: Option<Box<Expr>>,
    },
    /// `class name(bases, keywords): body`.
    ClassDef {
        name: Ident,
        bases: Vec<Expr>,
        keywords: Vec<Keyword>,
        body: Vec<Stmt>,
        decorator_list: Vec<Expr>,
    },
    /// `return value`.
    Return { value: Option<Box<Expr>> },
    /// `del targets`.
    Delete { targets: Vec<Expr> },
    /// `t1 = t2 = value`.
    Assign {
        targets: Vec<Expr>,
        value: Box<Expr>,
    },
    /// `target op= value`.
    AugAssign {
        target: Box<Expr>,
        op: Operator,
        value: Box<Expr>,
    },
    /// `target: annotation = value`; `simple` is true for a bare name target.
    AnnAssign {
        target: Box<Expr>,
        annotation: Box<Expr>,
        value: Option<Box<Expr>>,
        simple: bool,
    },
    /// `for target in iter: body else: orelse`; `is_async` selects AsyncFor.
    For {
        is_async: bool,
        target: Box<Expr>,
        iter: Box<Expr>,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    /// `while test: body else: orelse`.
    While {
        test: Box<Expr>,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    /// `if test: body else: orelse` (an `elif` is a nested If in orelse).
    If {
        test: Box<Expr>,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    /// `with items: body`; `is_async` selects AsyncWith.
    With {
        is_async: bool,
        items: Vec<WithItem>,
        body: Vec<Stmt>,
    },
    /// `match subject: cases`.
    Match {
        subject: Box<Expr>,
        cases: Vec<MatchCase>,
    },
    /// `raise exc from cause`.
    Raise {
        exc: Option<Box<Expr>>,
        cause: Option<Box<Expr>>,
    },
    /// `try` with handlers, else and finally; `star` selects TryStar (`except*`).
    Try {
        star: bool,
        body: Vec<Stmt>,
        handlers: Vec<ExceptHandler>,
        orelse: Vec<Stmt>,
        finalbody: Vec<Stmt>,
    },
    /// `assert test, msg`.
    Assert {
        test: Box<Expr>,
        msg: Option<Box<Expr>>,
    },
    /// `import a.b as c, d`.
    Import { names: Vec<Alias> },
    /// `from ..module import names`.
    ImportFrom {
        module: Option<Ident>,
        names: Vec<Alias>,
        level: u32,
    },
    /// `global names`.
    Global { names: Vec<Ident> },
    /// `nonlocal names`.
    Nonlocal { names: Vec<Ident> },
    /// An expression statement.
    Expr { value: Box<Expr> },
    /// `pass`.
    Pass,
    /// `break`.
    Break,
    /// `continue`.
    Continue,
}

/// An expression and where it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    /// What the expression is.
    pub node: ExprKind,
    /// Its source range.
    pub range: Range,
}

/// The expression forms of the `expr` ASDL type.
#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind {
    /// `a and b and c`.
    BoolOp { op: BoolOp, values: Vec<Expr> },
    /// `target := value`.
    NamedExpr { target: Box<Expr>, value: Box<Expr> },
    /// `left op right`.
    BinOp {
        left: Box<Expr>,
        op: Operator,
        right: Box<Expr>,
    },
    /// `op operand`.
    UnaryOp { op: UnaryOp, operand: Box<Expr> },
    /// `lambda args: body`.
    Lambda {
        args: Box<Arguments>,
        body: Box<Expr>,
    },
    /// `body if test else orelse`.
    IfExp {
        test: Box<Expr>,
        body: Box<Expr>,
        orelse: Box<Expr>,
    },
    /// `{k: v, **m}`: a `None` key is a `**` unpacking.
    Dict {
        keys: Vec<Option<Expr>>,
        values: Vec<Expr>,
    },
    /// `{a, b}`.
    Set { elts: Vec<Expr> },
    /// `[elt for ...]`.
    ListComp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    /// `{elt for ...}`.
    SetComp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    /// `{key: value for ...}`.
    DictComp {
        key: Box<Expr>,
        value: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    /// `(elt for ...)`.
    GeneratorExp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    /// `await value`.
    Await { value: Box<Expr> },
    /// `yield value`.
    Yield { value: Option<Box<Expr>> },
    /// `yield from value`.
    YieldFrom { value: Box<Expr> },
    /// `left op1 c1 op2 c2`.
    Compare {
        left: Box<Expr>,
        ops: Vec<CmpOp>,
        comparators: Vec<Expr>,
    },
    /// `func(args, keywords)`.
    Call {
        func: Box<Expr>,
        args: Vec<Expr>,
        keywords: Vec<Keyword>,
    },
    /// A replacement field of an f-string; `conversion` is -1 or the char code of
    /// `s`, `r` or `a`.
    FormattedValue {
        value: Box<Expr>,
        conversion: i32,
        format_spec: Option<Box<Expr>>,
    },
    /// An f-string: Constant and FormattedValue parts.
    JoinedStr { values: Vec<Expr> },
    /// A literal; `kind_u` is true for a `u'...'` string (ast's `kind='u'`).
    Constant { value: Constant, kind_u: bool },
    /// `value.attr`.
    Attribute {
        value: Box<Expr>,
        attr: Ident,
        ctx: ExprContext,
    },
    /// `value[slice]`.
    Subscript {
        value: Box<Expr>,
        slice: Box<Expr>,
        ctx: ExprContext,
    },
    /// `*value`.
    Starred { value: Box<Expr>, ctx: ExprContext },
    /// A name.
    Name { id: Ident, ctx: ExprContext },
    /// `[elts]`.
    List { elts: Vec<Expr>, ctx: ExprContext },
    /// `(elts)` or `a, b`.
    Tuple { elts: Vec<Expr>, ctx: ExprContext },
    /// `lower:upper:step` inside a subscript.
    Slice {
        lower: Option<Box<Expr>>,
        upper: Option<Box<Expr>>,
        step: Option<Box<Expr>>,
    },
}

/// A constant value.
#[derive(Debug, Clone, PartialEq)]
pub enum Constant {
    /// `None`.
    None,
    /// `True` / `False`.
    Bool(bool),
    /// An integer.
    Int(IntValue),
    /// A float.
    Float(f64),
    /// An imaginary number `0+xj` (literals have no real part).
    Complex { real: f64, imag: f64 },
    /// A str (may hold lone surrogates).
    Str(Wtf8Buf),
    /// A bytes object.
    Bytes(Vec<u8>),
    /// `...`.
    Ellipsis,
}

/// `Load`, `Store` or `Del`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExprContext {
    Load,
    Store,
    Del,
}

/// `and` / `or`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BoolOp {
    And,
    Or,
}

/// Binary operators, named as the ast module names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Operator {
    Add,
    Sub,
    Mult,
    MatMult,
    Div,
    Mod,
    Pow,
    LShift,
    RShift,
    BitOr,
    BitXor,
    BitAnd,
    FloorDiv,
}

/// Unary operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnaryOp {
    Invert,
    Not,
    UAdd,
    USub,
}

/// Comparison operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    NotEq,
    Lt,
    LtE,
    Gt,
    GtE,
    Is,
    IsNot,
    In,
    NotIn,
}

/// One `for target in iter if ifs` clause of a comprehension.
#[derive(Debug, Clone, PartialEq)]
pub struct Comprehension {
    pub target: Expr,
    pub iter: Expr,
    pub ifs: Vec<Expr>,
    pub is_async: bool,
}

/// `except type as name: body`.
#[derive(Debug, Clone, PartialEq)]
pub struct ExceptHandler {
    pub type_: Option<Box<Expr>>,
    pub name: Option<Ident>,
    pub body: Vec<Stmt>,
    pub range: Range,
}

/// The parameters of a function or lambda. `kw_defaults` has one entry per
/// keyword-only parameter; `defaults` belong to the last positional ones.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Arguments {
    pub posonlyargs: Vec<Arg>,
    pub args: Vec<Arg>,
    pub vararg: Option<Box<Arg>>,
    pub kwonlyargs: Vec<Arg>,
    pub kw_defaults: Vec<Option<Expr>>,
    pub kwarg: Option<Box<Arg>>,
    pub defaults: Vec<Expr>,
}

/// One parameter.
#[derive(Debug, Clone, PartialEq)]
pub struct Arg {
    pub arg: Ident,
    pub annotation: Option<Box<Expr>>,
    pub range: Range,
}

/// `arg=value` in a call or class definition; `**value` when `arg` is None.
#[derive(Debug, Clone, PartialEq)]
pub struct Keyword {
    pub arg: Option<Ident>,
    pub value: Expr,
    pub range: Range,
}

/// `name as asname` in an import.
#[derive(Debug, Clone, PartialEq)]
pub struct Alias {
    pub name: Ident,
    pub asname: Option<Ident>,
    pub range: Range,
}

/// `context_expr as optional_vars` in a with statement.
#[derive(Debug, Clone, PartialEq)]
pub struct WithItem {
    pub context_expr: Expr,
    pub optional_vars: Option<Box<Expr>>,
}

/// `case pattern if guard: body`.
#[derive(Debug, Clone, PartialEq)]
pub struct MatchCase {
    pub pattern: Pattern,
    pub guard: Option<Box<Expr>>,
    pub body: Vec<Stmt>,
}

/// A pattern and where it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Pattern {
    /// What the pattern is.
    pub node: PatternKind,
    /// Its source range.
    pub range: Range,
}

/// The pattern forms of the `pattern` ASDL type.
#[derive(Debug, Clone, PartialEq)]
pub enum PatternKind {
    /// A literal or dotted name compared with `==`.
    MatchValue { value: Box<Expr> },
    /// `None`, `True`, `False`, compared with `is`.
    MatchSingleton { value: Constant },
    /// `[p, *rest]` or `(p, q)`.
    MatchSequence { patterns: Vec<Pattern> },
    /// `{key: p, **rest}`.
    MatchMapping {
        keys: Vec<Expr>,
        patterns: Vec<Pattern>,
        rest: Option<Ident>,
    },
    /// `Cls(p, attr=q)`.
    MatchClass {
        cls: Box<Expr>,
        patterns: Vec<Pattern>,
        kwd_attrs: Vec<Ident>,
        kwd_patterns: Vec<Pattern>,
    },
    /// `*name` (`*_` has no name).
    MatchStar { name: Option<Ident> },
    /// `p as name`, a capture `name`, or the wildcard `_` (both None).
    MatchAs {
        pattern: Option<Box<Pattern>>,
        name: Option<Ident>,
    },
    /// `p | q`.
    MatchOr { patterns: Vec<Pattern> },
}

impl Expr {
    /// An expression node.
    pub fn new(node: ExprKind, range: Range) -> Expr {
        Expr { node, range }
    }
}

impl Stmt {
    /// A statement node.
    pub fn new(node: StmtKind, range: Range) -> Stmt {
        Stmt { node, range }
    }
}
