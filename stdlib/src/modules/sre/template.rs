//! Replacement templates for `sub` and `Match.expand`: literal text with
//! `\1`, `\g<name>`, `\g<0>` group references and the usual escapes, parsed
//! as CPython 3.11's `re._parser.parse_template` does (same errors).

use super::parse::{is_identifier, py_repr, Error};

/// One piece of a template.
#[derive(Debug)]
pub enum Piece {
    /// Literal text (for bytes templates, chars below 256 standing for bytes).
    Lit(String),
    /// The text of a group (empty when it did not match).
    Group(usize),
}

/// Why a template is bad: a `re.error`, or an IndexError (unknown name).
pub enum TemplateError {
    Re(Error),
    Index(String),
}

fn err<T>(msg: String, pos: usize) -> Result<T, TemplateError> {
    Err(TemplateError::Re(Error::Re {
        msg,
        pos: Some(pos),
    }))
}

/// Parse `template` for a pattern with `groups` groups named `names`.
pub fn parse(
    template: &[char],
    groups: usize,
    names: &[(String, usize)],
) -> Result<Vec<Piece>, TemplateError> {
    let mut pieces = Vec::new();
    let mut lit = String::new();
    let mut i = 0;
    let n = template.len();
    let flush = |lit: &mut String, pieces: &mut Vec<Piece>| {
        if !lit.is_empty() {
            pieces.push(Piece::Lit(std::mem::take(lit)));
        }
    };
    let octal = |c: char| ('0'..='7').contains(&c);
    while i < n {
        let c = template[i];
        if c != '\\' {
            lit.push(c);
            i += 1;
            continue;
        }
        let Some(&e) = template.get(i + 1) else {
            return err("bad escape (end of pattern)".into(), n - 1);
        };
        let start = i;
        i += 2;
        match e {
            'g' => {
                if template.get(i) != Some(&'<') {
                    return err("missing <".into(), i);
                }
                i += 1;
                let name_start = i;
                let Some(close) = template[i..].iter().position(|&c| c == '>') else {
                    if i == n {
                        return err("missing group name".into(), n);
                    }
                    return err("missing >, unterminated name".into(), name_start);
                };
                let name: String = template[i..i + close].iter().collect();
                i += close + 1;
                if name.is_empty() {
                    return err("missing group name".into(), i - 1);
                }
                let index = if is_identifier(&name) {
                    match names.iter().find(|(k, _)| *k == name) {
                        Some(&(_, g)) => g,
                        None => {
                            return Err(TemplateError::Index(format!(
                                "unknown group name {}",
                                py_repr(&name)
                            )))
                        }
                    }
                } else {
                    match name.parse::<u64>() {
                        Ok(g) if name.bytes().all(|b| b.is_ascii_digit()) => {
                            if g >= 1 << 30 {
                                return err(format!("invalid group reference {g}"), name_start);
                            }
                            g as usize
                        }
                        _ => {
                            return err(
                                format!("bad character in group name {}", py_repr(&name)),
                                name_start,
                            )
                        }
                    }
                };
                if index > groups {
                    return err(format!("invalid group reference {index}"), name_start);
                }
                flush(&mut lit, &mut pieces);
                pieces.push(Piece::Group(index));
            }
            '0' => {
                let mut text = String::new();
                while text.len() < 2 && i < n && octal(template[i]) {
                    text.push(template[i]);
                    i += 1;
                }
                let v = u32::from_str_radix(&format!("0{text}"), 8).expect("octal");
                lit.push(char::from_u32(v & 0xff).expect("a byte"));
            }
            d if d.is_ascii_digit() => {
                let mut text = d.to_string();
                if i < n && template[i].is_ascii_digit() {
                    text.push(template[i]);
                    i += 1;
                    if octal(d) && octal(text.as_bytes()[1] as char) && i < n && octal(template[i])
                    {
                        text.push(template[i]);
                        i += 1;
                        let v = u32::from_str_radix(&text, 8).expect("octal");
                        if v > 0o377 {
                            return err(
                                format!("octal escape value \\{text} outside of range 0-0o377"),
                                start,
                            );
                        }
                        lit.push(char::from_u32(v).expect("a byte"));
                        continue;
                    }
                }
                let index: usize = text.parse().expect("digits");
                if index > groups {
                    return err(format!("invalid group reference {index}"), start + 1);
                }
                flush(&mut lit, &mut pieces);
                pieces.push(Piece::Group(index));
            }
            _ => {
                let simple = match e {
                    'a' => Some('\x07'),
                    'b' => Some('\x08'),
                    'f' => Some('\x0c'),
                    'n' => Some('\n'),
                    'r' => Some('\r'),
                    't' => Some('\t'),
                    'v' => Some('\x0b'),
                    '\\' => Some('\\'),
                    _ => None,
                };
                match simple {
                    Some(c) => lit.push(c),
                    None if e.is_ascii_alphabetic() => {
                        return err(format!("bad escape \\{e}"), start);
                    }
                    None => {
                        lit.push('\\');
                        lit.push(e);
                    }
                }
            }
        }
    }
    flush(&mut lit, &mut pieces);
    Ok(pieces)
}
