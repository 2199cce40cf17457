//! `re.Pattern`: a compiled pattern's methods (match, search, fullmatch,
//! findall, finditer, split, sub, subn) and attributes, with CPython's rules
//! for successive matches: after an empty match, the next one may start at
//! the same place but must not be empty there.

use super::engine::{Anchor, Captures, Matcher};
use super::match_obj::{new_match, new_scanner, MatchData};
use super::node::flag;
use super::subject::{Buf, Subject};
use super::template::{self, Piece, TemplateError};
use super::{int, list, property, receiver, tuple, Compiled};
use crate::args::{self, Kw};
use crate::class::Member;
use gilt_vm::eval::{attr, call, ops};
use gilt_vm::exc::{ExcKind, PyResult, Raise};
use gilt_vm::interp::Vm;
use gilt_vm::object::{Object, PyStr};
use gilt_vm::value::Value;
use std::sync::Arc;

/// A Pattern object's state.
pub struct PatternData(pub Arc<Compiled>);

/// The Pattern class's dict.
pub fn members() -> Vec<(&'static str, Member)> {
    vec![
        ("match", Member::Method(match_)),
        ("search", Member::Method(search)),
        ("fullmatch", Member::Method(fullmatch)),
        ("findall", Member::Method(findall)),
        ("finditer", Member::Method(finditer)),
        ("split", Member::Method(split)),
        ("sub", Member::Method(sub)),
        ("subn", Member::Method(subn)),
        ("__repr__", Member::Method(repr)),
        ("__eq__", Member::Method(eq)),
        ("__hash__", Member::Method(hash)),
        ("__copy__", Member::Method(copy)),
        ("__deepcopy__", Member::Method(copy)),
        property("pattern", pattern_attr),
        property("flags", flags_attr),
        property("groups", groups_attr),
        property("groupindex", groupindex_attr),
    ]
}

fn this<'a>(vm: &Vm, args: &'a [Value], method: &str) -> PyResult<&'a Arc<Compiled>> {
    Ok(&receiver::<PatternData>(vm, args, method, "re.Pattern")?.0)
}

/// A `pos` or `endpos` argument clamped to `0..=len` as CPython does.
fn position(vm: &Vm, v: Option<Value>, default: usize, len: usize) -> PyResult<usize> {
    let n = match v {
        None => return Ok(default),
        Some(v) => match args::int(vm, &v) {
            Ok(n) => n,
            Err(_) if matches!(v.as_object(), Some(Object::BigInt(_))) => i64::MAX,
            Err(e) => return Err(e),
        },
    };
    Ok(n.clamp(0, len as i64) as usize)
}

/// The arguments of match/search/fullmatch/findall/finditer.
fn subject_args(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kwargs: &Kw,
) -> PyResult<(Arc<Compiled>, Arc<Subject>, usize, usize)> {
    let compiled = this(vm, args, name)?.clone();
    let [string, pos, endpos] =
        args::parse(name, ["string", "pos", "endpos"], 1, &args[1..], kwargs)?;
    let subject = Subject::new(vm, &string.unwrap_or(Value::None), compiled.is_bytes)?;
    let len = subject.len();
    let pos = position(vm, pos, 0, len)?;
    let endpos = position(vm, endpos, len, len)?;
    Ok((compiled, Arc::new(subject), pos, endpos))
}

fn one_match(
    vm: &mut Vm,
    args: &[Value],
    kwargs: &Kw,
    name: &str,
    anchor: Anchor,
) -> PyResult<Value> {
    let (compiled, subject, pos, endpos) = subject_args(vm, name, args, kwargs)?;
    let mut m = Matcher::new(&compiled.prog);
    match subject.find(&mut m, &compiled.prog, pos, endpos, anchor, false) {
        Some(caps) => Ok(new_match(MatchData {
            re: args[0].clone(),
            compiled,
            subject,
            pos,
            endpos,
            caps,
        })),
        None => Ok(Value::None),
    }
}

fn match_(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    one_match(vm, args, kwargs, "match", Anchor::Start)
}

fn search(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    one_match(vm, args, kwargs, "search", Anchor::Search)
}

fn fullmatch(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    one_match(vm, args, kwargs, "fullmatch", Anchor::Full)
}

/// Successive non-overlapping matches over `subject[pos..end]`.
pub struct Scan {
    pub pos: usize,
    pub end: usize,
    pub must_advance: bool,
    pub done: bool,
}

impl Scan {
    pub fn new(pos: usize, end: usize) -> Scan {
        Scan {
            pos,
            end,
            must_advance: false,
            done: false,
        }
    }

