//! The text CPython 3.11 prints for an uncaught exception: the chain of
//! causes and contexts first, each with its traceback, message and notes;
//! exception groups drawn as nested boxes with a `| ` margin, as
//! `PyErr_Display` draws them (at most 15 members and 10 levels shown).

use super::{attr, ops};
use crate::builtins::{exception_attrs, exception_group, traceback};
use crate::interp::Vm;
use crate::object::Object;
use crate::value::Value;

/// How many members of a group are shown; the rest are counted.
const MAX_GROUP_WIDTH: usize = 15;
/// How deep nested groups are shown.
const MAX_GROUP_DEPTH: usize = 10;
/// A line repeated more than this many times in a row is counted, not shown.
const RECURSIVE_CUTOFF: usize = 3;

const CAUSE_MESSAGE: &str =
    "The above exception was the direct cause of the following exception:\n";
const CONTEXT_MESSAGE: &str =
    "During handling of the above exception, another exception occurred:\n";

/// Where the printer is: how deep in groups, whether a group's closing line
/// is still owed, and which exceptions were printed (a chain may loop).
struct Printer<'s> {
    out: String,
    depth: usize,
    need_close: bool,
    seen: Vec<Value>,
    source_line: &'s dyn Fn(&str, u32) -> Option<String>,
}

/// The traceback and message CPython prints for an uncaught exception,
/// chained causes and contexts first.
pub fn format_uncaught(
    vm: &mut Vm,
    exc: &Value,
    source_line: &dyn Fn(&str, u32) -> Option<String>,
) -> String {
    let mut p = Printer {
        out: String::new(),
        depth: 0,
        need_close: false,
        seen: Vec::new(),
        source_line,
    };
    p.recursive(vm, exc);
    p.out
}

