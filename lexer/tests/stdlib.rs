//! Tokenize every `.py` file of the installed CPython's standard library.
//!
//! Asserts that nothing panics and that every file CPython itself parses lexes
//! without error, with every plain string and bytes literal decoding cleanly.
//! Needs `python3` on the PATH (skipped otherwise). About 3 s in a debug
//! build; `--nocapture` prints the timing and the files that fail to lex.

use gilt_lexer::literal::{decode_bytes, decode_str};
use gilt_lexer::{decode_source, tokenize, StrKind, Tok, Wtf8Buf};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// The stdlib directory of `python3`, if there is one.
fn stdlib_dir() -> Option<PathBuf> {
    let out = Command::new("python3")
        .args([
            "-c",
            "import sysconfig; print(sysconfig.get_paths()['stdlib'])",
        ])
        .output()
        .ok()?;
    let dir = String::from_utf8(out.stdout).ok()?;
    Some(PathBuf::from(dir.trim()))
}

fn collect_py(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            if path.file_name().is_some_and(|n| n != "site-packages") {
                collect_py(&path, out);
            }
        } else if path.extension().is_some_and(|e| e == "py") {
            out.push(path);
        }
    }
}

/// Lex one file; the error message if it fails.
fn lex_file(bytes: &[u8]) -> Result<(), String> {
    let src = decode_source(bytes).map_err(|e| e.msg)?;
    let toks = tokenize(&src);
    if let Some(e) = toks.error {
        return Err(format!("{} at {}", e.msg, e.start));
    }
    for t in &toks.tokens {
        if let Tok::Str(s) = &t.tok {
            let body = &src[s.body_start as usize..s.body_end as usize];
            let r = match s.kind {
                StrKind::Str => decode_str(body, s.raw, &mut Wtf8Buf::new()),
                StrKind::Bytes => decode_bytes(body, s.raw, &mut Vec::new()),
                StrKind::FStr => Ok(()),
            };
            r.map_err(|e| format!("literal at {}: {}", t.start, e.msg))?;
        }
    }
    Ok(())
}

/// The subset of `files` that CPython's `ast.parse` rejects.
fn rejected_by_cpython(files: &[&PathBuf]) -> Vec<PathBuf> {
    let script = "import ast, sys, warnings\nwarnings.simplefilter('ignore')\n\
                  for p in sys.stdin.read().splitlines():\n\
                  \ttry: ast.parse(open(p, 'rb').read())\n\
                  \texcept (SyntaxError, ValueError): print(p)\n";
    let mut child = Command::new("python3")
        .args(["-c", script])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("python3");
    let list: String = files.iter().map(|p| format!("{}\n", p.display())).collect();
    std::io::Write::write_all(child.stdin.as_mut().unwrap(), list.as_bytes()).unwrap();
    drop(child.stdin.take());
    let out = child.wait_with_output().unwrap();
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(PathBuf::from)
        .collect()
}

#[test]
fn tokenize_cpython_stdlib() {
    let Some(dir) = stdlib_dir() else {
        eprintln!("python3 not found; skipped");
        return;
    };
    let mut files = Vec::new();
    collect_py(&dir, &mut files);
    files.sort();
    assert!(
        files.len() > 1000,
        "found only {} files under {}",
        files.len(),
        dir.display()
    );
    let sources: Vec<Vec<u8>> = files.iter().map(|p| std::fs::read(p).unwrap()).collect();
    let bytes: usize = sources.iter().map(Vec::len).sum();

    let start = Instant::now();
    let mut failures = Vec::new();
    for (path, src) in files.iter().zip(&sources) {
        if let Err(msg) = lex_file(src) {
            failures.push((path, msg));
        }
    }
    let elapsed = start.elapsed();
    eprintln!(
        "lexed {} files ({:.1} MB) in {:.3} s; {} failed to lex",
        files.len(),
        bytes as f64 / 1e6,
        elapsed.as_secs_f64(),
        failures.len()
    );
    let failed: Vec<&PathBuf> = failures.iter().map(|(p, _)| *p).collect();
    let rejected = rejected_by_cpython(&failed);
    let mut wrong = Vec::new();
    for (path, msg) in &failures {
        let agreed = rejected.contains(path);
        eprintln!(
            "  {} {}: {msg}",
            if agreed { "(CPython too)" } else { "WRONG" },
            path.display()
        );
        if !agreed {
            wrong.push(path);
        }
    }
    assert!(
        wrong.is_empty(),
        "{} files CPython parses failed to lex",
        wrong.len()
    );
}
