//! Parsing a pattern into a [`Node`] tree, following CPython 3.11's
//! `re._parser`: the same tokens (a character, or a backslash and the
//! character after it), the same checks in the same order, so errors carry
//! CPython's messages and positions. Nesting is bounded (CPython would run
//! out of Python recursion), so parsing never exhausts the Rust stack.

use super::node::{flag, At, Category, Fold, Greed, Node, SetItem, MAXREPEAT};

/// Why a pattern does not compile.
#[derive(Debug, PartialEq)]
pub enum Error {
    /// `re.error(msg, pattern, pos)`; no position when `pos` is None.
    Re { msg: String, pos: Option<usize> },
    /// OverflowError (a repeat count too large).
    Overflow(String),
    /// ValueError (incompatible flags).
    Value(String),
    /// RecursionError (nesting too deep).
    Recursion,
}

type Result<T> = std::result::Result<T, Error>;

/// Deepest group nesting accepted (CPython fails near here by recursion).
const MAX_NESTING: usize = 1000;

/// What `parse` found out besides the tree.
pub struct Parsed {
    pub node: Node,
    /// The flags after inline global flags, fixed for the pattern's type.
    pub flags: u32,
    /// Capturing groups (not counting group 0).
    pub groups: usize,
    /// Group names with their numbers, in order of definition.
    pub names: Vec<(String, usize)>,
    /// Each group's width range (index 0 is group 0, unused).
    pub widths: Vec<Option<(u64, u64)>>,
}

/// A token: a plain character, or `\` with the character after it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Tok {
    Char(char),
    Esc(char),
}

impl Tok {
    fn len(self) -> usize {
        match self {
            Tok::Char(_) => 1,
            Tok::Esc(_) => 2,
        }
    }

    fn text(self) -> String {
        match self {
            Tok::Char(c) => c.to_string(),
            Tok::Esc(c) => format!("\\{c}"),
        }
    }
}

/// The pattern's characters and a cursor holding the next token.
struct Source<'a> {
    chars: &'a [char],
    /// Index just after `next`.
    index: usize,
    next: Option<Tok>,
    /// A str pattern (bytes patterns are read as Latin-1).
    text: bool,
}

fn err<T>(msg: impl Into<String>, pos: usize) -> Result<T> {
    Err(Error::Re {
        msg: msg.into(),
        pos: Some(pos),
    })
}

impl<'a> Source<'a> {
    fn new(chars: &'a [char], text: bool) -> Result<Source<'a>> {
        let mut s = Source {
            chars,
            index: 0,
            next: None,
            text,
        };
        s.advance()?;
        Ok(s)
    }

    fn advance(&mut self) -> Result<()> {
        let i = self.index;
        let Some(&c) = self.chars.get(i) else {
            self.next = None;
            return Ok(());
        };
        if c == '\\' {
            let Some(&e) = self.chars.get(i + 1) else {
                return err("bad escape (end of pattern)", self.chars.len() - 1);
            };
            self.next = Some(Tok::Esc(e));
            self.index = i + 2;
        } else {
            self.next = Some(Tok::Char(c));
            self.index = i + 1;
        }
        Ok(())
    }

    fn tell(&self) -> usize {
        self.index - self.next.map_or(0, Tok::len)
    }

    fn get(&mut self) -> Result<Option<Tok>> {
        let t = self.next;
        self.advance()?;
        Ok(t)
    }

    /// Take the next token if it is the plain character `c`.
    fn eat(&mut self, c: char) -> Result<bool> {
        if self.next == Some(Tok::Char(c)) {
            self.advance()?;
            return Ok(true);
        }
        Ok(false)
    }

    fn next_is(&self, pred: impl Fn(char) -> bool) -> bool {
        matches!(self.next, Some(Tok::Char(c)) if pred(c))
    }

    fn seek(&mut self, index: usize) -> Result<()> {
        self.index = index;
        self.advance()
    }

    /// Up to `n` plain characters satisfying `pred`.
    fn get_while(&mut self, n: usize, pred: impl Fn(char) -> bool) -> Result<String> {
        let mut out = String::new();
        for _ in 0..n {
            match self.next {
                Some(Tok::Char(c)) if pred(c) => {
                    out.push(c);
                    self.advance()?;
                }
                _ => break,
            }
        }
        Ok(out)
    }

    /// Characters up to `terminator` (a name in `(?P<name>`).
    fn get_until(&mut self, terminator: char, name: &str) -> Result<String> {
        let mut out = String::new();
        loop {
            let t = self.next;
            self.advance()?;
            match t {
                None => {
                    if out.is_empty() {
                        return err(format!("missing {name}"), self.tell());
                    }
                    return err(
                        format!("missing {terminator}, unterminated name"),
                        self.tell() - out.chars().count(),
                    );
                }
                Some(Tok::Char(c)) if c == terminator => {
                    if out.is_empty() {
                        return err(format!("missing {name}"), self.tell() - 1);
                    }
                    return Ok(out);
                }
                Some(t) => out.push_str(&t.text()),
            }
        }
    }

    /// An error `offset` characters before the cursor; for bytes patterns
    /// non-ASCII text in the message is escaped as CPython does.
    fn error<T>(&self, msg: String, offset: usize) -> Result<T> {
        let msg = if self.text {
            msg
        } else {
            escape_non_ascii(&msg)
        };
        err(msg, self.tell() - offset)
    }

    fn check_group_name(&self, name: &str, offset: usize) -> Result<()> {
        if !is_identifier(name) {
            return self.error(
                format!("bad character in group name {}", py_repr(name)),
                name.chars().count() + offset,
            );
        }
        Ok(())
    }
}

/// `str.isidentifier()`, close enough for group names.
pub fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    match chars.next() {
        Some(c) if c == '_' || c.is_alphabetic() => {}
        _ => return false,
    }
    chars.all(|c| c == '_' || c.is_alphanumeric())
}

