//! The tokens the parser sees, after the layout pass.
//!
//! A token is a `Tok` with the byte range `[start, end)` of its text in the source.
//! Layout tokens (`Newline`, `Indent`, `Dedent`, `EndOfFile`) have empty or
//! whitespace ranges. Soft keywords (`match`, `case`) arrive as `Name` from the
//! lexer and are turned into `Match`/`Case` by the parser's token rewrite.

use num_bigint::BigInt;
use std::fmt;

/// The value of an integer literal: small ones stay unboxed.
#[derive(Debug, Clone, PartialEq)]
pub enum IntValue {
    /// Fits in an i64.
    Small(i64),
    /// Needs a big integer.
    Big(BigInt),
}

/// What kind of string literal a `Str` token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StrKind {
    /// `'...'`, `u'...'`, `r'...'`.
    Str,
    /// `b'...'`, `rb'...'`, `br'...'`.
    Bytes,
    /// `f'...'`, `rf'...'`, `fr'...'`.
    FStr,
}

/// One string literal token, undecoded: the parser decodes (and joins adjacent
/// literals) with [`crate::literal`], because f-strings need the parser anyway.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StrToken {
    /// str, bytes or f-string.
    pub kind: StrKind,
    /// The literal had an `r`/`R` prefix: backslashes are kept.
    pub raw: bool,
    /// The literal had a `u`/`U` prefix (the ast records `kind='u'`).
    pub unicode: bool,
    /// Triple quoted.
    pub triple: bool,
    /// The quote character, `'` or `"`.
    pub quote: u8,
    /// Byte offset of the first character after the opening quote(s).
    pub body_start: u32,
    /// Byte offset of the closing quote(s).
    pub body_end: u32,
}

impl StrToken {
    /// Byte offset just past the closing quote(s).
    pub fn token_end(&self) -> u32 {
        self.body_end + if self.triple { 3 } else { 1 }
    }

    /// Byte offset of the token's first character, its prefix included.
    pub fn token_start(&self, source: &str) -> u32 {
        let quotes = if self.triple { 3 } else { 1 };
        let before = &source.as_bytes()[..(self.body_start - quotes) as usize];
        let prefix = before
            .iter()
            .rev()
            .take_while(|b| b"rRbBuUfF".contains(b))
            .count();
        self.body_start - quotes - prefix as u32
    }
}

/// A token as the parser consumes it.
#[derive(Debug, Clone, PartialEq)]
pub enum Tok {
    // ---- names and literals ----
    /// An identifier, already NFKC-normalised as CPython does.
    Name(Box<str>),
    /// An integer literal.
    Int(IntValue),
    /// A float literal.
    Float(f64),
    /// An imaginary literal such as `2j`: the value is the imaginary part.
    Imag(f64),
    /// A string, bytes or f-string literal (one token per quoted piece).
    Str(StrToken),

    // ---- layout ----
    /// End of a logical line.
    Newline,
    /// The indentation grew.
    Indent,
    /// The indentation shrank by one level.
    Dedent,
    /// End of input (emitted once, after the final `Newline` and `Dedent`s).
    EndOfFile,

    // ---- keywords ----
    False,
    None,
    True,
    And,
    As,
    Assert,
    Async,
    Await,
    Break,
    Class,
    Continue,
    Def,
    Del,
    Elif,
    Else,
    Except,
    Finally,
    For,
    From,
    Global,
    If,
    Import,
    In,
    Is,
    Lambda,
    Nonlocal,
    Not,
    Or,
    Pass,
    Raise,
    Return,
    Try,
    While,
    With,
    Yield,
    /// Soft keyword `match`, produced by the parser's token rewrite.
    Match,
    /// Soft keyword `case`, produced by the parser's token rewrite.
    Case,
    /// The `(` right after `with` that opens a parenthesised list of with-items,
    /// produced by the parser's token rewrite.
    WithLpar,

    // ---- operators and delimiters ----
    Plus,
    Minus,
    Star,
    DoubleStar,
    Slash,
    DoubleSlash,
    Percent,
    At,
    LeftShift,
    RightShift,
    Amper,
    VBar,
    CircumFlex,
    Tilde,
    ColonEqual,
    Less,
    Greater,
    LessEqual,
    GreaterEqual,
    EqEqual,
    NotEqual,
    Lpar,
    Rpar,
    Lsqb,
    Rsqb,
    Lbrace,
    Rbrace,
    Comma,
    Colon,
    Dot,
    Ellipsis,
    Semi,
    Equal,
    Rarrow,
    PlusEqual,
    MinusEqual,
    StarEqual,
    SlashEqual,
    DoubleSlashEqual,
    PercentEqual,
    AtEqual,
    AmperEqual,
    VBarEqual,
    CircumflexEqual,
    LeftShiftEqual,
    RightShiftEqual,
    DoubleStarEqual,
}