    /// The next match, if any.
    pub fn next(
        &mut self,
        m: &mut Matcher,
        compiled: &Compiled,
        subject: &Subject,
    ) -> Option<Captures> {
        if self.done || self.pos > self.end {
            return None;
        }
        let found = subject.find(
            m,
            &compiled.prog,
            self.pos,
            self.end,
            Anchor::Search,
            self.must_advance,
        );
        match found {
            Some(caps) => {
                let (b, e) = caps.span(0).expect("group 0 matched");
                self.must_advance = b == e;
                self.pos = e;
                Some(caps)
            }
            None => {
                self.done = true;
                None
            }
        }
    }
}

/// A group's text, or `default` when it did not match.
pub fn group_value(subject: &Subject, caps: &Captures, g: usize, default: &Value) -> Value {
    match caps.span(g) {
        Some((s, e)) => subject.slice(s, e),
        None => default.clone(),
    }
}

fn findall(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let (compiled, subject, pos, endpos) = subject_args(vm, "findall", args, kwargs)?;
    let mut m = Matcher::new(&compiled.prog);
    let mut scan = Scan::new(pos, endpos);
    let mut out = Vec::new();
    let empty = subject.slice(0, 0);
    while let Some(caps) = scan.next(&mut m, &compiled, &subject) {
        out.push(match compiled.groups {
            0 => group_value(&subject, &caps, 0, &empty),
            1 => group_value(&subject, &caps, 1, &empty),
            n => tuple(
                (1..=n)
                    .map(|g| group_value(&subject, &caps, g, &empty))
                    .collect(),
            ),
        });
    }
    Ok(list(out))
}

fn finditer(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let (compiled, subject, pos, endpos) = subject_args(vm, "finditer", args, kwargs)?;
    Ok(new_scanner(
        args[0].clone(),
        compiled,
        subject,
        Scan::new(pos, endpos),
    ))
}

fn split(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let compiled = this(vm, args, "split")?.clone();
    let [string, maxsplit] = args::parse("split", ["string", "maxsplit"], 1, &args[1..], kwargs)?;
    let subject = Subject::new(vm, &string.unwrap_or(Value::None), compiled.is_bytes)?;
    let maxsplit = match maxsplit {
        Some(v) => args::int(vm, &v)?,
        None => 0,
    };
    let len = subject.len();
    let mut m = Matcher::new(&compiled.prog);
    let mut scan = Scan::new(0, len);
    let mut out = Vec::new();
    let mut last = 0;
    let mut n = 0;
    while maxsplit <= 0 || n < maxsplit {
        if maxsplit < 0 {
            break;
        }
        let Some(caps) = scan.next(&mut m, &compiled, &subject) else {
            break;
        };
        let (b, e) = caps.span(0).expect("group 0 matched");
        out.push(subject.slice(last, b));
        for g in 1..=compiled.groups {
            out.push(group_value(&subject, &caps, g, &Value::None));
        }
        last = e;
        n += 1;
    }
    out.push(subject.slice(last, len));
    Ok(list(out))
}

/// What `sub` puts in place of each match.
enum Replacement {
    /// Fixed text.
    Literal(String),
    Template(Vec<Piece>),
    Call(Value),
    /// A str for a bytes pattern or the other way round (named): fails
    /// when a match needs it, as CPython's join of the pieces does.
    Mismatch(String),
}

/// Make the replacement of `repl` (str, bytes or a callable).
fn replacement(vm: &mut Vm, compiled: &Compiled, repl: &Value) -> PyResult<Replacement> {
    let chars: Vec<char> = match repl.as_object() {
        Some(Object::Str(s)) if !compiled.is_bytes => s.text.chars().collect(),
        Some(Object::Bytes(_) | Object::ByteArray(_)) if compiled.is_bytes => {
            let data = gilt_vm::object::bytes::as_bytes(&vm.gil, repl).unwrap_or(&[]);
            data.iter().map(|&b| b as char).collect()
        }
        Some(Object::Str(_) | Object::Bytes(_) | Object::ByteArray(_)) => {
            return Ok(Replacement::Mismatch(attr::type_name(vm, repl)))
        }
        _ if gilt_vm::builtins::is_callable(vm, repl)? => {
            return Ok(Replacement::Call(repl.clone()))
        }
        _ => {
            return Err(Raise::type_error(format!(
                "decoding to str: need a bytes-like object, {} found",
                attr::type_name(vm, repl)
            )))
        }
    };
    if !chars.contains(&'\\') {
        return Ok(Replacement::Literal(chars.into_iter().collect()));
    }
    match template::parse(&chars, compiled.groups, &compiled.names) {
        Ok(pieces) => Ok(Replacement::Template(pieces)),
        Err(TemplateError::Index(msg)) => Err(Raise::new(ExcKind::IndexError, msg)),
        Err(TemplateError::Re(e)) => Err(super::raise(vm, e, repl)),
    }
}

