//! The SyntaxErrors CPython 3.11's compiler raises for `match` patterns: an
//! irrefutable pattern before other cases or alternatives, a name bound twice
//! in one pattern, alternatives binding different names, two starred names in
//! a sequence, a repeated literal key or keyword attribute.
//!
//! CPython reports them at the location of the last pattern it started to
//! compile (not always the one at fault: `**a` repeating a name is reported
//! at the sub-pattern before it), so this walks patterns in its order and
//! keeps that location.

use super::{error, Res};
use crate::object::{complex, dict, float, int};
use crate::value::Value;
use gilt_lexer::{IntValue, Wtf8Buf};
use gilt_parser::ast::*;

/// Check the pattern of one case; `irrefutable_ok` when it is the last case
/// or has a guard.
pub(super) fn check_case(pattern: &Pattern, irrefutable_ok: bool) -> Res {
    let mut walker = Walker {
        stores: Vec::new(),
        allow_irrefutable: irrefutable_ok,
        at: pattern.range,
    };
    walker.pattern(pattern)
}

struct Walker<'p> {
    /// Names bound so far by the pattern (or the current alternative).
    stores: Vec<&'p str>,
    /// Whether a capture or `_` may stand here.
    allow_irrefutable: bool,
    /// Where an error is reported: the pattern entered last.
    at: Range,
}

fn is_wildcard(p: &Pattern) -> bool {
    matches!(
        p.node,
        PatternKind::MatchAs {
            pattern: None,
            name: None
        }
    )
}

impl<'p> Walker<'p> {
    fn pattern(&mut self, p: &'p Pattern) -> Res {
        self.at = p.range;
        match &p.node {
            PatternKind::MatchValue { .. } | PatternKind::MatchSingleton { .. } => Ok(()),
            PatternKind::MatchSequence { patterns } => {
                let stars = patterns
                    .iter()
                    .filter(|q| matches!(q.node, PatternKind::MatchStar { .. }))
                    .count();
                if stars > 1 {
                    return Err(error("multiple starred names in sequence pattern", self.at));
                }
                patterns.iter().try_for_each(|q| self.subpattern(q))
            }
            PatternKind::MatchMapping {
                keys,
                patterns,
                rest,
            } => {
                duplicate_keys(keys, self.at)?;
                patterns.iter().try_for_each(|q| self.subpattern(q))?;
                self.store(rest.as_deref())
            }
            PatternKind::MatchClass {
                patterns,
                kwd_attrs,
                kwd_patterns,
                ..
            } => {
                for (i, attr) in kwd_attrs.iter().enumerate() {
                    self.at = kwd_patterns[i].range;
                    forbidden(attr, self.at)?;
                    if let Some(j) = kwd_attrs[i + 1..].iter().position(|a| a == attr) {
                        let msg = format!("attribute name repeated in class pattern: {attr}");
                        return Err(error(msg, kwd_patterns[i + 1 + j].range));
                    }
                }
                self.at = p.range;
                patterns
                    .iter()
                    .chain(kwd_patterns)
                    .filter(|q| !is_wildcard(q))
                    .try_for_each(|q| self.subpattern(q))
            }
            PatternKind::MatchStar { name } => self.store(name.as_deref()),
            PatternKind::MatchAs {
                pattern: None,
                name,
            } => {
                if !self.allow_irrefutable {
                    let msg = match name {
                        Some(n) => {
                            format!("name capture '{n}' makes remaining patterns unreachable")
                        }
                        None => "wildcard makes remaining patterns unreachable".to_string(),
                    };
                    return Err(error(msg, self.at));
                }
                self.store(name.as_deref())
            }
            PatternKind::MatchAs {
                pattern: Some(inner),
                name,
            } => {
                self.pattern(inner)?;
                self.store(name.as_deref())
            }
            PatternKind::MatchOr { patterns } => self.alternatives(patterns),
        }
    }

    /// A pattern inside a sequence, mapping or class pattern, where a capture
    /// is always reachable.
    fn subpattern(&mut self, p: &'p Pattern) -> Res {
        let allow = std::mem::replace(&mut self.allow_irrefutable, true);
        self.pattern(p)?;
        self.allow_irrefutable = allow;
        Ok(())
    }

    fn alternatives(&mut self, patterns: &'p [Pattern]) -> Res {
        let outer = std::mem::take(&mut self.stores);
        let allow = self.allow_irrefutable;
        let mut control: Option<Vec<&'p str>> = None;
        for (i, alt) in patterns.iter().enumerate() {
            self.stores.clear();
            // Only the last alternative may be irrefutable, if the or-pattern may.
            self.allow_irrefutable = allow && i + 1 == patterns.len();
            self.pattern(alt)?;
            match &control {
                None => control = Some(self.stores.clone()),
                Some(names) => {
                    let same = names.len() == self.stores.len()
                        && names.iter().all(|n| self.stores.contains(n));
                    if !same {
                        return Err(error("alternative patterns bind different names", self.at));
                    }
                }
            }
        }
        self.allow_irrefutable = allow;
        self.stores = outer;
        for name in control.unwrap_or_default() {
            self.store(Some(name))?;
        }
        Ok(())
    }

