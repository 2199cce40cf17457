//! Differential cases: every `tests/cases/<area>/<case>.py` is run through the `gilt`
//! binary and compared with the goldens CPython produced (tests/regen_goldens.sh).
//!
//! - `ast/` cases: `gilt --dump-ast CASE` must print exactly `<case>.ast` and exit 0.
//! - `ast_positions/` cases: the same with positions, `gilt --dump-ast
//!   --include-attributes CASE` against `ast.dump(tree, include_attributes=True)`.
//! - every other area: `gilt CASE` (run from the repo root with a relative path, as the
//!   goldens were made) must match `<case>.stdout`, `<case>.code` and `<case>.stderr`.
//!
//! Only the `.py` files directly in an area folder are cases; its subfolders hold
//! what the cases import (e.g. `imports/pkgs/`), as the regen script also assumes.
//!
//! Output is normalised as the regen script does: the absolute repo root becomes
//! `$ROOT`, and a stderr holding a traceback is cut to its last non-empty line.
//! Cases run on a few threads, each under a timeout; every failure is collected and
//! printed with its first differing line. `GILT_CASES=text` runs only the cases whose
//! path contains `text`.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// A case that runs longer than this is killed and counts as failed.
const CASE_TIMEOUT: Duration = Duration::from_secs(10);
/// Longest line excerpt shown in a failure report.
const SHOW_CHARS: usize = 160;

/// What one run of the binary produced.
struct Outcome {
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    /// Exit code; a death by signal N is 128 + N, as a shell reports it.
    code: i32,
    timed_out: bool,
}

#[test]
fn cases() {
    let root = repo_root();
    let cases = find_cases(&root);
    assert!(
        !cases.is_empty(),
        "no cases under {}",
        root.join("tests/cases").display()
    );

    let started = Instant::now();
    let next = AtomicUsize::new(0);
    let failures: Mutex<Vec<(String, String)>> = Mutex::new(Vec::new());
    let threads = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .clamp(2, 4);
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(case) = cases.get(i) else { break };
                if let Err(why) = check_case(&root, case) {
                    failures.lock().unwrap().push((case.clone(), why));
                }
            });
        }
    });

    let mut failures = failures.into_inner().unwrap();
    failures.sort();
    for (case, why) in &failures {
        println!("FAIL {case}\n{why}\n");
    }
    let summary = format!(
        "{} passed, {} failed ({} cases in {:.1} s)",
        cases.len() - failures.len(),
        failures.len(),
        cases.len(),
        started.elapsed().as_secs_f64()
    );
    println!("{summary}");
    assert!(failures.is_empty(), "{summary}");
}

/// The repo root, with symlinks resolved: CPython prints the physical cwd.
fn repo_root() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf())
}

/// Every `tests/cases/<area>/<case>.py`, as a path relative to the repo root, sorted.
fn find_cases(root: &Path) -> Vec<String> {
    let filter = std::env::var("GILT_CASES").unwrap_or_default();
    let mut cases = Vec::new();
    let areas = std::fs::read_dir(root.join("tests/cases")).expect("tests/cases exists");
    for area in areas.flatten().filter(|e| e.path().is_dir()) {
        let area_name = area.file_name().to_string_lossy().into_owned();
        for file in std::fs::read_dir(area.path()).unwrap().flatten() {
            let name = file.file_name().to_string_lossy().into_owned();
            if name.ends_with(".py") {
                let case = format!("tests/cases/{area_name}/{name}");
                if case.contains(&filter) {
                    cases.push(case);
                }
            }
        }
    }
    cases.sort();
    cases
}

/// Run one case; `Err` says what differed.
fn check_case(root: &Path, case: &str) -> Result<(), String> {
    let base = &case[..case.len() - ".py".len()];
    let area = case.split('/').nth(2).unwrap_or("");
    let dump_args: &[&str] = match area {
        "ast" => &["--dump-ast"],
        "ast_positions" => &["--dump-ast", "--include-attributes"],
        _ => &[],
    };
    if !dump_args.is_empty() {
        let expected = golden(root, base, "ast")?;
        let got = run(root, &[dump_args, &[case]].concat());
        return compare_dump(&expected, &got);
    }

    let expected_stdout = golden(root, base, "stdout")?;
    let expected_stderr = golden(root, base, "stderr")?;
    let expected_code = golden(root, base, "code")?;
    let got = run(root, &[case]);
    compare_run(
        root,
        &expected_stdout,
        &expected_stderr,
        &expected_code,
        &got,
    )
}

fn golden(root: &Path, base: &str, ext: &str) -> Result<Vec<u8>, String> {
    std::fs::read(root.join(format!("{base}.{ext}")))
        .map_err(|e| format!("  missing golden {base}.{ext} ({e}); run tests/regen_goldens.sh"))
}

fn compare_dump(expected: &[u8], got: &Outcome) -> Result<(), String> {
    if got.timed_out {
        return Err(format!("  timed out after {} s", CASE_TIMEOUT.as_secs()));
    }
    if got.code != 0 {
        let err = String::from_utf8_lossy(&got.stderr);
        let last = err
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("");
        return Err(format!(
            "  exit code {} (expected 0); stderr: {}",
            got.code,
            excerpt(last, 0)
        ));
    }
    first_difference("ast", expected, &got.stdout)
}