impl Printer<'_> {
    fn indent(&self) -> String {
        " ".repeat(2 * self.depth)
    }

    /// The margin in front of every line inside a group.
    fn margin(&self) -> String {
        if self.depth > 0 {
            format!("{}| ", self.indent())
        } else {
            String::new()
        }
    }

    /// `text`, each of its lines after the margin.
    fn emit(&mut self, text: &str) {
        let margin = self.margin();
        for line in text.split_inclusive('\n') {
            self.out.push_str(&margin);
            self.out.push_str(line);
        }
        if !text.ends_with('\n') {
            self.out.push('\n');
        }
    }

    fn recursive(&mut self, vm: &mut Vm, exc: &Value) {
        self.chain(vm, exc);
        if exception_group::members(vm, exc).is_some() {
            self.group(vm, exc);
        } else {
            self.single(vm, exc);
        }
    }

    /// The cause, or else the context unless suppressed, printed before `exc`.
    fn chain(&mut self, vm: &mut Vm, exc: &Value) {
        self.seen.push(exc.clone());
        let get = |vm: &Vm, key| {
            exception_attrs::stored(vm, exc, key).filter(|v| !matches!(v, Value::None))
        };
        let cause = get(vm, "__cause__");
        let suppress = matches!(get(vm, "__suppress_context__"), Some(Value::Bool(true)));
        let context = get(vm, "__context__");
        let (chained, message) = match (cause, context) {
            (Some(c), _) => (c, CAUSE_MESSAGE),
            (None, Some(c)) if !suppress => (c, CONTEXT_MESSAGE),
            _ => return,
        };
        if self.seen.iter().any(|s| ops::is(s, &chained)) {
            return;
        }
        let need_close = self.need_close;
        self.recursive(vm, &chained);
        self.need_close = need_close;
        let margin = self.margin();
        self.out
            .push_str(&format!("{margin}\n{margin}{message}{margin}\n"));
    }

    /// A plain exception: its traceback, then its message and notes.
    fn single(&mut self, vm: &mut Vm, exc: &Value) {
        self.traceback(vm, exc, "Traceback (most recent call last):", false);
        self.message(vm, exc);
    }

    fn traceback(&mut self, vm: &mut Vm, exc: &Value, header: &str, group: bool) {
        let tb = exception_attrs::stored(vm, exc, "__traceback__").unwrap_or(Value::None);
        let entries = traceback::entries(vm, &tb);
        if entries.is_empty() {
            return;
        }
        let header_margin = if group && self.depth == 1 {
            format!("{}+ ", self.indent())
        } else {
            self.margin()
        };
        self.out.push_str(&format!("{header_margin}{header}\n"));
        let mut previous: Option<(&str, u32, &str)> = None;
        let mut repeats = 0;
        for e in &entries {
            let here = (e.file.as_str(), e.line, e.name.as_str());
            if previous == Some(here) {
                repeats += 1;
                if repeats >= RECURSIVE_CUTOFF {
                    continue;
                }
            } else {
                self.repeated(repeats);
                previous = Some(here);
                repeats = 0;
            }
            self.emit(&format!(
                "  File \"{}\", line {}, in {}",
                e.file, e.line, e.name
            ));
            if let Some(text) = (self.source_line)(&e.file, e.line) {
                let text = text.trim();
                if !text.is_empty() {
                    self.emit(&format!("    {text}"));
                }
            }
        }
        self.repeated(repeats);
    }

    /// CPython's line for the repeats past the cutoff.
    fn repeated(&mut self, repeats: usize) {
        if repeats >= RECURSIVE_CUTOFF {
            let more = repeats - (RECURSIVE_CUTOFF - 1);
            let s = if more > 1 { "s" } else { "" };
            self.emit(&format!("  [Previous line repeated {more} more time{s}]"));
        }
    }

    fn message(&mut self, vm: &mut Vm, exc: &Value) {
        let name = qualified_name(vm, exc);
        if let Some(report) = crate::builtins::syntax_error::report(vm, exc, &name) {
            self.emit(&report);
        } else {
            // Through `__str__`, as CPython prints an uncaught exception.
            let message =
                ops::str_of(vm, exc).unwrap_or_else(|_| "<exception str() failed>".into());
            if message.is_empty() {
                self.emit(&name);
            } else {
                self.emit(&format!("{name}: {message}"));
            }
        }
        for note in exception_attrs::notes(vm, exc) {
            self.emit(&note);
        }
    }

    /// An exception group: its own traceback and message, then each member
    /// in a numbered box one level deeper.
    fn group(&mut self, vm: &mut Vm, exc: &Value) {
        if self.depth > MAX_GROUP_DEPTH {
            self.emit(&format!("... (max_group_depth is {MAX_GROUP_DEPTH})"));
            return;
        }
        let toplevel = self.depth == 0;
        if toplevel {
            self.depth += 1;
        }
        self.traceback(
            vm,
            exc,
            "Exception Group Traceback (most recent call last):",
            true,
        );
        self.message(vm, exc);
        let members = exception_group::members(vm, exc).unwrap_or_default();
        let n = members.len().min(MAX_GROUP_WIDTH + 1);
        self.need_close = false;
        for (i, member) in members.iter().take(n).enumerate() {
            let last = i == n - 1;
            if last {
                // A nested group may draw the closing line itself.
                self.need_close = true;
            }
            let corner = if i == 0 { "+-" } else { "  " };
            let truncated = i >= MAX_GROUP_WIDTH;
            let title = if truncated {
                "...".to_string()
            } else {
                (i + 1).to_string()
            };
            self.out.push_str(&format!(
                "{}{corner}+---------------- {title} ----------------\n",
                self.indent()
            ));
            self.depth += 1;
            if truncated {
                let more = members.len() - MAX_GROUP_WIDTH;
                let s = if more > 1 { "s" } else { "" };
                self.emit(&format!("and {more} more exception{s}"));
            } else {
                self.recursive(vm, member);
            }
            if last && self.need_close {
                self.out.push_str(&format!(
                    "{}+------------------------------------\n",
                    self.indent()
                ));
                self.need_close = false;
            }
            self.depth -= 1;
        }
        if toplevel {
            self.depth -= 1;
        }
    }
}

/// The class name as a traceback shows it: module-qualified unless builtin
/// or defined in `__main__`.
fn qualified_name(vm: &Vm, exc: &Value) -> String {
    let class = attr::class_of(vm, exc);
    let Object::Class(c) = class.get() else {
        return String::new();
    };
    match c
        .dict
        .get(&vm.gil)
        .get_str("__module__")
        .and_then(Value::as_object)
    {
        Some(Object::Str(m)) if &*m.text != "builtins" && &*m.text != "__main__" => {
            format!("{}.{}", m.text, c.qualname)
        }
        _ => c.qualname.to_string(),
    }
}