/// `repr()` of a str, as error messages quote names.
pub fn py_repr(s: &str) -> String {
    gilt_vm::object::str::repr(s)
}

fn escape_non_ascii(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        match c as u32 {
            0..=0x7f => out.push(c),
            n @ 0x80..=0xff => out.push_str(&format!("\\x{n:02x}")),
            n @ 0x100..=0xffff => out.push_str(&format!("\\u{n:04x}")),
            n => out.push_str(&format!("\\U{n:08x}")),
        }
    }
    out
}

/// Parser state shared by every level.
struct State {
    flags: u32,
    names: Vec<(String, usize)>,
    /// Width of each group once closed (index 0 is group 0).
    widths: Vec<Option<(u64, u64)>>,
    lookbehind_groups: Option<usize>,
    /// Groups named by number in conditionals, with where, checked at the end.
    cond_refs: Vec<(usize, usize)>,
}

impl State {
    fn groups(&self) -> usize {
        self.widths.len()
    }

    fn check_group(&self, gid: usize) -> bool {
        gid < self.groups() && self.widths[gid].is_some()
    }

    fn check_lookbehind_group(&self, gid: usize, source: &Source) -> Result<()> {
        if let Some(first) = self.lookbehind_groups {
            if !self.check_group(gid) {
                return source.error("cannot refer to an open group".into(), 0);
            }
            if gid >= first {
                return source.error(
                    "cannot refer to group defined in the same lookbehind subpattern".into(),
                    0,
                );
            }
        }
        Ok(())
    }
}

/// How the flags in force make a piece match.
#[derive(Clone, Copy)]
struct Mode {
    flags: u32,
    text: bool,
}

impl Mode {
    fn unicode(self) -> bool {
        if self.flags & flag::UNICODE != 0 {
            return true;
        }
        self.text && self.flags & (flag::ASCII | flag::LOCALE) == 0
    }

    fn fold(self) -> Fold {
        if self.flags & flag::IGNORECASE == 0 {
            Fold::Exact
        } else if self.unicode() {
            Fold::Unicode
        } else {
            Fold::Ascii
        }
    }

    fn with(self, add: u32, del: u32) -> Mode {
        Mode {
            flags: (self.flags | add) & !del,
            text: self.text,
        }
    }
}

const WHITESPACE: &str = " \t\n\r\x0b\x0c";
const SPECIAL: &str = ".\\[{()*+?^$|";