fn compare_run(
    root: &Path,
    stdout: &[u8],
    stderr: &[u8],
    code: &[u8],
    got: &Outcome,
) -> Result<(), String> {
    if got.timed_out {
        return Err(format!("  timed out after {} s", CASE_TIMEOUT.as_secs()));
    }
    let mut problems = Vec::new();
    let got_stdout = normalize(root, &got.stdout, false);
    let got_stderr = normalize(root, &got.stderr, true);
    let got_code = format!("{}\n", got.code);
    if let Err(e) = first_difference("stdout", stdout, &got_stdout) {
        problems.push(e);
    }
    if let Err(e) = first_difference("stderr", stderr, &got_stderr) {
        problems.push(e);
    }
    if code != got_code.as_bytes() {
        problems.push(format!(
            "  exit code: expected {}, got {}",
            String::from_utf8_lossy(code).trim(),
            got.code
        ));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

/// The regen script's rules: repo root -> `$ROOT`; a traceback -> its last line.
fn normalize(root: &Path, data: &[u8], is_stderr: bool) -> Vec<u8> {
    let mut prefix = root.to_string_lossy().into_owned().into_bytes();
    prefix.push(b'/');
    let mut out = replace_all(data, &prefix, b"$ROOT/");
    if is_stderr && contains(&out, b"Traceback (most recent call last):") {
        let last = out
            .split(|&b| b == b'\n')
            .rfind(|l| !l.iter().all(u8::is_ascii_whitespace))
            .unwrap_or(b"")
            .to_vec();
        out = last;
        out.push(b'\n');
    }
    out
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

fn replace_all(data: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len());
    let mut i = 0;
    while i < data.len() {
        if data[i..].starts_with(from) {
            out.extend_from_slice(to);
            i += from.len();
        } else {
            out.push(data[i]);
            i += 1;
        }
    }
    out
}

/// `Ok` if equal, else the first differing line of `what`, expected vs got; a long
/// line (an AST dump is one line) is shown from shortly before the first difference.
fn first_difference(what: &str, expected: &[u8], got: &[u8]) -> Result<(), String> {
    if expected == got {
        return Ok(());
    }
    let expected = String::from_utf8_lossy(expected);
    let got = String::from_utf8_lossy(got);
    let e_lines: Vec<&str> = expected.split('\n').collect();
    let g_lines: Vec<&str> = got.split('\n').collect();
    let line = (0..e_lines.len().max(g_lines.len()))
        .find(|&i| e_lines.get(i) != g_lines.get(i))
        .unwrap_or(0);
    let (e, g) = (e_lines.get(line), g_lines.get(line));
    let column = match (e, g) {
        (Some(e), Some(g)) => e.chars().zip(g.chars()).take_while(|(a, b)| a == b).count(),
        _ => 0,
    };
    let from = column.saturating_sub(SHOW_CHARS / 3);
    let show = |l: Option<&&str>| l.map_or("<end of output>".to_string(), |l| excerpt(l, from));
    Err(format!(
        "  {what} line {}, column {}:\n    expected: {}\n    got:      {}",
        line + 1,
        column + 1,
        show(e),
        show(g)
    ))
}

/// `line` from char `from`, with escapes (so tabs and odd characters are visible),
/// cut to `SHOW_CHARS`.
fn excerpt(line: &str, from: usize) -> String {
    let shown: String = line.chars().skip(from).take(SHOW_CHARS).collect();
    let before = if from > 0 { "..." } else { "" };
    let after = if line.chars().count() > from + SHOW_CHARS {
        "..."
    } else {
        ""
    };
    format!("{before}{shown:?}{after}")
}

/// Run the gilt binary from the repo root with the goldens' environment.
fn run(root: &Path, args: &[&str]) -> Outcome {
    let mut child = Command::new(env!("CARGO_BIN_EXE_gilt"))
        .args(args)
        .current_dir(root)
        .env("PYTHONHASHSEED", "0")
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .env("LC_ALL", "C.UTF-8")
        .env("LANG", "C.UTF-8")
        .env_remove("PYTHONPATH")
        .env_remove("PYTHONSTARTUP")
        .env_remove("PYTHONWARNINGS")
        .env_remove("PYTHONINSPECT")
        .env_remove("PYTHONOPTIMIZE")
        .env_remove("PYTHONUTF8")
        .env_remove("PYTHONIOENCODING")
        .env_remove("PYTHONSAFEPATH")
        .env_remove("PYTHONDEVMODE")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn the gilt binary");
    // Drain both pipes on their own threads so a chatty child cannot block.
    let mut out_pipe = child.stdout.take().unwrap();
    let mut err_pipe = child.stderr.take().unwrap();
    let out_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = out_pipe.read_to_end(&mut buf);
        buf
    });
    let err_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = err_pipe.read_to_end(&mut buf);
        buf
    });

    let started = Instant::now();
    let mut timed_out = false;
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for gilt") {
            break status;
        }
        if started.elapsed() > CASE_TIMEOUT {
            timed_out = true;
            let _ = child.kill();
            break child.wait().expect("reap gilt");
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    Outcome {
        stdout: out_reader.join().unwrap_or_default(),
        stderr: err_reader.join().unwrap_or_default(),
        code: exit_code(status),
        timed_out,
    }
}

fn exit_code(status: ExitStatus) -> i32 {
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(signal) = status.signal() {
            return 128 + signal;
        }
    }
    status.code().unwrap_or(-1)
}
