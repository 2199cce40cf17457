//! `re.Match`: one match's groups, spans and attributes; and the iterator
//! `finditer` returns, which finds each next match when asked.

use super::engine::{Captures, Matcher};
use super::pattern::{expand_into, group_value, parse_template, Scan};
use super::subject::Subject;
use super::{int, property, receiver, tuple, Compiled};
use crate::args::{self, Kw};
use crate::class::Member;
use gilt_vm::eval::ops;
use gilt_vm::exc::{ExcKind, PyResult, Raise};
use gilt_vm::gil::GilCell;
use gilt_vm::interp::Vm;
use gilt_vm::object::{Native, Object, PyStr};
use gilt_vm::value::Value;
use std::sync::Arc;

/// A Match object's state.
pub struct MatchData {
    /// The Pattern object (`Match.re`).
    pub re: Value,
    pub compiled: Arc<Compiled>,
    pub subject: Arc<Subject>,
    pub pos: usize,
    pub endpos: usize,
    pub caps: Captures,
}

/// A new Match object.
pub fn new_match(data: MatchData) -> Value {
    let class = data.compiled.classes.matched.clone();
    Native::value(class, data)
}

/// The Match class's dict.
pub fn members() -> Vec<(&'static str, Member)> {
    vec![
        ("group", Member::Method(group)),
        ("__getitem__", Member::Method(getitem)),
        ("groups", Member::Method(groups)),
        ("groupdict", Member::Method(groupdict)),
        ("start", Member::Method(start)),
        ("end", Member::Method(end)),
        ("span", Member::Method(span)),
        ("expand", Member::Method(expand)),
        ("__repr__", Member::Method(repr)),
        ("__copy__", Member::Method(copy)),
        ("__deepcopy__", Member::Method(copy)),
        property("string", string_attr),
        property("re", re_attr),
        property("pos", pos_attr),
        property("endpos", endpos_attr),
        property("lastindex", lastindex_attr),
        property("lastgroup", lastgroup_attr),
        property("regs", regs_attr),
    ]
}

fn this<'a>(vm: &Vm, args: &'a [Value], method: &str) -> PyResult<&'a MatchData> {
    receiver::<MatchData>(vm, args, method, "re.Match")
}

fn no_such_group() -> Raise {
    Raise::new(ExcKind::IndexError, "no such group")
}

/// The group number `v` names (an int or a group name).
fn group_index(m: &MatchData, v: &Value) -> PyResult<usize> {
    let n = match v {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        _ => match v.as_object() {
            Some(Object::Str(s)) => {
                return m
                    .compiled
                    .names
                    .iter()
                    .find(|e| *e.0 == *s.text)
                    .map(|e| e.1)
                    .ok_or_else(no_such_group)
            }
            _ => return Err(no_such_group()),
        },
    };
    if n < 0 || n as usize > m.compiled.groups {
        return Err(no_such_group());
    }
    Ok(n as usize)
}

fn group_of(m: &MatchData, v: &Value) -> PyResult<Value> {
    let g = group_index(m, v)?;
    Ok(group_value(&m.subject, &m.caps, g, &Value::None))
}

fn group(vm: &mut Vm, args: &[Value], _kwargs: &Kw) -> PyResult<Value> {
    let m = this(vm, args, "group")?;
    match &args[1..] {
        [] => Ok(group_value(&m.subject, &m.caps, 0, &Value::None)),
        [one] => group_of(m, one),
        many => {
            let mut out = Vec::with_capacity(many.len());
            for v in many {
                out.push(group_of(m, v)?);
            }
            Ok(tuple(out))
        }
    }
}

fn getitem(vm: &mut Vm, args: &[Value], _kwargs: &Kw) -> PyResult<Value> {
    let m = this(vm, args, "__getitem__")?;
    let Some(key) = args.get(1) else {
        return Err(Raise::type_error("expected 1 argument, got 0"));
    };
    group_of(m, key)
}

fn groups(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let m = this(vm, args, "groups")?;
    let [default] = args::parse("groups", ["default"], 0, &args[1..], kwargs)?;
    let default = default.unwrap_or(Value::None);
    Ok(tuple(
        (1..=m.compiled.groups)
            .map(|g| group_value(&m.subject, &m.caps, g, &default))
            .collect(),
    ))
}

fn groupdict(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let m = this(vm, args, "groupdict")?;
    let [default] = args::parse("groupdict", ["default"], 0, &args[1..], kwargs)?;
    let default = default.unwrap_or(Value::None);
    let dict = ops::new_dict();
    if let Some(Object::Dict(d)) = dict.as_object() {
        let d = d.get_mut(&mut vm.gil);
        for (name, g) in &m.compiled.names {
            d.insert_str(name, group_value(&m.subject, &m.caps, *g, &default));
        }
    }
    Ok(dict)
}

/// The span of the group named by the optional argument (-1s if unmatched).
fn span_of(vm: &mut Vm, args: &[Value], kwargs: &Kw, name: &str) -> PyResult<(i64, i64)> {
    let m = this(vm, args, name)?;
    if args.len() > 2 {
        return Err(Raise::type_error(format!(
            "{name} expected at most 1 argument, got {}",
            args.len() - 1
        )));
    }
    let [g] = args::parse(name, ["group"], 0, &args[1..], kwargs)?;
    let g = match g {
        Some(v) => group_index(m, &v)?,
        None => 0,
    };
    Ok(match m.caps.span(g) {
        Some((s, e)) => (s as i64, e as i64),
        None => (-1, -1),
    })
}