/// Parse `pattern` (a str's characters, or a bytes pattern read as Latin-1)
/// with the compile flags `flags`.
pub fn parse(pattern: &[char], text: bool, flags: u32) -> Result<Parsed> {
    let mut source = Source::new(pattern, text)?;
    let mut state = State {
        flags,
        names: Vec::new(),
        widths: vec![None],
        lookbehind_groups: None,
        cond_refs: Vec::new(),
    };
    let node = parse_sub(&mut source, &mut state, flags & flag::VERBOSE != 0, 0, None)?;
    let flags = fix_flags(text, state.flags)?;
    if source.next.is_some() {
        return source.error("unbalanced parenthesis".into(), 0);
    }
    for &(g, pos) in &state.cond_refs {
        if g >= state.groups() {
            return err(format!("invalid group reference {g}"), pos);
        }
    }
    Ok(Parsed {
        node,
        flags,
        groups: state.groups() - 1,
        names: state.names,
        widths: state.widths,
    })
}

/// Check the ASCII/UNICODE/LOCALE flags against the pattern's type, and add
/// UNICODE to a str pattern's flags unless it asked for ASCII.
pub fn fix_flags(text: bool, mut flags: u32) -> Result<u32> {
    let value = |m: &str| Err(Error::Value(m.into()));
    if text {
        if flags & flag::LOCALE != 0 {
            return value("cannot use LOCALE flag with a str pattern");
        }
        if flags & flag::ASCII == 0 {
            flags |= flag::UNICODE;
        } else if flags & flag::UNICODE != 0 {
            return value("ASCII and UNICODE flags are incompatible");
        }
    } else {
        if flags & flag::UNICODE != 0 {
            return value("cannot use UNICODE flag with a bytes pattern");
        }
        if flags & flag::LOCALE != 0 && flags & flag::ASCII != 0 {
            return value("ASCII and LOCALE flags are incompatible");
        }
    }
    Ok(flags)
}

/// An alternation `a|b|c`. `scoped` holds the flags of an enclosing scoped
/// group (None at the top, where the state's flags apply).
fn parse_sub(
    source: &mut Source,
    state: &mut State,
    mut verbose: bool,
    nested: usize,
    scoped: Option<u32>,
) -> Result<Node> {
    if nested > MAX_NESTING {
        return Err(Error::Recursion);
    }
    let mut items = Vec::new();
    loop {
        let first = nested == 0 && items.is_empty();
        items.push(parse_seq(
            source,
            state,
            verbose,
            nested + 1,
            first,
            scoped,
        )?);
        if !source.eat('|')? {
            break;
        }
        if nested == 0 {
            verbose = state.flags & flag::VERBOSE != 0;
        }
    }
    Ok(if items.len() == 1 {
        items.pop().expect("one item")
    } else {
        Node::Alt(items)
    })
}

fn parse_seq(
    source: &mut Source,
    state: &mut State,
    mut verbose: bool,
    nested: usize,
    first: bool,
    scoped: Option<u32>,
) -> Result<Node> {
    let mut items: Vec<Node> = Vec::new();
    loop {
        let mode = Mode {
            flags: scoped.unwrap_or(state.flags),
            text: source.text,
        };
        let Some(this) = source.next else { break };
        if matches!(this, Tok::Char('|' | ')')) {
            break;
        }
        source.get()?;
        if verbose {
            if let Tok::Char(c) = this {
                if WHITESPACE.contains(c) {
                    continue;
                }
                if c == '#' {
                    loop {
                        match source.get()? {
                            None | Some(Tok::Char('\n')) => break,
                            _ => {}
                        }
                    }
                    continue;
                }
            }
        }
        let c = match this {
            Tok::Esc(e) => {
                items.push(escape(source, state, e, mode)?);
                continue;
            }
            Tok::Char(c) if !SPECIAL.contains(c) => {
                items.push(Node::Char(c as u32, mode.fold()));
                continue;
            }
            Tok::Char(c) => c,
        };
        match c {
            '[' => items.push(parse_set(source, mode)?),
            '?' | '*' | '+' | '{' => {
                if !parse_repeat(source, c, &mut items)? {
                    items.push(Node::Char('{' as u32, mode.fold()));
                }
            }
            '.' => items.push(Node::Any(mode.flags & flag::DOTALL != 0)),
            '(' => {
                let start = source.tell() - 1;
                match parse_group(source, state, verbose, nested, mode, start)? {
                    GroupResult::Node(n) => items.push(n),
                    GroupResult::Nothing => {}
                    GroupResult::GlobalFlags => {
                        if !first || !items.is_empty() {
                            return source.error(
                                "global flags not at the start of the expression".into(),
                                source.tell() - start,
                            );
                        }
                        verbose = state.flags & flag::VERBOSE != 0;
                    }
                }
            }
            '^' => items.push(Node::At(if mode.flags & flag::MULTILINE != 0 {
                At::LineStart
            } else {
                At::Start
            })),
            '$' => items.push(Node::At(if mode.flags & flag::MULTILINE != 0 {
                At::LineEnd
            } else {
                At::End
            })),
            _ => unreachable!("every special character is handled"),
        }
    }
    Ok(if items.len() == 1 {
        items.pop().expect("one item")
    } else {
        Node::Cat(items)
    })
}

