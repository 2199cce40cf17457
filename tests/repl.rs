//! The interactive prompt driven through a pseudo-terminal, as a person uses
//! it: lines typed, values echoed, a multi-line `def`, a traceback and going
//! on, `_`, Ctrl-C, Tab completion, the history file and Ctrl-D. What is
//! expected is what CPython 3.11's REPL prints for the same keys (its
//! terminal escapes aside). Every wait is bounded by `TIMEOUT_MS`.

use rexpect::process::WaitStatus;
use rexpect::reader::Options;
use rexpect::session::{spawn_with_options, PtySession};
use std::path::{Path, PathBuf};
use std::process::Command;

const GILT: &str = env!("CARGO_BIN_EXE_gilt");
/// The longest any one expected output may take to appear.
const TIMEOUT_MS: u64 = 15_000;

/// A HOME of its own for each session, so the history file is the test's.
fn home(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("gilt-repl-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a HOME for the session");
    dir
}

/// Start `gilt args` on a terminal and wait for the first prompt.
fn start(home: &Path, args: &[&str]) -> PtySession {
    let mut command = Command::new(GILT);
    command
        .args(args)
        .current_dir(home)
        .env("HOME", home)
        .env("TERM", "xterm");
    let options = Options::new()
        .timeout_ms(Some(TIMEOUT_MS))
        .strip_ansi_escape_codes(true);
    let mut session = spawn_with_options(command, options).expect("gilt starts on a pty");
    session.exp_string(">>> ").expect("the first prompt");
    session
}

/// Type `line` and Enter.
fn type_line(session: &mut PtySession, line: &str) {
    session.send_line(line).expect("the line is typed");
}

/// Type `keys` without Enter.
fn type_keys(session: &mut PtySession, keys: &str) {
    session.send(keys).expect("the keys are typed");
    session.flush().expect("the keys reach the terminal");
}

/// Type `line`, then wait for `shown` (the output of the line) and the next
/// `prompt`.
fn expect_after(session: &mut PtySession, line: &str, shown: &str, prompt: &str) {
    type_line(session, line);
    session
        .exp_string(shown)
        .unwrap_or_else(|e| panic!("after {line:?}, expected {shown:?}: {e}"));
    session
        .exp_string(prompt)
        .unwrap_or_else(|e| panic!("after {line:?}, expected the prompt {prompt:?}: {e}"));
}

/// Ctrl-D on an empty line: the process ends with status `code`.
fn exit_with_ctrl_d(mut session: PtySession, code: i32) {
    session.send_control('d').expect("Ctrl-D is typed");
    session.exp_eof().expect("gilt exits at Ctrl-D");
    expect_status(&session, code);
}

fn expect_status(session: &PtySession, code: i32) {
    match session.process().wait() {
        Ok(WaitStatus::Exited(_, status)) => assert_eq!(status, code, "exit status"),
        other => panic!("gilt did not exit normally: {other:?}"),
    }
}

#[test]
fn values_echo_and_underscore_keeps_the_last() {
    let home = home("echo");
    let mut s = start(&home, &["-q"]);
    expect_after(&mut s, "6 * 7", "\r\n42\r\n", ">>> ");
    expect_after(&mut s, "x = [1, 'a']", "\r\n", ">>> ");
    expect_after(&mut s, "x", "\r\n[1, 'a']\r\n", ">>> ");
    // None is not shown and does not replace `_`.
    expect_after(&mut s, "None", "\r\n", ">>> ");
    expect_after(&mut s, "_", "\r\n[1, 'a']\r\n", ">>> ");
    expect_after(&mut s, "1; 2", "\r\n1\r\n2\r\n", ">>> ");
    expect_after(&mut s, "'a' + 'b'", "\r\n'ab'\r\n", ">>> ");
    exit_with_ctrl_d(s, 0);
    let _ = std::fs::remove_dir_all(&home);
}

#[test]
fn a_multi_line_def_continues_until_an_empty_line() {
    let home = home("def");
    let mut s = start(&home, &["-q"]);
    expect_after(&mut s, "def twice(n):", "\r\n", "... ");
    expect_after(&mut s, "    total = n + n", "\r\n", "... ");
    expect_after(&mut s, "    return total", "\r\n", "... ");
    expect_after(&mut s, "", "\r\n", ">>> ");
    expect_after(&mut s, "twice(21)", "\r\n42\r\n", ">>> ");
    // A one-line compound statement also waits for the empty line, and shows
    // the values of its expression statements.
    expect_after(&mut s, "for i in range(2): i * 10", "\r\n", "... ");
    expect_after(&mut s, "", "\r\n0\r\n10\r\n", ">>> ");
    // Open brackets ask for more.
    expect_after(&mut s, "y = (1,", "\r\n", "... ");
    expect_after(&mut s, "     2)", "\r\n", ">>> ");
    expect_after(&mut s, "y", "\r\n(1, 2)\r\n", ">>> ");
    exit_with_ctrl_d(s, 0);
    let _ = std::fs::remove_dir_all(&home);
}

