//! `print()` and `input()`: text to and from sys.stdout and sys.stdin, or to
//! any object with a `write` method.

use crate::eval::{attr, call, ops};
use crate::exc::{PyResult, Raise};
use crate::interp::Vm;
use crate::object::io::{self, errors, string_io, text, Body};
use crate::object::{Object, PyStr};
use crate::value::Value;

type Kw = [(Box<str>, Value)];

/// A stream whose `write` is the native one, written to without a call.
enum Sink<'a> {
    Text(&'a crate::gil::GilCell<text::TextFile>),
    Strings(&'a crate::gil::GilCell<string_io::StringBuf>),
}

impl Sink<'_> {
    /// The native sink behind `file`, unless its class overrides `write`.
    fn of<'a>(vm: &Vm, file: &'a Value) -> Option<Sink<'a>> {
        let s = io::stream_of(file)?;
        let write = attr::lookup(vm, &s.class, "write")?;
        let native = |f| attr::is_native(&write, f);
        match &s.body {
            Body::Text(t) if native(text::native_write) => Some(Sink::Text(t)),
            Body::Strings(b) if native(string_io::native_write) => Some(Sink::Strings(b)),
            _ => None,
        }
    }

    fn write(&self, vm: &mut Vm, s: &str) -> PyResult<()> {
        match self {
            Sink::Text(t) => text::write(vm, t, s).map(drop),
            Sink::Strings(b) => string_io::write(vm, b, s).map(drop),
        }
    }

    fn flush(&self, vm: &mut Vm) -> PyResult<()> {
        match self {
            Sink::Text(t) => text::flush(vm, t),
            Sink::Strings(_) => Ok(()),
        }
    }
}

/// `sep` or `end`: None or a str.
fn text_kwarg<'a>(
    vm: &Vm,
    v: Option<&'a Value>,
    name: &str,
    default: &'a str,
) -> PyResult<&'a str> {
    match v {
        None | Some(Value::None) => Ok(default),
        Some(v) => match v.as_object() {
            Some(Object::Str(s)) => Ok(&s.text),
            _ => Err(Raise::type_error(format!(
                "{name} must be None or a string, not {}",
                attr::type_name(vm, v)
            ))),
        },
    }
}

/// `str(v)`, without a copy's detour for a str.
fn push_str_of(vm: &mut Vm, out: &mut String, v: &Value) -> PyResult<()> {
    match v.as_object() {
        Some(Object::Str(s)) => out.push_str(&s.text),
        _ => out.push_str(&ops::str_of(vm, v)?),
    }
    Ok(())
}

/// Call `file.<method>(*args)`.
fn call_method(vm: &mut Vm, file: &Value, method: &str, args: Vec<Value>) -> PyResult<Value> {
    let f = attr::get(vm, file, method)?;
    call::call(vm, &f, args, Vec::new())
}

/// `print(*objects, sep=' ', end='\n', file=None, flush=False)`.
pub fn print(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let (mut sep, mut end, mut file, mut flush) = (None, None, None, None);
    for (k, v) in kwargs {
        match &**k {
            "sep" => sep = Some(v),
            "end" => end = Some(v),
            "file" => file = Some(v),
            "flush" => flush = Some(v),
            _ => {
                return Err(Raise::type_error(format!(
                    "'{k}' is an invalid keyword argument for print()"
                )))
            }
        }
    }
    let sep = text_kwarg(vm, sep, "sep", " ")?;
    let end = text_kwarg(vm, end, "end", "\n")?;
    let file = match file {
        None | Some(Value::None) => super::sys::stream(vm, "stdout", 1),
        Some(f) => f.clone(),
    };
    if matches!(file, Value::None) {
        return Ok(Value::None);
    }
    let flush = match flush {
        Some(v) => ops::truthy(vm, v)?,
        None => false,
    };
    if let Some(sink) = Sink::of(vm, &file) {
        let mut out = String::new();
        for (i, a) in args.iter().enumerate() {
            if i > 0 {
                out.push_str(sep);
            }
            if let Err(e) = push_str_of(vm, &mut out, a) {
                // What came before the failing object is written, as CPython does.
                sink.write(vm, &out)?;
                return Err(e);
            }
        }
        out.push_str(end);
        sink.write(vm, &out)?;
        if flush {
            sink.flush(vm)?;
        }
        return Ok(Value::None);
    }
    // Any other object: one write() call per piece, as CPython makes them.
    let write = attr::get(vm, &file, "write")?;
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            call::call(vm, &write, vec![PyStr::value(sep)], Vec::new())?;
        }
        let text = ops::str_of(vm, a)?;
        call::call(vm, &write, vec![PyStr::value(text)], Vec::new())?;
    }
    call::call(vm, &write, vec![PyStr::value(end)], Vec::new())?;
    if flush {
        call_method(vm, &file, "flush", Vec::new())?;
    }
    Ok(Value::None)
}