/// A quantifier after the last item. False when `{` turns out to be a
/// literal (the caller adds it).
fn parse_repeat(source: &mut Source, c: char, items: &mut Vec<Node>) -> Result<bool> {
    let here = source.tell();
    let (min, max) = match c {
        '?' => (0, Some(1)),
        '*' => (0, None),
        '+' => (1, None),
        _ => {
            if source.next == Some(Tok::Char('}')) {
                return Ok(false);
            }
            let lo = source.get_while(usize::MAX, |c| c.is_ascii_digit())?;
            let hi = if source.eat(',')? {
                source.get_while(usize::MAX, |c| c.is_ascii_digit())?
            } else {
                lo.clone()
            };
            if !source.eat('}')? {
                source.seek(here)?;
                return Ok(false);
            }
            let number = |s: &str| -> Result<u64> {
                match s.parse::<u64>() {
                    Ok(n) if n < MAXREPEAT => Ok(n),
                    _ => Err(Error::Overflow("the repetition number is too large".into())),
                }
            };
            let min = if lo.is_empty() { 0 } else { number(&lo)? };
            let max = if hi.is_empty() {
                None
            } else {
                let max = number(&hi)?;
                if max < min {
                    return source.error(
                        "min repeat greater than max repeat".into(),
                        source.tell() - here,
                    );
                }
                Some(max)
            };
            (min, max)
        }
    };
    let offset = source.tell() - here + 1;
    match items.last() {
        None | Some(Node::At(_)) => return source.error("nothing to repeat".into(), offset),
        Some(Node::Repeat { .. }) => return source.error("multiple repeat".into(), offset),
        _ => {}
    }
    let greed = if source.eat('?')? {
        Greed::Lazy
    } else if source.eat('+')? {
        Greed::Possessive
    } else {
        Greed::Greedy
    };
    let item = items.pop().expect("checked");
    let item = match item {
        Node::Group(None, inner) => *inner,
        other => other,
    };
    items.push(Node::Repeat {
        min,
        max,
        greed,
        node: Box::new(item),
    });
    Ok(true)
}

enum GroupResult {
    Node(Node),
    /// A comment.
    Nothing,
    /// `(?flags)` setting global flags.
    GlobalFlags,
}

