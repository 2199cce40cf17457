//! The embedding API (src/embed/): running code, values crossing between Rust
//! and Python, registered Rust functions, captured output, and every error
//! path giving an `Err` (or a Python exception) rather than a panic or a hang.

use gilt::{Error, Interpreter, Object};
use std::collections::HashMap;
use std::sync::Arc;

fn int(o: Object) -> i64 {
    o.extract().unwrap()
}

#[test]
fn exec_keeps_its_namespace_and_eval_reads_it() {
    let interp = Interpreter::new();
    interp.exec("count = 1").unwrap();
    interp
        .exec("count += 41\ndef half(x):\n    return x // 2\n")
        .unwrap();
    assert_eq!(int(interp.eval("half(count)").unwrap()), 21);
    assert_eq!(int(interp.get("count").unwrap()), 42);
    assert_eq!(int(interp.eval("  len('abc')").unwrap()), 3);
    interp.set("name", "gilt").unwrap();
    assert_eq!(interp.eval("name.title()").unwrap().str().unwrap(), "Gilt");
    assert_eq!(interp.eval("__name__").unwrap().str().unwrap(), "__main__");
}

#[test]
fn syntax_errors_in_exec_and_eval() {
    let interp = Interpreter::new();
    let err = interp.exec("x = (").unwrap_err();
    assert_eq!(err.class(), "SyntaxError");
    assert_eq!(err.message(), "'(' was never closed");
    assert_eq!(
        err.traceback(),
        "  File \"<string>\", line 1\n    x = (\n        ^\nSyntaxError: '(' was never closed\n"
    );
    let err = interp.exec("if x:\nprint(x)").unwrap_err();
    assert_eq!(err.class(), "IndentationError");
    let err = interp.exec("return 1").unwrap_err();
    assert_eq!(
        err.traceback(),
        "  File \"<string>\", line 1\nSyntaxError: 'return' outside function\n"
    );
    assert_eq!(interp.eval("x = 1").unwrap_err().class(), "SyntaxError");
    assert_eq!(
        interp.eval("(yield)").unwrap_err().message(),
        "'yield' outside function"
    );
    // Nothing ran, nothing broke.
    assert_eq!(int(interp.eval("1 + 1").unwrap()), 2);
}

#[test]
fn exceptions_reach_rust_with_cpython_tracebacks() {
    let interp = Interpreter::new();
    let err = interp.eval("missing + 1").unwrap_err();
    assert_eq!(err.class(), "NameError");
    assert_eq!(err.message(), "name 'missing' is not defined");
    assert_eq!(err.to_string(), "NameError: name 'missing' is not defined");
    assert_eq!(
        err.traceback(),
        "Traceback (most recent call last):\n  File \"<string>\", line 1, in <module>\n\
         NameError: name 'missing' is not defined\n"
    );
    interp
        .exec("class Oops(Exception):\n    pass\ndef f(n):\n    raise Oops('n =', n)\n")
        .unwrap();
    let err = interp.eval("f(3)").unwrap_err();
    assert_eq!(err.class(), "Oops");
    assert_eq!(err.message(), "('n =', 3)");
    assert_eq!(
        err.traceback(),
        "Traceback (most recent call last):\n  File \"<string>\", line 1, in <module>\n  \
         File \"<string>\", line 4, in f\nOops: ('n =', 3)\n"
    );
    let exc = err.exception().unwrap();
    assert_eq!(exc.getattr("args").unwrap().repr().unwrap(), "('n =', 3)");
    let err = interp.exec("import sys\nsys.exit(4)").unwrap_err();
    assert_eq!((err.class(), err.message()), ("SystemExit", "4"));
    let err = interp.get("nothing").unwrap_err();
    assert_eq!(err.to_string(), "NameError: name 'nothing' is not defined");
}

