//! The tree a pattern parses into. Flags that change how a piece matches
//! (IGNORECASE, MULTILINE, DOTALL, ASCII) are resolved into the nodes while
//! parsing, since scoped flags (`(?i:...)`) make them differ across a pattern.

/// `re` flag bits, as CPython numbers them.
pub mod flag {
    pub const TEMPLATE: u32 = 1;
    pub const IGNORECASE: u32 = 2;
    pub const LOCALE: u32 = 4;
    pub const MULTILINE: u32 = 8;
    pub const DOTALL: u32 = 16;
    pub const UNICODE: u32 = 32;
    pub const VERBOSE: u32 = 64;
    pub const DEBUG: u32 = 128;
    pub const ASCII: u32 = 256;
}

/// CPython's MAXREPEAT: repeat counts must stay below it.
pub const MAXREPEAT: u64 = 4_294_967_295;

/// How letters compare: exactly, ASCII case folded (bytes, `re.ASCII`), or
/// Unicode case folded.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Fold {
    Exact,
    Ascii,
    Unicode,
}

/// A character category escape (`\d`, `\W`, ...).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Category {
    Digit,
    NotDigit,
    Space,
    NotSpace,
    Word,
    NotWord,
}

/// One member of a character class.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum SetItem {
    Char(u32),
    Range(u32, u32),
    /// A category; `true` for Unicode rules, `false` for ASCII.
    Class(Category, bool),
}

/// A zero-width position test.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum At {
    /// `^` without MULTILINE, `\A`.
    Start,
    /// `^` with MULTILINE.
    LineStart,
    /// `$` without MULTILINE: the end, or before a final newline.
    End,
    /// `$` with MULTILINE.
    LineEnd,
    /// `\Z`.
    EndString,
    /// `\b` (`true`: Unicode word characters).
    Boundary(bool),
    /// `\B`.
    NotBoundary(bool),
}

/// How a repeat prefers its counts.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Greed {
    Greedy,
    Lazy,
    Possessive,
}

/// A parsed pattern.
#[derive(Clone, Debug)]
pub enum Node {
    /// A literal code point, compared with the fold given.
    Char(u32, Fold),
    /// `.`; `true` when DOTALL (also matches a newline).
    Any(bool),
    /// `[...]` or a category escape.
    Set {
        negate: bool,
        items: Vec<SetItem>,
        fold: Fold,
    },
    Cat(Vec<Node>),
    Alt(Vec<Node>),
    /// A group; `Some(n)` captures as group n.
    Group(Option<usize>, Box<Node>),
    Repeat {
        min: u64,
        /// `None`: unbounded.
        max: Option<u64>,
        greed: Greed,
        node: Box<Node>,
    },
    /// Lookahead or lookbehind.
    Look {
        behind: bool,
        negate: bool,
        node: Box<Node>,
    },
    /// `(?>...)`.
    Atomic(Box<Node>),
    /// `\1`, `(?P=name)`.
    Backref(usize, Fold),
    /// `(?(group)yes|no)`.
    Cond {
        group: usize,
        yes: Box<Node>,
        no: Box<Node>,
    },
    At(At),
}

impl Node {
    /// The shortest and longest text this can match (`MAXREPEAT` and above
    /// stands for unbounded), given the widths of the groups so far.
    pub fn width(&self, groups: &[Option<(u64, u64)>]) -> (u64, u64) {
        let cap = |v: u64| v.min(MAXREPEAT);
        match self {
            Node::Char(..) | Node::Any(_) | Node::Set { .. } => (1, 1),
            Node::Cat(items) => items.iter().fold((0, 0), |(lo, hi), n| {
                let (l, h) = n.width(groups);
                (cap(lo + l), cap(hi + h))
            }),
            Node::Alt(items) => {
                let mut lo = MAXREPEAT;
                let mut hi = 0;
                for n in items {
                    let (l, h) = n.width(groups);
                    lo = lo.min(l);
                    hi = hi.max(h);
                }
                (lo, hi)
            }
            Node::Group(_, n) | Node::Atomic(n) => n.width(groups),
            Node::Repeat { min, max, node, .. } => {
                let (l, h) = node.width(groups);
                let max = max.unwrap_or(MAXREPEAT);
                (cap(l.saturating_mul(*min)), cap(h.saturating_mul(max)))
            }
            Node::Look { .. } | Node::At(_) => (0, 0),
            Node::Backref(g, _) => groups.get(*g).copied().flatten().unwrap_or((0, 0)),
            Node::Cond { yes, no, .. } => {
                let (l1, h1) = yes.width(groups);
                let (l2, h2) = no.width(groups);
                (l1.min(l2), h1.max(h2))
            }
        }
    }
}