fn parse_group(
    source: &mut Source,
    state: &mut State,
    verbose: bool,
    nested: usize,
    mode: Mode,
    start: usize,
) -> Result<GroupResult> {
    let unexpected_end = |s: &Source| s.error::<GroupResult>("unexpected end of pattern".into(), 0);
    let mut capture = true;
    let mut atomic = false;
    let mut name = None;
    let (mut add, mut del) = (0, 0);
    if source.eat('?')? {
        let Some(tok) = source.get()? else {
            return unexpected_end(source);
        };
        let ch = match tok {
            Tok::Char(c) => c,
            Tok::Esc(_) => {
                let text = tok.text();
                return source.error(format!("unknown extension ?{text}"), text.len() + 1);
            }
        };
        match ch {
            'P' => {
                if source.eat('<')? {
                    let n = source.get_until('>', "group name")?;
                    source.check_group_name(&n, 1)?;
                    name = Some(n);
                } else if source.eat('=')? {
                    let n = source.get_until(')', "group name")?;
                    source.check_group_name(&n, 1)?;
                    let offset = n.chars().count() + 1;
                    let Some(gid) = state.names.iter().find(|(k, _)| *k == n).map(|e| e.1) else {
                        return source.error(format!("unknown group name {}", py_repr(&n)), offset);
                    };
                    if !state.check_group(gid) {
                        return source.error("cannot refer to an open group".into(), offset);
                    }
                    state.check_lookbehind_group(gid, source)?;
                    return Ok(GroupResult::Node(Node::Backref(gid, mode.fold())));
                } else {
                    let Some(t) = source.get()? else {
                        return unexpected_end(source);
                    };
                    let text = t.text();
                    return source.error(
                        format!("unknown extension ?P{text}"),
                        text.chars().count() + 2,
                    );
                }
            }
            ':' => capture = false,
            '#' => loop {
                if source.next.is_none() {
                    return source.error(
                        "missing ), unterminated comment".into(),
                        source.tell() - start,
                    );
                }
                if source.get()? == Some(Tok::Char(')')) {
                    return Ok(GroupResult::Nothing);
                }
            },
            '=' | '!' | '<' => {
                let mut kind = ch;
                let behind = ch == '<';
                let mut outer_lookbehind = None;
                if behind {
                    let Some(t) = source.get()? else {
                        return unexpected_end(source);
                    };
                    kind = match t {
                        Tok::Char(c @ ('=' | '!')) => c,
                        t => {
                            let text = t.text();
                            return source.error(
                                format!("unknown extension ?<{text}"),
                                text.chars().count() + 2,
                            );
                        }
                    };
                    outer_lookbehind = Some(state.lookbehind_groups);
                    if state.lookbehind_groups.is_none() {
                        state.lookbehind_groups = Some(state.groups());
                    }
                }
                let node = parse_sub(source, state, verbose, nested + 1, Some(mode.flags))?;
                if let Some(None) = outer_lookbehind {
                    state.lookbehind_groups = None;
                }
                if !source.eat(')')? {
                    return source.error(
                        "missing ), unterminated subpattern".into(),
                        source.tell() - start,
                    );
                }
                return Ok(GroupResult::Node(Node::Look {
                    behind,
                    negate: kind == '!',
                    node: Box::new(node),
                }));
            }
            '(' => return parse_conditional(source, state, verbose, nested, mode, start),
            '>' => {
                capture = false;
                atomic = true;
            }
            c if "aiLmsxtu".contains(c) || c == '-' => {
                match parse_flags(source, state, c)? {
                    None => return Ok(GroupResult::GlobalFlags),
                    Some((a, d)) => {
                        add = a;
                        del = d;
                    }
                }
                capture = false;
            }
            c => {
                return source.error(format!("unknown extension ?{c}"), 2);
            }
        }
    }
    let group = if capture {
        let gid = state.groups();
        state.widths.push(None);
        if let Some(n) = &name {
            if let Some(&(_, old)) = state.names.iter().find(|(k, _)| k == n) {
                return source.error(
                    format!(
                        "redefinition of group name {} as group {gid}; was group {old}",
                        py_repr(n)
                    ),
                    n.chars().count() + 1,
                );
            }
            state.names.push((n.clone(), gid));
        }
        Some(gid)
    } else {
        None
    };
    let sub_verbose = (verbose || add & flag::VERBOSE != 0) && del & flag::VERBOSE == 0;
    let inner_mode = mode.with(add, del);
    let node = parse_sub(
        source,
        state,
        sub_verbose,
        nested + 1,
        Some(inner_mode.flags),
    )?;
    if !source.eat(')')? {
        return source.error(
            "missing ), unterminated subpattern".into(),
            source.tell() - start,
        );
    }
    if let Some(gid) = group {
        let w = node.width(&state.widths);
        state.widths[gid] = Some(w);
    }
    Ok(GroupResult::Node(if atomic {
        Node::Atomic(Box::new(node))
    } else {
        Node::Group(group, Box::new(node))
    }))
}