/// `input(prompt='')`: the prompt to sys.stdout (flushed), then a line from
/// sys.stdin without its line end; EOFError at the end of input.
pub fn input(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    if !kwargs.is_empty() {
        return Err(Raise::type_error("input() takes no keyword arguments"));
    }
    if args.len() > 1 {
        return Err(Raise::type_error(format!(
            "input expected at most 1 argument, got {}",
            args.len()
        )));
    }
    let stdin = super::sys::stream(vm, "stdin", 0);
    let stdout = super::sys::stream(vm, "stdout", 1);
    for (stream, name) in [(&stdin, "stdin"), (&stdout, "stdout")] {
        if matches!(stream, Value::None) {
            return Err(Raise::new(
                crate::exc::ExcKind::RuntimeError,
                format!("input(): lost sys.{name}"),
            ));
        }
    }
    if let Some(prompt) = args.first() {
        let prompt = ops::str_of(vm, prompt)?;
        match Sink::of(vm, &stdout) {
            Some(sink) => sink.write(vm, &prompt)?,
            None => {
                call_method(vm, &stdout, "write", vec![PyStr::value(prompt)])?;
            }
        }
    }
    match Sink::of(vm, &stdout) {
        Some(sink) => sink.flush(vm)?,
        None => {
            call_method(vm, &stdout, "flush", Vec::new())?;
        }
    }
    let line = match io::stream_of(&stdin).map(|s| &s.body) {
        Some(Body::Text(t)) => text::readline(vm, t, None)?,
        _ => {
            let line = call_method(vm, &stdin, "readline", Vec::new())?;
            match line.as_object() {
                Some(Object::Str(s)) => s.text.to_string(),
                _ => return Err(Raise::type_error("object.readline() returned non-string")),
            }
        }
    };
    if line.is_empty() {
        return Err(errors::raise_builtin(
            vm,
            "EOFError",
            "EOF when reading a line",
        ));
    }
    let line = line.strip_suffix('\n').unwrap_or(&line);
    Ok(PyStr::value(line))
}

#[cfg(test)]
mod tests {
    use crate::interp::Interp;

    /// A host that captures output gets print(), sys.stdout.write() and
    /// sys.stdout.buffer.write(), and not sys.stderr.
    #[test]
    fn captured_output_collects_stdout() {
        let interp = Interp::new();
        let mut vm = interp.enter();
        *vm.interp.captured.get_mut(&mut vm.gil) = Some(String::new());
        let source = b"import sys\nprint('a', 1)\nn = sys.stdout.write('b\\n')\n\
sys.stdout.buffer.write(b'c')\nprint(n, file=sys.stdout, end='')\nprint('-', file=sys.stderr)\n";
        let ran = crate::run::run_module_file(&mut vm, "__main__", "<test>", source);
        assert!(ran.is_ok());
        let captured = vm.interp.captured.get(&vm.gil).clone();
        assert_eq!(captured.as_deref(), Some("a 1\nb\nc2"));
    }
}