impl Tok {
    /// The keyword token for `word`, if it is one of Python's hard keywords.
    pub fn keyword(word: &str) -> Option<Tok> {
        Some(match word {
            "False" => Tok::False,
            "None" => Tok::None,
            "True" => Tok::True,
            "and" => Tok::And,
            "as" => Tok::As,
            "assert" => Tok::Assert,
            "async" => Tok::Async,
            "await" => Tok::Await,
            "break" => Tok::Break,
            "class" => Tok::Class,
            "continue" => Tok::Continue,
            "def" => Tok::Def,
            "del" => Tok::Del,
            "elif" => Tok::Elif,
            "else" => Tok::Else,
            "except" => Tok::Except,
            "finally" => Tok::Finally,
            "for" => Tok::For,
            "from" => Tok::From,
            "global" => Tok::Global,
            "if" => Tok::If,
            "import" => Tok::Import,
            "in" => Tok::In,
            "is" => Tok::Is,
            "lambda" => Tok::Lambda,
            "nonlocal" => Tok::Nonlocal,
            "not" => Tok::Not,
            "or" => Tok::Or,
            "pass" => Tok::Pass,
            "raise" => Tok::Raise,
            "return" => Tok::Return,
            "try" => Tok::Try,
            "while" => Tok::While,
            "with" => Tok::With,
            "yield" => Tok::Yield,
            _ => return None,
        })
    }

    /// The source spelling of a keyword, operator or delimiter; a short
    /// description for the rest (used in error messages).
    pub fn text(&self) -> &'static str {
        match self {
            Tok::Name(_) => "name",
            Tok::Int(_) | Tok::Float(_) | Tok::Imag(_) => "number",
            Tok::Str(_) => "string",
            Tok::Newline => "newline",
            Tok::Indent => "indent",
            Tok::Dedent => "dedent",
            Tok::EndOfFile => "end of file",
            Tok::False => "False",
            Tok::None => "None",
            Tok::True => "True",
            Tok::And => "and",
            Tok::As => "as",
            Tok::Assert => "assert",
            Tok::Async => "async",
            Tok::Await => "await",
            Tok::Break => "break",
            Tok::Class => "class",
            Tok::Continue => "continue",
            Tok::Def => "def",
            Tok::Del => "del",
            Tok::Elif => "elif",
            Tok::Else => "else",
            Tok::Except => "except",
            Tok::Finally => "finally",
            Tok::For => "for",
            Tok::From => "from",
            Tok::Global => "global",
            Tok::If => "if",
            Tok::Import => "import",
            Tok::In => "in",
            Tok::Is => "is",
            Tok::Lambda => "lambda",
            Tok::Nonlocal => "nonlocal",
            Tok::Not => "not",
            Tok::Or => "or",
            Tok::Pass => "pass",
            Tok::Raise => "raise",
            Tok::Return => "return",
            Tok::Try => "try",
            Tok::While => "while",
            Tok::With => "with",
            Tok::Yield => "yield",
            Tok::Match => "match",
            Tok::Case => "case",
            Tok::WithLpar => "(",
            Tok::Plus => "+",
            Tok::Minus => "-",
            Tok::Star => "*",
            Tok::DoubleStar => "**",
            Tok::Slash => "/",
            Tok::DoubleSlash => "//",
            Tok::Percent => "%",
            Tok::At => "@",
            Tok::LeftShift => "<<",
            Tok::RightShift => ">>",
            Tok::Amper => "&",
            Tok::VBar => "|",
            Tok::CircumFlex => "^",
            Tok::Tilde => "~",
            Tok::ColonEqual => ":=",
            Tok::Less => "<",
            Tok::Greater => ">",
            Tok::LessEqual => "<=",
            Tok::GreaterEqual => ">=",
            Tok::EqEqual => "==",
            Tok::NotEqual => "!=",
            Tok::Lpar => "(",
            Tok::Rpar => ")",
            Tok::Lsqb => "[",
            Tok::Rsqb => "]",
            Tok::Lbrace => "{",
            Tok::Rbrace => "}",
            Tok::Comma => ",",
            Tok::Colon => ":",
            Tok::Dot => ".",
            Tok::Ellipsis => "...",
            Tok::Semi => ";",
            Tok::Equal => "=",
            Tok::Rarrow => "->",
            Tok::PlusEqual => "+=",
            Tok::MinusEqual => "-=",
            Tok::StarEqual => "*=",
            Tok::SlashEqual => "/=",
            Tok::DoubleSlashEqual => "//=",
            Tok::PercentEqual => "%=",
            Tok::AtEqual => "@=",
            Tok::AmperEqual => "&=",
            Tok::VBarEqual => "|=",
            Tok::CircumflexEqual => "^=",
            Tok::LeftShiftEqual => "<<=",
            Tok::RightShiftEqual => ">>=",
            Tok::DoubleStarEqual => "**=",
        }
    }
}

impl fmt::Display for Tok {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Tok::Name(n) => write!(f, "{n}"),
            other => f.write_str(other.text()),
        }
    }
}

/// A token and the byte range of its text.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    /// The token.
    pub tok: Tok,
    /// Byte offset where it starts.
    pub start: u32,
    /// Byte offset just past its end.
    pub end: u32,
}