fn parse_conditional(
    source: &mut Source,
    state: &mut State,
    verbose: bool,
    nested: usize,
    mode: Mode,
    start: usize,
) -> Result<GroupResult> {
    let name = source.get_until(')', "group name")?;
    let offset = name.chars().count() + 1;
    let group = if is_identifier(&name) {
        match state.names.iter().find(|(k, _)| *k == name) {
            Some(&(_, g)) => g,
            None => return source.error(format!("unknown group name {}", py_repr(&name)), offset),
        }
    } else {
        let bad = || format!("bad character in group name {}", py_repr(&name));
        let digits: String = name.chars().filter(|c| !c.is_whitespace()).collect();
        let g = match digits.parse::<u64>() {
            Ok(g) if name.trim() == digits && !name.starts_with('+') => g,
            _ => return source.error(bad(), offset),
        };
        if g == 0 {
            return source.error("bad group number".into(), offset);
        }
        if g >= 1 << 30 {
            return source.error(format!("invalid group reference {g}"), offset);
        }
        let g = g as usize;
        if !state.cond_refs.iter().any(|&(k, _)| k == g) {
            state.cond_refs.push((g, source.tell() - offset));
        }
        g
    };
    state.check_lookbehind_group(group, source)?;
    let yes = parse_seq(source, state, verbose, nested + 1, false, Some(mode.flags))?;
    let no = if source.eat('|')? {
        let no = parse_seq(source, state, verbose, nested + 1, false, Some(mode.flags))?;
        if source.next == Some(Tok::Char('|')) {
            return source.error("conditional backref with more than two branches".into(), 0);
        }
        no
    } else {
        Node::Cat(Vec::new())
    };
    if !source.eat(')')? {
        return source.error(
            "missing ), unterminated subpattern".into(),
            source.tell() - start,
        );
    }
    Ok(GroupResult::Node(Node::Cond {
        group,
        yes: Box::new(yes),
        no: Box::new(no),
    }))
}

fn flag_of(c: char) -> Option<u32> {
    Some(match c {
        'i' => flag::IGNORECASE,
        'L' => flag::LOCALE,
        'm' => flag::MULTILINE,
        's' => flag::DOTALL,
        'x' => flag::VERBOSE,
        'a' => flag::ASCII,
        't' => flag::TEMPLATE,
        'u' => flag::UNICODE,
        _ => return None,
    })
}

const TYPE_FLAGS: u32 = flag::ASCII | flag::LOCALE | flag::UNICODE;
const GLOBAL_FLAGS: u32 = flag::DEBUG | flag::TEMPLATE;

/// Inline flags after `(?`: None for global flags `(?i)` (applied to the
/// state), else the flags a scoped group `(?i-s:...)` adds and removes.
fn parse_flags(source: &mut Source, state: &mut State, mut ch: char) -> Result<Option<(u32, u32)>> {
    let mut add = 0;
    let mut del = 0;
    let plain = |t: Option<Tok>| match t {
        Some(Tok::Char(c)) => Some(c),
        Some(Tok::Esc(_)) => Some('\\'),
        None => None,
    };
    if ch != '-' {
        loop {
            let f = flag_of(ch).expect("a flag letter");
            if source.text && ch == 'L' {
                return source.error(
                    "bad inline flags: cannot use 'L' flag with a str pattern".into(),
                    0,
                );
            }
            if !source.text && ch == 'u' {
                return source.error(
                    "bad inline flags: cannot use 'u' flag with a bytes pattern".into(),
                    0,
                );
            }
            add |= f;
            if f & TYPE_FLAGS != 0 && add & TYPE_FLAGS != f {
                return source.error(
                    "bad inline flags: flags 'a', 'u' and 'L' are incompatible".into(),
                    0,
                );
            }
            let t = source.get()?;
            let Some(c) = plain(t) else {
                return source.error("missing -, : or )".into(), 0);
            };
            if matches!(t, Some(Tok::Char(')' | '-' | ':'))) {
                ch = c;
                break;
            }
            if flag_of(c).is_none() || matches!(t, Some(Tok::Esc(_))) {
                let msg = if c.is_alphabetic() && matches!(t, Some(Tok::Char(_))) {
                    "unknown flag"
                } else {
                    "missing -, : or )"
                };
                return source.error(msg.into(), t.map_or(0, Tok::len));
            }
            ch = c;
        }
    }
    if ch == ')' {
        state.flags |= add;
        return Ok(None);
    }
    if add & GLOBAL_FLAGS != 0 {
        return source.error("bad inline flags: cannot turn on global flag".into(), 1);
    }
    if ch == '-' {
        let t = source.get()?;
        let Some(c) = plain(t) else {
            return source.error("missing flag".into(), 0);
        };
        if flag_of(c).is_none() || matches!(t, Some(Tok::Esc(_))) {
            let msg = if c.is_alphabetic() && matches!(t, Some(Tok::Char(_))) {
                "unknown flag"
            } else {
                "missing flag"
            };
            return source.error(msg.into(), t.map_or(0, Tok::len));
        }
        ch = c;
        loop {
            let f = flag_of(ch).expect("a flag letter");
            if f & TYPE_FLAGS != 0 {
                return source.error(
                    "bad inline flags: cannot turn off flags 'a', 'u' and 'L'".into(),
                    0,
                );
            }
            del |= f;
            let t = source.get()?;
            let Some(c) = plain(t) else {
                return source.error("missing :".into(), 0);
            };
            if t == Some(Tok::Char(':')) {
                break;
            }
            if flag_of(c).is_none() || matches!(t, Some(Tok::Esc(_))) {
                let msg = if c.is_alphabetic() && matches!(t, Some(Tok::Char(_))) {
                    "unknown flag"
                } else {
                    "missing :"
                };
                return source.error(msg.into(), t.map_or(0, Tok::len));
            }
            ch = c;
        }
    }
    if del & GLOBAL_FLAGS != 0 {
        return source.error("bad inline flags: cannot turn off global flag".into(), 1);
    }
    if add & del != 0 {
        return source.error("bad inline flags: flag turned on and off".into(), 1);
    }
    Ok(Some((add, del)))
}