/// Append the expansion of `pieces` for a match.
pub fn expand_into(out: &mut Buf, pieces: &[Piece], subject: &Subject, caps: &Captures) {
    for piece in pieces {
        match piece {
            Piece::Lit(text) => out.push_text(text),
            Piece::Group(g) => {
                if let Some((s, e)) = caps.span(*g) {
                    subject.push_slice(out, s, e);
                }
            }
        }
    }
}

/// Parse `template` for `compiled`; errors as `sub` raises them.
pub fn parse_template(vm: &mut Vm, compiled: &Compiled, template: &Value) -> PyResult<Vec<Piece>> {
    match replacement(vm, compiled, template)? {
        Replacement::Literal(text) => Ok(vec![Piece::Lit(text)]),
        Replacement::Template(pieces) => Ok(pieces),
        Replacement::Call(_) | Replacement::Mismatch(_) => Err(Raise::type_error(format!(
            "expected str instance, {} found",
            attr::type_name(vm, template)
        ))),
    }
}

fn sub_common(vm: &mut Vm, args: &[Value], kwargs: &Kw, name: &str) -> PyResult<(Value, usize)> {
    let compiled = this(vm, args, name)?.clone();
    let [repl, string, count] =
        args::parse(name, ["repl", "string", "count"], 2, &args[1..], kwargs)?;
    let repl = repl.unwrap_or(Value::None);
    let subject = Arc::new(Subject::new(
        vm,
        &string.unwrap_or(Value::None),
        compiled.is_bytes,
    )?);
    let count = match count {
        Some(v) => args::int(vm, &v)?,
        None => 0,
    };
    let replacement = replacement(vm, &compiled, &repl)?;
    let len = subject.len();
    let mut m = Matcher::new(&compiled.prog);
    let mut scan = Scan::new(0, len);
    let mut out = subject.buf();
    let mut last = 0;
    let mut n = 0usize;
    // Pieces the result is joined from so far, and the first bad one a
    // callable returned (raised after all calls, as CPython's join does).
    let mut pieces = 0usize;
    let mut bad: Option<Raise> = None;
    while count <= 0 || (n as i64) < count {
        if count < 0 {
            break;
        }
        let Some(caps) = scan.next(&mut m, &compiled, &subject) else {
            break;
        };
        let (b, e) = caps.span(0).expect("group 0 matched");
        subject.push_slice(&mut out, last, b);
        pieces += usize::from(last < b);
        match &replacement {
            Replacement::Literal(text) => out.push_text(text),
            Replacement::Template(pieces) => expand_into(&mut out, pieces, &subject, &caps),
            Replacement::Mismatch(found) => {
                let want = if compiled.is_bytes {
                    "a bytes-like object"
                } else {
                    "str instance"
                };
                bad.get_or_insert_with(|| {
                    Raise::type_error(format!(
                        "sequence item {pieces}: expected {want}, {found} found"
                    ))
                });
                pieces += 1;
            }
            Replacement::Call(f) => {
                let matched = new_match(MatchData {
                    re: args[0].clone(),
                    compiled: compiled.clone(),
                    subject: subject.clone(),
                    pos: 0,
                    endpos: len,
                    caps,
                });
                let item = call::call(vm, f, vec![matched], Vec::new())?;
                if !matches!(item, Value::None) {
                    if let Err(e) = push_result(vm, &mut out, &item, pieces) {
                        bad.get_or_insert(e);
                    }
                    pieces += 1;
                }
            }
        }
        last = e;
        n += 1;
    }
    if let Some(e) = bad {
        return Err(e);
    }
    if n == 0 {
        // Nothing replaced: CPython returns the very string for str and bytes.
        if matches!(
            subject.value.as_object(),
            Some(Object::Str(_) | Object::Bytes(_))
        ) {
            return Ok((subject.value.clone(), 0));
        }
    }
    subject.push_slice(&mut out, last, len);
    Ok((out.value(), n))
}

/// Append what a `sub` callable returned, piece `index` of the result.
fn push_result(vm: &Vm, out: &mut Buf, item: &Value, index: usize) -> PyResult<()> {
    match (out, item.as_object()) {
        (Buf::Str(o), Some(Object::Str(s))) => {
            o.push_str(&s.text);
            Ok(())
        }
        (Buf::Bytes(o), Some(Object::Bytes(_) | Object::ByteArray(_))) => {
            o.extend_from_slice(gilt_vm::object::bytes::as_bytes(&vm.gil, item).unwrap_or(&[]));
            Ok(())
        }
        (Buf::Str(_), _) => Err(Raise::type_error(format!(
            "sequence item {index}: expected str instance, {} found",
            attr::type_name(vm, item)
        ))),
        (Buf::Bytes(_), _) => Err(Raise::type_error(format!(
            "sequence item {index}: expected a bytes-like object, {} found",
            attr::type_name(vm, item)
        ))),
    }
}

