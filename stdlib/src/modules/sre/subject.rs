//! The text a pattern is matched against, as the matcher reads it: the bytes
//! of a bytes object or an ASCII str in place, a copy of a bytearray, or the
//! code points of any other str. Indexes are Python's (code points for str).

use super::engine::{Anchor, Captures, Matcher, Program};
use gilt_vm::eval::attr;
use gilt_vm::exc::{PyResult, Raise};
use gilt_vm::interp::Vm;
use gilt_vm::object::{bytes, Object};
use gilt_vm::value::Value;

/// A str or bytes-like object ready for matching.
pub struct Subject {
    /// The object matched (`Match.string`).
    pub value: Value,
    kind: Kind,
}

enum Kind {
    /// An ASCII str: its UTF-8 bytes are its code points.
    Ascii,
    /// A str with non-ASCII text.
    Chars(Vec<char>),
    /// A bytes object.
    Bytes,
    /// A bytearray's contents when matching began.
    Copied(Vec<u8>),
}

/// Text being built from pieces of a subject (for `sub`).
pub enum Buf {
    Str(String),
    Bytes(Vec<u8>),
}

impl Buf {
    /// The finished str or bytes.
    pub fn value(self) -> Value {
        match self {
            Buf::Str(s) => gilt_vm::object::str::new_value(s),
            Buf::Bytes(b) => bytes::new_bytes(b),
        }
    }

    /// Append literal text (for bytes, each char is one byte, Latin-1).
    pub fn push_text(&mut self, text: &str) {
        match self {
            Buf::Str(s) => s.push_str(text),
            Buf::Bytes(b) => b.extend(text.chars().map(|c| c as u32 as u8)),
        }
    }
}

impl Subject {
    /// Check `v` against a pattern of the given type and prepare it.
    pub fn new(vm: &Vm, v: &Value, pattern_bytes: bool) -> PyResult<Subject> {
        // A str or bytes subclass is matched by its builtin value.
        let v = match v.as_object() {
            Some(Object::Instance(i)) => match &i.payload {
                Some(p) if matches!(p.as_object(), Some(Object::Str(_) | Object::Bytes(_))) => p,
                _ => v,
            },
            _ => v,
        };
        let kind = match v.as_object() {
            Some(Object::Str(s)) => {
                if pattern_bytes {
                    return Err(Raise::type_error(
                        "cannot use a bytes pattern on a string-like object",
                    ));
                }
                if s.is_ascii() {
                    Kind::Ascii
                } else {
                    Kind::Chars(s.text.chars().collect())
                }
            }
            Some(Object::Bytes(_)) | Some(Object::ByteArray(_)) => {
                if !pattern_bytes {
                    return Err(Raise::type_error(
                        "cannot use a string pattern on a bytes-like object",
                    ));
                }
                match v.as_object() {
                    Some(Object::ByteArray(b)) => Kind::Copied(b.get(&vm.gil).clone()),
                    _ => Kind::Bytes,
                }
            }
            _ => {
                return Err(Raise::type_error(format!(
                    "expected string or bytes-like object, got '{}'",
                    attr::type_name(vm, v)
                )))
            }
        };
        Ok(Subject {
            value: v.clone(),
            kind,
        })
    }

    /// Whether the subject is bytes-like.
    pub fn is_bytes(&self) -> bool {
        matches!(self.kind, Kind::Bytes | Kind::Copied(_))
    }

    fn raw(&self) -> &[u8] {
        match (&self.kind, self.value.as_object()) {
            (Kind::Copied(v), _) => v,
            (_, Some(Object::Str(s))) => s.text.as_bytes(),
            (_, Some(Object::Bytes(b))) => b,
            _ => &[],
        }
    }

    /// Length in Python's units.
    pub fn len(&self) -> usize {
        match &self.kind {
            Kind::Chars(c) => c.len(),
            _ => self.raw().len(),
        }
    }

    /// Run `prog` over `[.. end]` from `pos`; with `must_advance`, an empty
    /// match at `pos` does not count (the rule for successive matches).
    pub fn find(
        &self,
        m: &mut Matcher,
        prog: &Program,
        pos: usize,
        end: usize,
        anchor: Anchor,
        must_advance: bool,
    ) -> Option<Captures> {
        m.no_empty_at = if must_advance { pos } else { usize::MAX };
        match &self.kind {
            Kind::Chars(c) => m.find(prog, &c[..], pos, end, anchor),
            _ => m.find(prog, self.raw(), pos, end, anchor),
        }
    }

    /// `string[s:e]` as a new str or bytes.
    pub fn slice(&self, s: usize, e: usize) -> Value {
        match &self.kind {
            Kind::Chars(c) => gilt_vm::object::str::new_value(c[s..e].iter().collect()),
            Kind::Ascii => {
                let text = &self.raw()[s..e];
                gilt_vm::object::str::new_value(String::from_utf8_lossy(text).into_owned())
            }
            _ => bytes::new_bytes(self.raw()[s..e].to_vec()),
        }
    }

    /// An empty buffer of the subject's type.
    pub fn buf(&self) -> Buf {
        if self.is_bytes() {
            Buf::Bytes(Vec::new())
        } else {
            Buf::Str(String::new())
        }
    }

    /// Append `string[s:e]` to `out`.
    pub fn push_slice(&self, out: &mut Buf, s: usize, e: usize) {
        match (out, &self.kind) {
            (Buf::Str(o), Kind::Chars(c)) => o.extend(&c[s..e]),
            (Buf::Str(o), _) => o.push_str(&String::from_utf8_lossy(&self.raw()[s..e])),
            (Buf::Bytes(o), _) => o.extend_from_slice(&self.raw()[s..e]),
        }
    }
}