/// A category escape's node, if `e` names one.
fn category(e: char, unicode: bool) -> Option<Category> {
    let _ = unicode;
    Some(match e {
        'd' => Category::Digit,
        'D' => Category::NotDigit,
        's' => Category::Space,
        'S' => Category::NotSpace,
        'w' => Category::Word,
        'W' => Category::NotWord,
        _ => return None,
    })
}

fn simple_escape(e: char) -> Option<u32> {
    Some(match e {
        'a' => 7,
        'b' => 8,
        'f' => 12,
        'n' => 10,
        'r' => 13,
        't' => 9,
        'v' => 11,
        '\\' => 92,
        _ => return None,
    })
}

/// What an escape inside a class or outside it stands for.
enum Escaped {
    Char(u32),
    Class(Category),
}

/// The escapes both contexts share (`\x41`, `\u00e9`, ...); None when `e`
/// is not one of them.
fn code_escape(source: &mut Source, e: char) -> Result<Option<u32>> {
    let hex = |c: char| c.is_ascii_hexdigit();
    let digits = match e {
        'x' => 2,
        'u' if source.text => 4,
        'U' if source.text => 8,
        'N' if source.text => {
            if !source.eat('{')? {
                return source.error("missing {".into(), 0);
            }
            let name = source.get_until('}', "character name")?;
            return source.error(
                format!("undefined character name {}", py_repr(&name)),
                name.chars().count() + 4,
            );
        }
        _ => return Ok(None),
    };
    let more = source.get_while(digits, hex)?;
    let text = format!("\\{e}{more}");
    if more.len() != digits {
        return source.error(format!("incomplete escape {text}"), text.len());
    }
    let c = u32::from_str_radix(&more, 16).expect("hex digits");
    if c > 0x10ffff {
        return source.error(format!("bad escape {text}"), text.len());
    }
    Ok(Some(c))
}

fn octal_error<T>(source: &Source, text: &str) -> Result<T> {
    source.error(
        format!("octal escape value {text} outside of range 0-0o377"),
        text.len(),
    )
}

/// An escape inside `[...]`.
fn class_escape(source: &mut Source, e: char) -> Result<Escaped> {
    if let Some(c) = simple_escape(e) {
        return Ok(Escaped::Char(c));
    }
    if let Some(cat) = category(e, true) {
        return Ok(Escaped::Class(cat));
    }
    if let Some(c) = code_escape(source, e)? {
        return Ok(Escaped::Char(c));
    }
    if ('0'..='7').contains(&e) {
        let more = source.get_while(2, |c| ('0'..='7').contains(&c))?;
        let text = format!("\\{e}{more}");
        let c = u32::from_str_radix(&text[1..], 8).expect("octal digits");
        if c > 0o377 {
            return octal_error(source, &text);
        }
        return Ok(Escaped::Char(c));
    }
    if e.is_ascii_alphanumeric() {
        return source.error(format!("bad escape \\{e}"), 2);
    }
    Ok(Escaped::Char(e as u32))
}