#[test]
fn errors_print_and_the_prompt_goes_on() {
    let home = home("errors");
    let mut s = start(&home, &["-q"]);
    expect_after(
        &mut s,
        "1/0",
        "Traceback (most recent call last):\r\n  \
         File \"<stdin>\", line 1, in <module>\r\n\
         ZeroDivisionError: division by zero\r\n",
        ">>> ",
    );
    expect_after(&mut s, "def f():", "\r\n", "... ");
    expect_after(&mut s, "  return undefined_name", "\r\n", "... ");
    expect_after(&mut s, "", "\r\n", ">>> ");
    expect_after(
        &mut s,
        "f()",
        "  File \"<stdin>\", line 1, in <module>\r\n  \
         File \"<stdin>\", line 2, in f\r\n\
         NameError: name 'undefined_name' is not defined\r\n",
        ">>> ",
    );
    expect_after(
        &mut s,
        "1 +",
        "  File \"<stdin>\", line 1\r\n    1 +\r\n       ^\r\nSyntaxError: invalid syntax\r\n",
        ">>> ",
    );
    expect_after(&mut s, "40 + 2", "\r\n42\r\n", ">>> ");
    exit_with_ctrl_d(s, 0);
    let _ = std::fs::remove_dir_all(&home);
}

#[test]
fn ctrl_c_cancels_the_line() {
    let home = home("ctrl-c");
    let mut s = start(&home, &["-q"]);
    type_keys(&mut s, "abc");
    s.send_control('c').expect("Ctrl-C is typed");
    s.exp_string("\r\nKeyboardInterrupt\r\n")
        .expect("KeyboardInterrupt");
    s.exp_string(">>> ").expect("a fresh prompt");
    // It also drops the lines of an unfinished statement.
    expect_after(&mut s, "if True:", "\r\n", "... ");
    s.send_control('c').expect("Ctrl-C is typed");
    s.exp_string("KeyboardInterrupt\r\n")
        .expect("KeyboardInterrupt");
    s.exp_string(">>> ").expect("a fresh prompt");
    expect_after(&mut s, "7", "\r\n7\r\n", ">>> ");
    exit_with_ctrl_d(s, 0);
    let _ = std::fs::remove_dir_all(&home);
}

#[test]
fn system_exit_ends_the_session_with_its_code() {
    let home = home("exit");
    let mut s = start(&home, &["-q"]);
    type_line(&mut s, "raise SystemExit(3)");
    s.exp_eof().expect("gilt exits");
    expect_status(&s, 3);
    let _ = std::fs::remove_dir_all(&home);
}

#[test]
fn tab_completes_names_and_attributes() {
    let home = home("tab");
    let mut s = start(&home, &["-q"]);
    expect_after(&mut s, "unusual_name = 5", "\r\n", ">>> ");
    type_keys(&mut s, "unusual_n\t");
    s.exp_string("unusual_name").expect("the name completes");
    expect_after(&mut s, "", "\r\n5\r\n", ">>> ");
    expect_after(&mut s, "class Box:", "\r\n", "... ");
    expect_after(&mut s, "    capacity = 12", "\r\n", "... ");
    expect_after(&mut s, "", "\r\n", ">>> ");
    type_keys(&mut s, "Box.capa\t");
    s.exp_string("Box.capacity")
        .expect("the attribute completes");
    expect_after(&mut s, "", "\r\n12\r\n", ">>> ");
    // A builtin function completes with its parenthesis.
    type_keys(&mut s, "isinst\t");
    s.exp_string("isinstance(").expect("the builtin completes");
    expect_after(&mut s, "1, int)", "\r\nTrue\r\n", ">>> ");
    exit_with_ctrl_d(s, 0);
    let _ = std::fs::remove_dir_all(&home);
}

#[test]
fn history_is_kept_across_sessions() {
    let home = home("history");
    let mut s = start(&home, &["-q"]);
    expect_after(&mut s, "remembered = 99", "\r\n", ">>> ");
    exit_with_ctrl_d(s, 0);
    let saved = std::fs::read_to_string(home.join(".gilt_history")).expect("a history file");
    assert!(saved.contains("remembered = 99"), "{saved}");

    // Up arrow brings the line back in the next session.
    let mut s = start(&home, &["-q"]);
    type_keys(&mut s, "\x1b[A");
    s.exp_string("remembered = 99")
        .expect("the line from history");
    expect_after(&mut s, "", "\r\n", ">>> ");
    expect_after(&mut s, "remembered", "\r\n99\r\n", ">>> ");
    exit_with_ctrl_d(s, 0);
    let _ = std::fs::remove_dir_all(&home);
}

#[test]
fn banner_then_prompt_and_dash_i_script() {
    let home = home("banner");
    let mut s = start(&home, &[]);
    exit_with_ctrl_d(s, 0);

    let mut command = Command::new(GILT);
    command
        .current_dir(&home)
        .env("HOME", &home)
        .env("TERM", "xterm");
    let options = Options::new()
        .timeout_ms(Some(TIMEOUT_MS))
        .strip_ansi_escape_codes(true);
    s = spawn_with_options(command, options).expect("gilt starts");
    s.exp_string(&format!(
        "Gilt {} (Python 3.11 compatible)",
        env!("CARGO_PKG_VERSION")
    ))
    .expect("the banner");
    s.exp_string(">>> ").expect("the prompt");
    exit_with_ctrl_d(s, 0);

    std::fs::write(home.join("setup.py"), "ready = 'yes'\n").unwrap();
    let mut s = start(&home, &["-i", "setup.py"]);
    expect_after(&mut s, "ready", "\r\n'yes'\r\n", ">>> ");
    exit_with_ctrl_d(s, 0);
    let _ = std::fs::remove_dir_all(&home);
}
