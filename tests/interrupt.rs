//! Ctrl-C: SIGINT sent to a running `gilt` becomes KeyboardInterrupt in the
//! Python code, which can catch it; uncaught, it ends the run with the
//! traceback and exit status 130.

use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Run `code`, send SIGINT once it printed its first line, and collect the
/// output. Every wait is bounded.
fn interrupt(code: &str) -> (String, String, i32) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_gilt"))
        .args(["-u", "-c", code])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("gilt starts");
    let mut stdout = child.stdout.take().expect("stdout");
    let mut first = [0u8; 6];
    stdout
        .read_exact(&mut first)
        .expect("the program says it started");
    assert_eq!(&first, b"ready\n");
    // SAFETY: kill(2) with our own child's pid.
    unsafe {
        libc::kill(child.id() as libc::pid_t, libc::SIGINT);
    }
    let deadline = Instant::now() + Duration::from_secs(20);
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        assert!(Instant::now() < deadline, "gilt did not stop after SIGINT");
        std::thread::sleep(Duration::from_millis(20));
    };
    let mut out = String::new();
    stdout.read_to_string(&mut out).expect("stdout");
    let mut err = String::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut err)
        .expect("stderr");
    (out, err, status.code().unwrap_or(-1))
}

#[test]
fn uncaught_interrupt_in_a_loop_prints_keyboard_interrupt() {
    let (_, err, code) = interrupt("print('ready')\nwhile True:\n    pass\n");
    assert_eq!(
        err.lines().last(),
        Some("KeyboardInterrupt"),
        "stderr: {err}"
    );
    assert!(err.starts_with("Traceback (most recent call last):"));
    assert_eq!(code, 130);
}

#[test]
fn interrupt_in_recursion_can_be_caught() {
    let code = "\
def down(n):
    return 0 if n == 0 else down(n - 1)
print('ready')
try:
    while True:
        down(300)
except KeyboardInterrupt:
    print('caught')
print('after')
";
    let (out, err, code) = interrupt(code);
    assert_eq!(out, "caught\nafter\n", "stderr: {err}");
    assert_eq!(code, 0);
}