/// An escape outside a class.
fn escape(source: &mut Source, state: &State, e: char, mode: Mode) -> Result<Node> {
    let unicode = mode.unicode();
    match e {
        'A' => return Ok(Node::At(At::Start)),
        'Z' => return Ok(Node::At(At::EndString)),
        'b' => return Ok(Node::At(At::Boundary(unicode))),
        'B' => return Ok(Node::At(At::NotBoundary(unicode))),
        _ => {}
    }
    if let Some(cat) = category(e, unicode) {
        return Ok(Node::Set {
            negate: false,
            items: vec![SetItem::Class(cat, unicode)],
            fold: Fold::Exact,
        });
    }
    if let Some(c) = simple_escape(e) {
        return Ok(Node::Char(c, mode.fold()));
    }
    if let Some(c) = code_escape(source, e)? {
        return Ok(Node::Char(c, mode.fold()));
    }
    if e == '0' {
        let more = source.get_while(2, |c| ('0'..='7').contains(&c))?;
        let c = u32::from_str_radix(&format!("0{more}"), 8).expect("octal digits");
        return Ok(Node::Char(c, mode.fold()));
    }
    if e.is_ascii_digit() {
        let mut text = format!("\\{e}");
        if source.next_is(|c| c.is_ascii_digit()) {
            let Some(Tok::Char(d)) = source.get()? else {
                unreachable!("checked")
            };
            text.push(d);
            let octal = |c: char| ('0'..='7').contains(&c);
            if octal(e) && octal(d) && source.next_is(octal) {
                let Some(Tok::Char(d3)) = source.get()? else {
                    unreachable!("checked")
                };
                text.push(d3);
                let c = u32::from_str_radix(&text[1..], 8).expect("octal digits");
                if c > 0o377 {
                    return octal_error(source, &text);
                }
                return Ok(Node::Char(c, mode.fold()));
            }
        }
        let group: usize = text[1..].parse().expect("digits");
        if group < state.groups() {
            if !state.check_group(group) {
                return source.error("cannot refer to an open group".into(), text.len());
            }
            state.check_lookbehind_group(group, source)?;
            return Ok(Node::Backref(group, mode.fold()));
        }
        return source.error(format!("invalid group reference {group}"), text.len() - 1);
    }
    if e.is_ascii_alphabetic() {
        return source.error(format!("bad escape \\{e}"), 2);
    }
    Ok(Node::Char(e as u32, mode.fold()))
}

/// `[...]` after its `[`.
fn parse_set(source: &mut Source, mode: Mode) -> Result<Node> {
    let here = source.tell() - 1;
    let mut items: Vec<SetItem> = Vec::new();
    let negate = source.eat('^')?;
    let unicode = mode.unicode();
    let unterminated =
        |s: &Source| s.error::<Node>("unterminated character set".into(), s.tell() - here);
    let mut count = 0usize;
    loop {
        let Some(this) = source.get()? else {
            return unterminated(source);
        };
        if this == Tok::Char(']') && count > 0 {
            break;
        }
        count += 1;
        let code1 = match this {
            Tok::Esc(e) => class_escape(source, e)?,
            Tok::Char(c) => Escaped::Char(c as u32),
        };
        if source.eat('-')? {
            let Some(that) = source.get()? else {
                return unterminated(source);
            };
            if that == Tok::Char(']') {
                push_item(&mut items, code1, unicode);
                items.push(SetItem::Char('-' as u32));
                break;
            }
            let code2 = match that {
                Tok::Esc(e) => class_escape(source, e)?,
                Tok::Char(c) => Escaped::Char(c as u32),
            };
            let bad = || format!("bad character range {}-{}", this.text(), that.text());
            let offset = this.len() + 1 + that.len();
            let (Escaped::Char(lo), Escaped::Char(hi)) = (code1, code2) else {
                return source.error(bad(), offset);
            };
            if hi < lo {
                return source.error(bad(), offset);
            }
            items.push(SetItem::Range(lo, hi));
        } else {
            push_item(&mut items, code1, unicode);
        }
    }
    let fold = mode.fold();
    if let [SetItem::Char(c)] = items[..] {
        if !negate {
            return Ok(Node::Char(c, fold));
        }
    }
    Ok(Node::Set {
        negate,
        items,
        fold,
    })
}

fn push_item(items: &mut Vec<SetItem>, code: Escaped, unicode: bool) {
    let item = match code {
        Escaped::Char(c) => SetItem::Char(c),
        Escaped::Class(cat) => SetItem::Class(cat, unicode),
    };
    if !items.contains(&item) {
        items.push(item);
    }
}