#[test]
fn run_file_shows_source_lines() {
    let dir = std::env::temp_dir().join(format!("gilt_embed_{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("script.py");
    std::fs::write(&path, "def g():\n    raise ValueError('bad')\ng()\n").unwrap();
    let interp = Interpreter::new();
    let err = interp.run_file(&path).unwrap_err();
    let file = path.display();
    assert_eq!(
        err.traceback(),
        format!(
            "Traceback (most recent call last):\n  File \"{file}\", line 3, in <module>\n    g()\n  \
             File \"{file}\", line 2, in g\n    raise ValueError('bad')\nValueError: bad\n"
        )
    );
    // The definition stays in __main__.
    assert!(interp.get("g").is_ok());
    let err = interp.run_file(dir.join("absent.py")).unwrap_err();
    assert_eq!(err.class(), "FileNotFoundError");
    assert!(err
        .message()
        .starts_with("[Errno 2] No such file or directory: "));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn values_convert_both_ways() {
    let interp = Interpreter::new();
    interp
        .exec("def echo(*args):\n    return [(type(a).__name__, a) for a in args]\n")
        .unwrap();
    let echo = interp.get("echo").unwrap();
    let mut map = HashMap::new();
    map.insert("k".to_string(), vec![Some(1.5), None]);
    let args: Vec<Object> = vec![
        7.into(),
        2.5.into(),
        true.into(),
        "s".into(),
        String::from("t").into(),
        ().into(),
        vec![1, 2].into(),
        map.into(),
        (1, "two").into(),
        (1, 2.0, false).into(),
        Some(3).into(),
        Option::<i64>::None.into(),
    ];
    let out = interp.call(&echo, &args).unwrap();
    assert_eq!(
        out.repr().unwrap(),
        "[('int', 7), ('float', 2.5), ('bool', True), ('str', 's'), ('str', 't'), \
         ('NoneType', None), ('list', [1, 2]), ('dict', {'k': [1.5, None]}), \
         ('tuple', (1, 'two')), ('tuple', (1, 2.0, False)), ('int', 3), ('NoneType', None)]"
    );
    let v = interp
        .eval("{'a': [1, 2], 'b': (), 'c': [None, 3]}")
        .unwrap();
    let m: HashMap<String, Vec<Option<i64>>> = v.extract().unwrap();
    assert_eq!(m["a"], [Some(1), Some(2)]);
    assert!(m["b"].is_empty());
    assert_eq!(m["c"], [None, Some(3)]);
    assert_eq!(
        interp.eval("2 ** 62").unwrap().extract::<i64>().unwrap(),
        1 << 62
    );
    assert_eq!(interp.eval("3").unwrap().extract::<f64>().unwrap(), 3.0);
    assert_eq!(interp.eval("True").unwrap().extract::<i64>().unwrap(), 1);
    assert_eq!(i64::try_from(interp.eval("-5").unwrap()).unwrap(), -5);
    assert_eq!(String::try_from(interp.eval("'é'").unwrap()).unwrap(), "é");
    let v: Vec<String> = interp.eval("'a b'.split()").unwrap().try_into().unwrap();
    assert_eq!(v, ["a", "b"]);
    let o: Object = interp.eval("[1]").unwrap().extract().unwrap();
    assert_eq!(o.repr().unwrap(), "[1]");
    // Data made in Rust is copied in: Python's changes do not reach it.
    let list = Object::from(vec![1]);
    interp.set("shared", list.clone()).unwrap();
    interp.exec("shared.append(2)").unwrap();
    assert_eq!(list.repr().unwrap(), "[1]");
    assert_eq!(interp.get("shared").unwrap().repr().unwrap(), "[1, 2]");
}

#[test]
fn wrong_conversions_are_errors() {
    let interp = Interpreter::new();
    let check = |expr: &str, err: Error, expected: &str| {
        assert_eq!(err.to_string(), expected, "extracting {expr}");
    };
    let v = |expr: &str| interp.eval(expr).unwrap();
    check(
        "'x'",
        v("'x'").extract::<i64>().unwrap_err(),
        "TypeError: 'str' object cannot be interpreted as an integer",
    );
    check(
        "1.5",
        v("1.5").extract::<i64>().unwrap_err(),
        "TypeError: 'float' object cannot be interpreted as an integer",
    );
    check(
        "2**70",
        v("2**70").extract::<i64>().unwrap_err(),
        "OverflowError: Python int too large to convert to C long",
    );
    check(
        "10**400",
        v("10**400").extract::<f64>().unwrap_err(),
        "OverflowError: int too large to convert to float",
    );
    check(
        "None",
        v("None").extract::<f64>().unwrap_err(),
        "TypeError: must be real number, not NoneType",
    );
    check(
        "1",
        v("1").extract::<bool>().unwrap_err(),
        "TypeError: 'int' object cannot be converted to 'bool'",
    );
    check(
        "b",
        v("[1]").extract::<String>().unwrap_err(),
        "TypeError: 'list' object cannot be converted to 'str'",
    );
    check(
        "'ab'",
        v("'ab'").extract::<Vec<String>>().unwrap_err(),
        "TypeError: 'str' object cannot be converted to 'list'",
    );
    check(
        "[1, 'x']",
        v("[1, 'x']").extract::<Vec<i64>>().unwrap_err(),
        "TypeError: 'str' object cannot be interpreted as an integer",
    );
    check(
        "{1: 2}",
        v("{1: 2}").extract::<HashMap<String, i64>>().unwrap_err(),
        "TypeError: 'int' object cannot be converted to 'str'",
    );
    check(
        "(1,)",
        v("(1,)").extract::<HashMap<String, i64>>().unwrap_err(),
        "TypeError: 'tuple' object cannot be converted to 'dict'",
    );
    check(
        "len",
        v("len").extract::<Option<String>>().unwrap_err(),
        "TypeError: 'builtin_function_or_method' object cannot be converted to 'str'",
    );
    interp.exec("class P:\n    pass").unwrap();
    check(
        "P()",
        v("P()").extract::<f64>().unwrap_err(),
        "TypeError: must be real number, not P",
    );
    check(
        "3()",
        Object::from(3).call(&[]).unwrap_err(),
        "TypeError: 'int' object is not callable",
    );
    assert_eq!(
        Object::from("x").getattr("upper").unwrap_err().class(),
        "TypeError"
    );
    assert_eq!(
        v("1").getattr("nope").unwrap_err().class(),
        "AttributeError"
    );
}

#[test]
fn objects_stay_in_their_interpreter() {
    let a = Interpreter::new();
    let b = Interpreter::new();
    let list = a.eval("[1, 2]").unwrap();
    let len = b.get("len").unwrap();
    let err = b.call(&len, std::slice::from_ref(&list)).unwrap_err();
    assert_eq!(
        err.to_string(),
        "RuntimeError: an object of one interpreter cannot be used in another"
    );
    assert!(b.set("x", list.clone()).is_err());
    // Plain data goes anywhere.
    assert_eq!(int(b.call(&len, &[vec![1, 2, 3].into()]).unwrap()), 3);
    assert_eq!(int(a.call(&a.get("len").unwrap(), &[list]).unwrap()), 2);
}

#[test]
fn registered_functions_are_builtins() {
    let interp = Interpreter::new();
    interp
        .register_function("scale", |args| match args {
            [x, k] => Ok((x.extract::<f64>()? * k.extract::<f64>()?).into()),
            _ => Err(Error::type_error(format!(
                "scale() takes 2 arguments ({} given)",
                args.len()
            ))),
        })
        .unwrap();
    assert_eq!(
        interp
            .eval("scale(2, 1.5)")
            .unwrap()
            .extract::<f64>()
            .unwrap(),
        3.0
    );
    assert_eq!(
        interp
            .eval("(scale.__name__, callable(scale), repr(scale))")
            .unwrap()
            .repr()
            .unwrap(),
        "('scale', True, '<built-in function scale>')"
    );
    // Errors from the Rust side are Python exceptions Python code can catch.
    interp.capture_stdout(true);
    let program = "
for args in [(1,), ('a', 2)]:
    try:
        scale(*args)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    scale(x=1, k=2)
except TypeError as e:
    print(type(e).__name__, e)
";
    interp.exec(program).unwrap();
    assert_eq!(
        interp.take_output(),
        "TypeError scale() takes 2 arguments (1 given)\n\
         TypeError must be real number, not str\n\
         TypeError scale() takes no keyword arguments\n"
    );
    // Each error constructor gives its class; an unknown class is RuntimeError.
    interp
        .register_function("fail", |args| {
            let kind: String = args[0].extract()?;
            Err(match kind.as_str() {
                "value" => Error::value_error("bad value"),
                "runtime" => Error::runtime_error("went wrong"),
                "key" => Error::new("KeyError", "k"),
                _ => Error::new("NoSuchError", "who knows"),
            })
        })
        .unwrap();
    let program = "
for kind in ['value', 'runtime', 'key', 'other']:
    try:
        fail(kind)
    except Exception as e:
        print(type(e).__name__, e)
";
    interp.exec(program).unwrap();
    assert_eq!(
        interp.take_output(),
        "ValueError bad value\nRuntimeError went wrong\nKeyError 'k'\n\
         RuntimeError NoSuchError: who knows\n"
    );
    // Uncaught, it reaches Rust with the Python frames it passed through.
    let err = interp
        .exec("def go():\n    fail('value')\ngo()")
        .unwrap_err();
    assert_eq!(
        err.traceback(),
        "Traceback (most recent call last):\n  File \"<string>\", line 3, in <module>\n  \
         File \"<string>\", line 2, in go\nValueError: bad value\n"
    );
}

#[test]
fn a_panicking_function_raises_runtime_error() {
    let interp = Interpreter::new();
    interp
        .register_function("explode", |_| panic!("deliberate"))
        .unwrap();
    let err = interp.eval("explode()").unwrap_err();
    assert_eq!(err.to_string(), "RuntimeError: explode() panicked");
    // The interpreter goes on working.
    assert_eq!(int(interp.eval("6 * 7").unwrap()), 42);
}

#[test]
fn registered_functions_call_back_into_the_interpreter() {
    let interp = Arc::new(Interpreter::new());
    let inner = interp.clone();
    interp
        .register_function("apply", move |args| {
            let [f, x] = args else {
                return Err(Error::type_error("apply(f, x)"));
            };
            // Back into Python, while Python is waiting for this function.
            let doubled = inner.call(f, std::slice::from_ref(x))?;
            inner.set("last", doubled.clone())?;
            let shown = inner.eval("repr(last)")?;
            Ok(Object::from((doubled, shown)))
        })
        .unwrap();
    interp.exec("def twice(x):\n    return 2 * x\n").unwrap();
    let r = interp.eval("apply(twice, 21)").unwrap();
    assert_eq!(r.repr().unwrap(), "(42, '42')");
    // A Python exception inside the callback travels back out through Python.
    interp.capture_stdout(true);
    interp
        .exec("try:\n    apply(twice, None)\nexcept TypeError as e:\n    print('caught:', e)\n")
        .unwrap();
    assert_eq!(
        interp.take_output(),
        "caught: unsupported operand type(s) for *: 'int' and 'NoneType'\n"
    );
    // Endless Python -> Rust -> Python recursion ends in RecursionError.
    interp
        .exec("def down(n):\n    return apply(down, n + 1)\n")
        .unwrap();
    let err = interp.eval("down(0)").unwrap_err();
    assert_eq!(err.class(), "RecursionError");
    assert_eq!(int(interp.eval("apply(twice, 4)[0]").unwrap()), 8);
}

#[test]
fn deep_python_recursion_inside_a_callback_is_bounded() {
    let interp = Arc::new(Interpreter::new());
    let inner = interp.clone();
    interp
        .register_function("from_rust", move |args| {
            let f = inner.get("deep")?;
            inner.call(&f, args)
        })
        .unwrap();
    interp
        .exec("def deep(n):\n    return deep(n + 1)\n")
        .unwrap();
    let err = interp.eval("from_rust(0)").unwrap_err();
    assert_eq!(err.class(), "RecursionError");
}

#[test]
fn stdout_capture() {
    let interp = Interpreter::new();
    assert_eq!(interp.take_output(), "");
    interp.capture_stdout(true);
    interp
        .exec("import sys\nprint('a', 1, sep='-')\nsys.stdout.write('b\\n')\nprint('c', end='')")
        .unwrap();
    assert_eq!(interp.take_output(), "a-1\nb\nc");
    assert_eq!(interp.take_output(), "");
    interp.capture_stdout(true);
    interp.exec("print('kept')").unwrap();
    interp.capture_stdout(true);
    assert_eq!(interp.take_output(), "kept\n");
    interp.exec("print('dropped')").unwrap();
    interp.capture_stdout(false);
    assert_eq!(interp.take_output(), "");
}

#[test]
fn threads_share_an_interpreter() {
    let interp = Arc::new(Interpreter::new());
    let inner = interp.clone();
    interp
        .register_function("bump", move |_| {
            inner.exec("total += 1")?;
            Ok(().into())
        })
        .unwrap();
    interp.exec("total = 0").unwrap();
    let threads: Vec<_> = (0..4)
        .map(|_| {
            let interp = interp.clone();
            std::thread::spawn(move || {
                for _ in 0..25 {
                    interp.exec("bump()").unwrap();
                }
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    assert_eq!(int(interp.get("total").unwrap()), 100);
}