fn sub(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    Ok(sub_common(vm, args, kwargs, "sub")?.0)
}

fn subn(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let (text, n) = sub_common(vm, args, kwargs, "subn")?;
    Ok(tuple(vec![text, int(n)]))
}

/// The flag names a repr shows, in CPython's order.
const FLAG_NAMES: &[(u32, &str)] = &[
    (flag::TEMPLATE, "re.TEMPLATE"),
    (flag::IGNORECASE, "re.IGNORECASE"),
    (flag::LOCALE, "re.LOCALE"),
    (flag::MULTILINE, "re.MULTILINE"),
    (flag::DOTALL, "re.DOTALL"),
    (flag::UNICODE, "re.UNICODE"),
    (flag::VERBOSE, "re.VERBOSE"),
    (flag::DEBUG, "re.DEBUG"),
    (flag::ASCII, "re.ASCII"),
];

fn repr(vm: &mut Vm, args: &[Value], _kwargs: &Kw) -> PyResult<Value> {
    let compiled = this(vm, args, "__repr__")?.clone();
    let shown = ops::repr(vm, &compiled.pattern)?;
    let shown: String = shown.chars().take(200).collect();
    let mut flags = compiled.flags;
    if !compiled.is_bytes && flags & (flag::LOCALE | flag::UNICODE | flag::ASCII) == flag::UNICODE {
        flags &= !flag::UNICODE;
    }
    if flags == 0 {
        return Ok(PyStr::value(format!("re.compile({shown})")));
    }
    let mut names = Vec::new();
    for &(bit, name) in FLAG_NAMES {
        if flags & bit != 0 {
            names.push(name.to_string());
            flags &= !bit;
        }
    }
    if flags != 0 {
        names.push(format!("{flags:#x}"));
    }
    Ok(PyStr::value(format!(
        "re.compile({shown}, {})",
        names.join("|")
    )))
}

fn eq(vm: &mut Vm, args: &[Value], _kwargs: &Kw) -> PyResult<Value> {
    let a = this(vm, args, "__eq__")?.clone();
    let other = match args.get(1).and_then(Value::as_object) {
        Some(Object::Native(n)) => n.data::<PatternData>().map(|p| p.0.clone()),
        _ => None,
    };
    let Some(b) = other else {
        return Ok(gilt_vm::builtins::not_implemented(vm));
    };
    if Arc::ptr_eq(&a, &b) {
        return Ok(Value::Bool(true));
    }
    let same =
        a.flags == b.flags && a.is_bytes == b.is_bytes && ops::eq(vm, &a.pattern, &b.pattern)?;
    Ok(Value::Bool(same))
}

fn hash(vm: &mut Vm, args: &[Value], _kwargs: &Kw) -> PyResult<Value> {
    let a = this(vm, args, "__hash__")?.clone();
    let h = gilt_vm::eval::keys::hash(vm, &a.pattern)?;
    Ok(Value::Int(h ^ (a.flags as i64).wrapping_mul(1_000_003)))
}

fn copy(vm: &mut Vm, args: &[Value], _kwargs: &Kw) -> PyResult<Value> {
    this(vm, args, "__copy__")?;
    Ok(args[0].clone())
}

fn pattern_attr(vm: &mut Vm, args: &[Value], _kwargs: &Kw) -> PyResult<Value> {
    Ok(this(vm, args, "pattern")?.pattern.clone())
}

fn flags_attr(vm: &mut Vm, args: &[Value], _kwargs: &Kw) -> PyResult<Value> {
    Ok(Value::Int(this(vm, args, "flags")?.flags as i64))
}

fn groups_attr(vm: &mut Vm, args: &[Value], _kwargs: &Kw) -> PyResult<Value> {
    Ok(int(this(vm, args, "groups")?.groups))
}

fn groupindex_attr(vm: &mut Vm, args: &[Value], _kwargs: &Kw) -> PyResult<Value> {
    let compiled = this(vm, args, "groupindex")?.clone();
    let dict = ops::new_dict();
    if let Some(Object::Dict(d)) = dict.as_object() {
        let d = d.get_mut(&mut vm.gil);
        for (name, g) in &compiled.names {
            d.insert_str(name, int(*g));
        }
    }
    Ok(dict)
}