    fn store(&mut self, name: Option<&'p str>) -> Res {
        let Some(name) = name else {
            return Ok(());
        };
        forbidden(name, self.at)?;
        if self.stores.contains(&name) {
            let msg = format!("multiple assignments to name '{name}' in pattern");
            return Err(error(msg, self.at));
        }
        self.stores.push(name);
        Ok(())
    }
}

fn forbidden(name: &str, at: Range) -> Res {
    if name == "__debug__" {
        return Err(error("cannot assign to __debug__", at));
    }
    Ok(())
}

/// A literal key of a mapping pattern, folded as CPython's AST optimizer
/// folds `-1` and `1+2j` before compiling.
enum Key<'p> {
    Number(Value),
    Str(&'p Wtf8Buf),
    Bytes(&'p [u8]),
}

impl Key<'_> {
    fn same(&self, other: &Key) -> bool {
        match (self, other) {
            (Key::Number(a), Key::Number(b)) => dict::builtin_equal(a, b) == Some(true),
            (Key::Str(a), Key::Str(b)) => a == b,
            (Key::Bytes(a), Key::Bytes(b)) => a == b,
            _ => false,
        }
    }

    fn repr(&self) -> String {
        let mut out = String::new();
        match self {
            Key::Number(v) => match v {
                Value::None => out.push_str("None"),
                Value::Float(f) => out.push_str(&float::repr(*f)),
                _ => match complex::of(v) {
                    Some(c) => out.push_str(&complex::repr(c)),
                    None => out.push_str(&int::repr(v).and_then(Result::ok).unwrap_or_default()),
                },
            },
            Key::Str(s) => gilt_parser::repr::str_repr(s, &mut out),
            Key::Bytes(b) => gilt_parser::repr::bytes_repr(b, &mut out),
        }
        out
    }
}

fn number(c: &Constant) -> Option<Value> {
    Some(match c {
        Constant::None => Value::None,
        Constant::Bool(b) => Value::Bool(*b),
        Constant::Int(IntValue::Small(i)) => Value::Int(*i),
        Constant::Int(IntValue::Big(b)) => int::normalize(b.clone()),
        Constant::Float(f) => Value::Float(*f),
        Constant::Complex { real, imag } => complex::Complex::new(*real, *imag).value(),
        _ => return None,
    })
}

/// The value of a literal pattern: a constant, a negated number, or a real
/// plus or minus an imaginary number.
fn fold(e: &Expr) -> Option<Key<'_>> {
    match &e.node {
        ExprKind::Constant { value, .. } => match value {
            Constant::Str(s) => Some(Key::Str(s)),
            Constant::Bytes(b) => Some(Key::Bytes(b)),
            c => number(c).map(Key::Number),
        },
        ExprKind::UnaryOp {
            op: UnaryOp::USub,
            operand,
        } => {
            let Some(Key::Number(v)) = fold(operand) else {
                return None;
            };
            let negated = match complex::of(&v) {
                Some(c) => complex::Complex::new(-c.re, -c.im).value(),
                None => int::unary_op(UnaryOp::USub, &v)?.ok()?,
            };
            Some(Key::Number(negated))
        }
        ExprKind::BinOp { left, op, right } => {
            let (Some(Key::Number(l)), Some(Key::Number(r))) = (fold(left), fold(right)) else {
                return None;
            };
            complex::binary_op(*op, &l, &r)?.ok().map(Key::Number)
        }
        _ => None,
    }
}

/// "mapping pattern checks duplicate key": two literal keys that are equal
/// (`1`, `1.0` and `True` are), reported with the second one.
fn duplicate_keys(keys: &[Expr], at: Range) -> Res {
    let mut seen: Vec<Key> = Vec::new();
    for key in keys {
        let Some(k) = fold(key) else {
            continue;
        };
        if seen.iter().any(|s| s.same(&k)) {
            let msg = format!("mapping pattern checks duplicate key ({})", k.repr());
            return Err(error(msg, at));
        }
        seen.push(k);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    fn check(src: &str) -> Result<(), String> {
        let m = gilt_parser::parse_module(src).map_err(|e| e.msg)?;
        super::super::check_module(&m).map_err(|e| e.msg)
    }

    #[test]
    fn unreachable_and_bindings() {
        assert_eq!(
            check("match a:\n case x: pass\n case 1: pass\n").unwrap_err(),
            "name capture 'x' makes remaining patterns unreachable"
        );
        assert!(check("match a:\n case x if x: pass\n case 1: pass\n").is_ok());
        assert_eq!(
            check("match a:\n case [x, {'k': x}]: pass\n").unwrap_err(),
            "multiple assignments to name 'x' in pattern"
        );
        assert_eq!(
            check("match a:\n case [x] | (y, _): pass\n").unwrap_err(),
            "alternative patterns bind different names"
        );
        assert!(check("match a:\n case [x, y] | (y, x): pass\n").is_ok());
        assert_eq!(
            check("match a:\n case {1: _, True: _}: pass\n").unwrap_err(),
            "mapping pattern checks duplicate key (True)"
        );
        assert_eq!(
            check("match a:\n case {-1: _, -1.0: _}: pass\n").unwrap_err(),
            "mapping pattern checks duplicate key (-1.0)"
        );
        assert_eq!(
            check("match a:\n case {1-2j: _, 1-2j: _}: pass\n").unwrap_err(),
            "mapping pattern checks duplicate key ((1-2j))"
        );
    }
}
