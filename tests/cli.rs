//! The `gilt` command line: `-c`, `-m`, `-`, piped stdin, `-i` on a pipe,
//! usage errors and exit codes. Every expectation was taken from CPython 3.11
//! (`python3`) on the same input; only the program name in messages differs
//! (CPython prints its own executable's path, gilt prints gilt's).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const GILT: &str = env!("CARGO_BIN_EXE_gilt");
/// Any run longer than this is killed and fails the test.
const TIMEOUT: Duration = Duration::from_secs(20);

/// What one run printed and how it ended.
#[derive(Debug)]
struct Run {
    stdout: String,
    stderr: String,
    code: i32,
}

/// Run gilt with `args` in `dir`, `stdin` piped in.
fn gilt_in(dir: &Path, args: &[&str], stdin: &str) -> Run {
    let mut child = Command::new(GILT)
        .args(args)
        .current_dir(dir)
        .env_remove("PYTHONPATH")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("gilt starts");
    let mut input = child.stdin.take().expect("stdin is piped");
    input
        .write_all(stdin.as_bytes())
        .expect("stdin takes the input");
    drop(input);
    let started = Instant::now();
    while child.try_wait().expect("wait works").is_none() {
        if started.elapsed() > TIMEOUT {
            let _ = child.kill();
            panic!("gilt {args:?} ran longer than {TIMEOUT:?}");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let out = child.wait_with_output().expect("output is collected");
    Run {
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        code: out.status.code().unwrap_or(-1),
    }
}

fn gilt(args: &[&str], stdin: &str) -> Run {
    gilt_in(&std::env::temp_dir(), args, stdin)
}

/// A fresh folder for one test's files.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("gilt-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

fn program() -> String {
    std::fs::canonicalize(GILT)
        .unwrap_or_else(|_| GILT.into())
        .display()
        .to_string()
}

#[test]
fn dash_c_runs_code_named_string() {
    let r = gilt(&["-c", "print(6 * 7)"], "");
    assert_eq!(
        (r.stdout.as_str(), r.stderr.as_str(), r.code),
        ("42\n", "", 0)
    );

    let r = gilt(&["-c", "def f():\n  1/0\nf()"], "");
    assert_eq!(r.stdout, "");
    assert_eq!(
        r.stderr,
        "Traceback (most recent call last):\n  \
         File \"<string>\", line 3, in <module>\n  \
         File \"<string>\", line 2, in f\n\
         ZeroDivisionError: division by zero\n"
    );
    assert_eq!(r.code, 1);

    let r = gilt(&["-c", "x ="], "");
    assert_eq!(
        r.stderr,
        "  File \"<string>\", line 1\n    x =\n       ^\nSyntaxError: invalid syntax\n"
    );
    assert_eq!(r.code, 1);

    // Grouped flags, and the code glued to -c.
    let r = gilt(&["-uqcprint(1)", "ignored"], "");
    assert_eq!((r.stdout.as_str(), r.code), ("1\n", 0));
    let r = gilt(&["-c", "print(6 * 7, end='')"], "");
    assert_eq!(r.stdout, "42");
}

#[test]
fn exit_codes_follow_system_exit() {
    for (code, status, stderr) in [
        ("pass", 0, ""),
        ("raise SystemExit", 0, ""),
        ("raise SystemExit(3)", 3, ""),
        ("raise SystemExit(256)", 0, ""),
        ("raise SystemExit(-1)", 255, ""),
        ("raise SystemExit('bye')", 1, "bye\n"),
        ("raise ValueError('no')", 1, ""),
    ] {
        let r = gilt(&["-c", code], "");
        assert_eq!(r.code, status, "{code}: {r:?}");
        if !stderr.is_empty() {
            assert_eq!(r.stderr, stderr, "{code}");
        }
    }
}

#[test]
fn stdin_is_a_script_when_not_a_terminal() {
    for args in [&[][..], &["-"][..], &["-", "a", "b"][..]] {
        let r = gilt(args, "print(1)\n1/0\n");
        assert_eq!(r.stdout, "1\n", "{args:?}");
        assert_eq!(
            r.stderr,
            "Traceback (most recent call last):\n  \
             File \"<stdin>\", line 2, in <module>\n\
             ZeroDivisionError: division by zero\n",
            "{args:?}"
        );
        assert_eq!(r.code, 1, "{args:?}");
    }
    // No REPL prompts: the whole input is one program.
    let r = gilt(&[], "if 1:\n  x = 5\nprint(x)\n");
    assert_eq!(
        (r.stdout.as_str(), r.stderr.as_str(), r.code),
        ("5\n", "", 0)
    );
}

#[test]
fn dash_m_runs_a_module_as_main() {
    let dir = scratch("m");
    std::fs::write(dir.join("hello.py"), "print('hello from', __name__)\n").unwrap();
    std::fs::write(dir.join("boom.py"), "x = 1\n1/0\n").unwrap();
    std::fs::create_dir_all(dir.join("pkg")).unwrap();
    std::fs::write(dir.join("pkg/__init__.py"), "").unwrap();
    std::fs::create_dir_all(dir.join("app")).unwrap();
    std::fs::write(dir.join("app/__init__.py"), "").unwrap();
    std::fs::write(dir.join("app/__main__.py"), "print('app main')\n").unwrap();

    let r = gilt_in(&dir, &["-m", "hello", "arg"], "");
    assert_eq!((r.stdout.as_str(), r.code), ("hello from __main__\n", 0));

    let r = gilt_in(&dir, &["-m", "app"], "");
    assert_eq!((r.stdout.as_str(), r.code), ("app main\n", 0));

    // The package is imported first and is the module's __package__, so
    // relative imports work (in `-m app` and `-m app.tool` alike).
    std::fs::write(dir.join("app/__init__.py"), "print('app init')\n").unwrap();
    std::fs::write(dir.join("app/helper.py"), "H = 'helped'\n").unwrap();
    std::fs::write(
        dir.join("app/__main__.py"),
        "from .helper import H\nprint(__name__, __package__, H)\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("app/tool.py"),
        "from . import helper\nprint(__name__, __package__, helper.H)\n",
    )
    .unwrap();
    let r = gilt_in(&dir, &["-m", "app"], "");
    assert_eq!(r.stdout, "app init\n__main__ app helped\n");
    let r = gilt_in(&dir, &["-m", "app.tool"], "");
    assert_eq!(r.stdout, "app init\n__main__ app helped\n");

    // Tracebacks name the module file by its absolute path.
    let r = gilt_in(&dir, &["-m", "boom"], "");
    let boom = std::fs::canonicalize(dir.join("boom.py")).unwrap();
    assert_eq!(
        r.stderr,
        format!(
            "Traceback (most recent call last):\n  \
             File \"{}\", line 2, in <module>\n    1/0\n\
             ZeroDivisionError: division by zero\n",
            boom.display()
        )
    );
    assert_eq!(r.code, 1);

    let prog = program();
    for (name, msg) in [
        ("nope", "No module named nope".to_string()),
        ("pkg.nope", "No module named pkg.nope".to_string()),
        (
            "pkg",
            "No module named pkg.__main__; 'pkg' is a package and cannot be directly executed"
                .to_string(),
        ),
        (
            "nope.sub",
            "Error while finding module specification for 'nope.sub' \
             (ModuleNotFoundError: No module named 'nope')"
                .to_string(),
        ),
    ] {
        let r = gilt_in(&dir, &["-m", name], "");
        assert_eq!(r.stderr, format!("{prog}: {msg}\n"), "-m {name}");
        assert_eq!(r.code, 1, "-m {name}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn missing_script_exits_2() {
    let dir = scratch("missing");
    let r = gilt_in(&dir, &["nope.py"], "");
    let abs = std::fs::canonicalize(&dir).unwrap().join("nope.py");
    assert_eq!(
        r.stderr,
        format!(
            "{}: can't open file '{}': [Errno 2] No such file or directory\n",
            program(),
            abs.display()
        )
    );
    assert_eq!(r.code, 2);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn usage_errors_exit_2() {
    let usage = format!(
        "usage: {} [option] ... [-c cmd | -m mod | file | -] [arg] ...\n\
         Try `gilt -h' for more information.\n",
        program()
    );
    for (args, first) in [
        (&["-z"][..], "Unknown option: -z"),
        (&["-c"][..], "Argument expected for the -c option"),
        (&["-i", "-m"][..], "Argument expected for the -m option"),
    ] {
        let r = gilt(args, "");
        assert_eq!(r.stderr, format!("{first}\n{usage}"), "{args:?}");
        assert_eq!(r.code, 2, "{args:?}");
    }
}

#[test]
fn version_and_help() {
    for flag in ["-V", "--version"] {
        let r = gilt(&[flag], "");
        assert_eq!(
            r.stdout,
            format!("Gilt {} (Python 3.11)\n", env!("CARGO_PKG_VERSION"))
        );
        assert_eq!(r.code, 0);
    }
    let r = gilt(&["-h"], "");
    assert!(r.stdout.starts_with("usage: gilt [option]"), "{}", r.stdout);
    assert_eq!(r.code, 0);
}

#[test]
fn dash_i_on_a_pipe_prompts_on_stderr() {
    // python3 -q -i < input: prompts and errors on stderr, values on stdout.
    let input = "if 1:\n  x = 5\n\nx\nx +\nx * 2\n_\n";
    let r = gilt(&["-q", "-i"], input);
    assert_eq!(r.stdout, "5\n10\n10\n");
    assert_eq!(
        r.stderr,
        ">>> ... ... >>> >>>   File \"<stdin>\", line 1\n    x +\n       ^\n\
         SyntaxError: invalid syntax\n>>> >>> >>> \n"
    );
    assert_eq!(r.code, 0);

    // After -c, the prompt sees the program's names; no banner.
    let r = gilt(&["-i", "-c", "y = 3"], "y\n");
    assert_eq!(
        (r.stdout.as_str(), r.stderr.as_str()),
        ("3\n", ">>> >>> \n")
    );

    // With -i, a SystemExit from the program is printed, then the prompt runs;
    // one typed at the prompt ends the process with its code.
    let r = gilt(
        &["-i", "-c", "raise SystemExit(3)"],
        "raise SystemExit(4)\n",
    );
    assert_eq!(
        r.stderr,
        "Traceback (most recent call last):\n  \
         File \"<string>\", line 1, in <module>\nSystemExit: 3\n>>> "
    );
    assert_eq!(r.code, 4);

    // A traceback at the prompt does not end it; the exit code stays 0.
    let r = gilt(&["-q", "-i"], "1/0\nprint('after')\n");
    assert_eq!(r.stdout, "after\n");
    assert_eq!(r.code, 0);
}

#[test]
fn dash_i_runs_a_script_first() {
    let dir = scratch("inspect");
    std::fs::write(dir.join("s.py"), "def double(n):\n    return 2 * n\n").unwrap();
    let r = gilt_in(&dir, &["-i", "s.py"], "double(21)\n");
    assert_eq!(
        (r.stdout.as_str(), r.stderr.as_str()),
        ("42\n", ">>> >>> \n")
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// A longer session on a pipe: decorators, try, if/else, triple-quoted
/// strings, backslashes, classes, loops that echo, a line back at the margin
/// after a block, compiler errors (shown without a source line, as CPython's
/// `<stdin>` has none) and an open bracket across an empty line.
#[test]
fn a_piped_session_matches_cpython() {
    let input = r#"def deco(f):
    return f

@deco
def g():
    return 'g'

g()
try:
    1/0
except ZeroDivisionError:
    'caught'

if 0:
    1
else:
    2

s = """a
b"""
s
t = 1 + \
2
t
class A:
    def __repr__(self):
        return 'A()'

A()
_
[A(), None]
while t < 5:
    t += 1
    t
else:
    'done'

if 1:
  3
4
def h():
  return 1
h()
x = 1 if True else
return 5
break
  5
(1,
 2,

 3)
def k():
    '''doc

    more'''
    return 9

k()
print('p')
"#;
    let r = gilt(&["-q", "-i"], input);
    assert_eq!(
        r.stdout,
        r#"'g'
'caught'
2
'a\nb'
3
A()
A()
[A(), None]
4
5
'done'
(1, 2, 3)
9
p
"#
    );
    assert_eq!(
        r.stderr,
        r#">>> ... ... >>> ... ... ... >>> >>> ... ... ... ... >>> ... ... ... ... >>> ... >>> >>> ... >>> >>> ... ... ... >>> >>> >>> >>> ... ... ... ... ... >>> ... ...   File "<stdin>", line 3
    4
    ^
SyntaxError: invalid syntax
>>> ... ...   File "<stdin>", line 3
    h()
    ^
SyntaxError: invalid syntax
>>>   File "<stdin>", line 1
    x = 1 if True else
                      ^
SyntaxError: invalid syntax
>>>   File "<stdin>", line 1
SyntaxError: 'return' outside function
>>>   File "<stdin>", line 1
SyntaxError: 'break' outside loop
>>>   File "<stdin>", line 1
    5
IndentationError: unexpected indent
>>> ... ... ... >>> ... ... ... ... ... >>> >>> >>> 
"#
    );
    assert_eq!(r.code, 0);

    let r = gilt(&["-c", "return 5"], "");
    assert_eq!(
        r.stderr,
        "  File \"<string>\", line 1\nSyntaxError: 'return' outside function\n"
    );
}