fn start(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    Ok(Value::Int(span_of(vm, args, kwargs, "start")?.0))
}

fn end(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    Ok(Value::Int(span_of(vm, args, kwargs, "end")?.1))
}

fn span(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let (s, e) = span_of(vm, args, kwargs, "span")?;
    Ok(tuple(vec![Value::Int(s), Value::Int(e)]))
}

fn expand(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let m = this(vm, args, "expand")?;
    let [template] = args::parse("expand", ["template"], 1, &args[1..], kwargs)?;
    let template = template.unwrap_or(Value::None);
    let pieces = parse_template(vm, &m.compiled, &template)?;
    let mut out = m.subject.buf();
    expand_into(&mut out, &pieces, &m.subject, &m.caps);
    Ok(out.value())
}

fn repr(vm: &mut Vm, args: &[Value], _kwargs: &Kw) -> PyResult<Value> {
    let m = this(vm, args, "__repr__")?;
    let (s, e) = m.caps.span(0).expect("group 0 matched");
    let text = m.subject.slice(s, e);
    let shown = ops::repr(vm, &text)?;
    Ok(PyStr::value(format!(
        "<re.Match object; span=({s}, {e}), match={shown}>"
    )))
}

fn copy(vm: &mut Vm, args: &[Value], _kwargs: &Kw) -> PyResult<Value> {
    this(vm, args, "__copy__")?;
    Ok(args[0].clone())
}

fn string_attr(vm: &mut Vm, args: &[Value], _kwargs: &Kw) -> PyResult<Value> {
    Ok(this(vm, args, "string")?.subject.value.clone())
}

fn re_attr(vm: &mut Vm, args: &[Value], _kwargs: &Kw) -> PyResult<Value> {
    Ok(this(vm, args, "re")?.re.clone())
}

fn pos_attr(vm: &mut Vm, args: &[Value], _kwargs: &Kw) -> PyResult<Value> {
    Ok(int(this(vm, args, "pos")?.pos))
}

fn endpos_attr(vm: &mut Vm, args: &[Value], _kwargs: &Kw) -> PyResult<Value> {
    Ok(int(this(vm, args, "endpos")?.endpos))
}

fn lastindex_attr(vm: &mut Vm, args: &[Value], _kwargs: &Kw) -> PyResult<Value> {
    let m = this(vm, args, "lastindex")?;
    Ok(match m.caps.lastindex {
        0 => Value::None,
        n => int(n),
    })
}

fn lastgroup_attr(vm: &mut Vm, args: &[Value], _kwargs: &Kw) -> PyResult<Value> {
    let m = this(vm, args, "lastgroup")?;
    Ok(match m.compiled.name_of(m.caps.lastindex) {
        Some(name) if m.caps.lastindex > 0 => PyStr::value(name),
        _ => Value::None,
    })
}

fn regs_attr(vm: &mut Vm, args: &[Value], _kwargs: &Kw) -> PyResult<Value> {
    let m = this(vm, args, "regs")?;
    Ok(tuple(
        (0..=m.compiled.groups)
            .map(|g| {
                let (s, e) = m
                    .caps
                    .span(g)
                    .map_or((-1, -1), |(s, e)| (s as i64, e as i64));
                tuple(vec![Value::Int(s), Value::Int(e)])
            })
            .collect(),
    ))
}

/// The iterator `finditer` returns.
struct Scanner {
    re: Value,
    compiled: Arc<Compiled>,
    subject: Arc<Subject>,
    /// The `pos` and `endpos` finditer was given.
    pos: usize,
    endpos: usize,
    /// The scan state and the matcher's scratch space, reused per match.
    scan: GilCell<(Scan, Matcher)>,
}

/// A new `finditer` iterator.
pub fn new_scanner(re: Value, compiled: Arc<Compiled>, subject: Arc<Subject>, scan: Scan) -> Value {
    let class = compiled.classes.scanner.clone();
    let (pos, endpos) = (scan.pos, scan.end);
    let matcher = Matcher::new(&compiled.prog);
    Native::value(
        class,
        Scanner {
            re,
            compiled,
            subject,
            pos,
            endpos,
            scan: GilCell::new((scan, matcher)),
        },
    )
}

/// The iterator class's dict.
pub fn scanner_members() -> Vec<(&'static str, Member)> {
    vec![
        ("__iter__", Member::Method(scanner_iter)),
        ("__next__", Member::Method(scanner_next)),
    ]
}

fn scanner_iter(vm: &mut Vm, args: &[Value], _kwargs: &Kw) -> PyResult<Value> {
    receiver::<Scanner>(vm, args, "__iter__", "callable_iterator")?;
    Ok(args[0].clone())
}

fn scanner_next(vm: &mut Vm, args: &[Value], _kwargs: &Kw) -> PyResult<Value> {
    let s = receiver::<Scanner>(vm, args, "__next__", "callable_iterator")?;
    let (scan, m) = s.scan.get_mut(&mut vm.gil);
    let (pos, endpos) = (s.pos, s.endpos);
    match scan.next(m, &s.compiled, &s.subject) {
        Some(caps) => Ok(new_match(MatchData {
            re: s.re.clone(),
            compiled: s.compiled.clone(),
            subject: s.subject.clone(),
            pos,
            endpos,
            caps,
        })),
        None => Err(Raise::Bare(ExcKind::StopIteration)),
    }
}
