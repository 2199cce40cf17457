//! Mutation test of the front end: damaged source must never panic or hang.
//!
//! A fixed sample of CPython's stdlib files (or, without python3, the files under
//! tests/cases) is damaged thousands of times by a seeded xorshift generator: byte
//! ranges deleted or duplicated, Python-significant characters and tokens inserted,
//! lines swapped, text truncated, indentation flipped, invalid bytes inserted. Each
//! mutant goes through `gilt::parse_source` and then `gilt::dump` or the error's
//! `render`; it must return (Ok or Err), never panic, and take under `SLOW` each.
//!
//! Knobs: `GILT_MUTATIONS=N` (count), `GILT_MUTATION_SEED=N`. The run is the same
//! every time for the same knobs and sample. The number of the input being parsed is
//! written to `$CARGO_TARGET_TMPDIR/mutation-current` first, so if the process dies
//! (a stack overflow cannot be caught) `GILT_MUTATION_SHOW=<that number>` prints the
//! input that killed it and parses nothing (run with `-- --nocapture` to see it).

use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The input being parsed now, and since when (for the watchdog).
type Current = Arc<Mutex<Option<(Instant, Vec<u8>)>>>;

/// A single parse slower than this is a failure.
const SLOW: Duration = Duration::from_secs(2);
/// A single parse still running after this is reported as a hang and the test aborts.
const HANG: Duration = Duration::from_secs(20);
/// Mutants are made until this many, or until `BUDGET` runs out.
const MUTANTS_RELEASE: usize = 100_000;
const MUTANTS_DEBUG: usize = 3_000;
const BUDGET: Duration = Duration::from_secs(40);
/// Sample: at most this many files, each at most `MAX_FILE` bytes.
const SAMPLE_FILES: usize = 150;
const MAX_FILE: u64 = 100_000;
/// At most this many failures are printed in full.
const SHOW_FAILURES: usize = 20;
/// The worker gets the main thread's usual stack, so a recursion that would
/// overflow the real binary overflows here too.
const STACK: usize = 8 << 20;

/// Bytes that change Python's structure when inserted.
const SIGNIFICANT: &[u8] = b"()[]{}:'\"\\\n\t #@=*,.;-+%<>!~`$?0123456789abcfjrux_";
/// Bytes a source file rarely has: invalid UTF-8, NUL, CR, form feed, BOM pieces.
const ODD_BYTES: &[u8] = b"\x00\r\x0c\x80\xbf\xc3\xe2\xef\xbb\xff\x7f\x1b";
/// Whole tokens worth splicing in.
const TOKENS: &[&str] = &[
    "if ",
    "else",
    "elif ",
    "lambda",
    "lambda *a, **k: ",
    "match ",
    "case ",
    "async ",
    "await ",
    "yield ",
    "yield from ",
    "f'",
    "f\"{",
    "}\"",
    "rb'",
    "\"\"\"",
    "'''",
    "0x",
    "1e",
    "0o",
    "1_",
    "1.",
    "\\N{",
    "\\x",
    "\\u",
    ":=",
    "->",
    "**",
    "...",
    "not ",
    " in ",
    " is ",
    "from ",
    "import ",
    "*",
    "def f(",
    "class C:",
    "with (",
    "try:\n",
    "except* ",
    "global x",
    "nonlocal x",
    "return",
    "del ",
    "@",
    "#",
    "# coding: latin-1\n",
    "\\\n",
    "\n    ",
    "\n\t",
    "\n  ",
    "'",
    "\"",
    "{x!r:{y}}",
    "(*",
    "[*",
    "**{",
    "(((((",
    ")))))",
    "é",
    "€",
    "\u{a0}",
    "\u{feff}",
    "𝔘",
    "ﬁ",
];

/// xorshift64*: small, fast, and the same sequence everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// A number in `0..n` (0 when n is 0).
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

#[test]
fn damaged_sources_never_panic_or_hang() {
    let sample = sample_files();
    assert!(!sample.is_empty(), "no files to mutate");
    let count = env_usize("GILT_MUTATIONS").unwrap_or(if cfg!(debug_assertions) {
        MUTANTS_DEBUG
    } else {
        MUTANTS_RELEASE
    });
    let seed = env_usize("GILT_MUTATION_SEED").unwrap_or(0x0005_EED0_F617) as u64 | 1;
    let show = env_usize("GILT_MUTATION_SHOW");
    let progress_path = Path::new(env!("CARGO_TARGET_TMPDIR")).join("mutation-current");
    let progress = std::fs::File::create(&progress_path).expect("create the progress file");

    // The worker reports what it is parsing; this thread watches for hangs.
    let current: Current = Arc::new(Mutex::new(None));
    let panic_text: Arc<Mutex<String>> = Arc::new(Mutex::new(String::new()));
    let hook_text = Arc::clone(&panic_text);
    let old_hook = panic::take_hook();
    panic::set_hook(Box::new(move |info| {
        *hook_text.lock().unwrap() = info.to_string()
    }));

    let worker_current = Arc::clone(&current);
    let worker = std::thread::Builder::new()
        .name("mutation".into())
        .stack_size(STACK)
        .spawn(move || {
            let watch = Watch {
                progress,
                current: worker_current,
                panic_text,
                show,
            };
            run_mutants(&sample, count, seed, &watch)
        })
        .expect("spawn the mutation worker");

    while !worker.is_finished() {
        std::thread::sleep(Duration::from_millis(50));
        if let Some((since, input)) = current.lock().unwrap().as_ref() {
            if since.elapsed() > HANG {
                eprintln!("HANG: a parse ran over {} s on this input:", HANG.as_secs());
                eprintln!("{}", head(input));
                std::process::exit(1);
            }
        }
    }
    let report = worker.join().expect("the mutation worker itself failed");
    panic::set_hook(old_hook);

    println!("{}", report.summary);
    for failure in report.failures.iter().take(SHOW_FAILURES) {
        println!("{failure}\n");
    }
    if report.failures.len() > SHOW_FAILURES {
        println!(
            "... and {} more failures",
            report.failures.len() - SHOW_FAILURES
        );
    }
    assert!(
        report.failures.is_empty(),
        "{} of the mutants panicked or were slow; see above",
        report.failures.len()
    );
}

struct Report {
    summary: String,
    failures: Vec<String>,
}

/// What the worker shares with the watching thread and the panic hook.
struct Watch {
    /// Holds the number of the input being parsed (overwritten in place: cheap).
    progress: std::fs::File,
    current: Current,
    panic_text: Arc<Mutex<String>>,
    /// `GILT_MUTATION_SHOW`: print this input and stop.
    show: Option<usize>,
}

fn run_mutants(sample: &[(String, Vec<u8>)], count: usize, seed: u64, watch: &Watch) -> Report {
    use std::os::unix::fs::FileExt;
    let mut rng = Rng(seed);
    let started = Instant::now();
    let (mut ok, mut err, mut done) = (0usize, 0usize, 0usize);
    let mut slowest = Duration::ZERO;
    let mut failures = Vec::new();

    // The undamaged files first, then the mutants.
    let mut inputs = sample
        .iter()
        .map(|(name, text)| (name.clone(), text.clone()))
        .collect::<Vec<_>>();
    inputs.reverse();
    while done < sample.len() + count && started.elapsed() < BUDGET {
        let (name, input) = match inputs.pop() {
            Some(original) => original,
            None => {
                let (name, text) = rng.pick(sample);
                let mut text = text.clone();
                let mut what = Vec::new();
                for _ in 0..1 + rng.below(3) {
                    what.push(damage(&mut rng, &mut text));
                }
                (format!("{name} [{}]", what.join(", ")), text)
            }
        };
        if watch.show == Some(done) {
            eprintln!("input {done}: {name}\n{}", String::from_utf8_lossy(&input));
            let summary = format!("mutation: showed input {done}");
            return Report {
                summary,
                failures: Vec::new(),
            };
        }
        let _ = watch
            .progress
            .write_all_at(format!("{done:>12}\n").as_bytes(), 0);
        *watch.current.lock().unwrap() = Some((Instant::now(), input.clone()));
        let t0 = Instant::now();
        let result = panic::catch_unwind(AssertUnwindSafe(|| match gilt::parse_source(&input) {
            Ok(module) => {
                let _ = gilt::dump(&module);
                true
            }
            Err(e) => {
                let _ = e.render("<mutant>");
                false
            }
        }));
        let took = t0.elapsed();
        *watch.current.lock().unwrap() = None;
        slowest = slowest.max(took);
        done += 1;
        match result {
            Ok(true) => ok += 1,
            Ok(false) => err += 1,
            Err(_) => failures.push(format!(
                "PANIC on input {done} = {name}: {}\n--- input (first lines) ---\n{}",
                watch.panic_text.lock().unwrap(),
                head(&input)
            )),
        }
        if took > SLOW {
            failures.push(format!(
                "SLOW ({:.2} s) on input {done} = {name}\n--- input (first lines) ---\n{}",
                took.as_secs_f64(),
                head(&input)
            ));
        }
    }
    let summary = format!(
        "mutation: {done} inputs ({} files, {} mutants; seed {seed:#x}) in {:.1} s: \
         {ok} parsed, {err} rejected, {} failed; slowest parse {:.3} s{}",
        sample.len(),
        done.saturating_sub(sample.len()),
        started.elapsed().as_secs_f64(),
        failures.len(),
        slowest.as_secs_f64(),
        if done < sample.len() + count {
            " (time budget reached)"
        } else {
            ""
        }
    );
    Report { summary, failures }
}

/// Apply one random damage to `text`; returns its name.
fn damage(rng: &mut Rng, text: &mut Vec<u8>) -> String {
    let n = text.len();
    let at = rng.below(n + 1);
    match rng.below(9) {
        0 => {
            let len = 1 + rng.below(64.min(n.max(1)));
            let end = (at + len).min(n);
            text.drain(at..end);
            format!("delete {at}..{end}")
        }
        1 => {
            let len = 1 + rng.below(200);
            let end = (at + len).min(n);
            let piece = text[at..end].to_vec();
            let to = rng.below(n + 1);
            text.splice(to..to, piece);
            format!("duplicate {at}..{end} at {to}")
        }
        2 => {
            let bytes: Vec<u8> = (0..1 + rng.below(8))
                .map(|_| *rng.pick(SIGNIFICANT))
                .collect();
            text.splice(at..at, bytes.iter().copied());
            format!("insert {:?} at {at}", String::from_utf8_lossy(&bytes))
        }
        3 => {
            let token = *rng.pick(TOKENS);
            text.splice(at..at, token.bytes());
            format!("insert token {token:?} at {at}")
        }
        4 => {
            let byte = *rng.pick(ODD_BYTES);
            text.insert(at, byte);
            format!("insert byte {byte:#04x} at {at}")
        }
        5 => swap_lines(rng, text),
        6 => {
            text.truncate(at);
            format!("truncate at {at}")
        }
        7 => flip_indentation(rng, text),
        _ => {
            let at = at.min(n.saturating_sub(1));
            if n > 0 {
                text[at] = *rng.pick(SIGNIFICANT);
            }
            format!("replace byte at {at}")
        }
    }
}

/// Byte ranges of the lines of `text`, each including its newline.
fn lines(text: &[u8]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, &b) in text.iter().enumerate() {
        if b == b'\n' {
            out.push((start, i + 1));
            start = i + 1;
        }
    }
    if start < text.len() {
        out.push((start, text.len()));
    }
    out
}

fn swap_lines(rng: &mut Rng, text: &mut Vec<u8>) -> String {
    let ls = lines(text);
    if ls.len() < 2 {
        return "swap (too few lines)".into();
    }
    let (mut a, mut b) = (rng.below(ls.len()), rng.below(ls.len()));
    if a > b {
        std::mem::swap(&mut a, &mut b);
    }
    if a == b {
        return "swap (same line)".into();
    }
    let (la, lb) = (ls[a], ls[b]);
    let mut out = Vec::with_capacity(text.len());
    out.extend_from_slice(&text[..la.0]);
    out.extend_from_slice(&text[lb.0..lb.1]);
    out.extend_from_slice(&text[la.1..lb.0]);
    out.extend_from_slice(&text[la.0..la.1]);
    out.extend_from_slice(&text[lb.1..]);
    *text = out;
    format!("swap lines {} and {}", a + 1, b + 1)
}

fn flip_indentation(rng: &mut Rng, text: &mut Vec<u8>) -> String {
    let ls = lines(text);
    if ls.is_empty() {
        return "indent (empty)".into();
    }
    let line = rng.below(ls.len());
    let (start, _) = ls[line];
    let indent = text[start..]
        .iter()
        .take_while(|&&b| b == b' ' || b == b'\t')
        .count();
    let how = match rng.below(4) {
        0 => {
            text.splice(start..start, *b"    ");
            "indent 4 spaces"
        }
        1 => {
            text.drain(start..start + indent.min(4));
            "dedent"
        }
        2 => {
            text.splice(
                start..start + indent,
                std::iter::repeat_n(b'\t', indent / 4 + 1),
            );
            "indent to tabs"
        }
        _ => {
            text.splice(start..start, *b"\t");
            "insert tab"
        }
    };
    format!("{how} on line {}", line + 1)
}

/// The first lines of an input, for a failure report.
fn head(input: &[u8]) -> String {
    let text = String::from_utf8_lossy(input);
    let mut out: String = text.lines().take(12).map(|l| format!("{l:?}\n")).collect();
    if text.lines().count() > 12 {
        out.push_str("...\n");
    }
    out
}

fn env_usize(name: &str) -> Option<usize> {
    let value = std::env::var(name).ok()?;
    let value = value.trim();
    match value.strip_prefix("0x") {
        Some(hex) => usize::from_str_radix(hex, 16).ok(),
        None => value.parse().ok(),
    }
}

/// A fixed sample: every k-th stdlib file (sorted, size-capped), plus tests/cases.
fn sample_files() -> Vec<(String, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    if let Some(stdlib) = stdlib_dir() {
        let mut all = Vec::new();
        walk_py(&stdlib, &mut all);
        all.retain(|p| std::fs::metadata(p).is_ok_and(|m| m.len() <= MAX_FILE));
        all.sort();
        let step = (all.len() / SAMPLE_FILES).max(1);
        files.extend(all.into_iter().step_by(step).take(SAMPLE_FILES));
    }
    let mut cases = Vec::new();
    walk_py(&root.join("tests/cases"), &mut cases);
    cases.sort();
    files.extend(cases);
    files
        .into_iter()
        .filter_map(|p| Some((p.display().to_string(), std::fs::read(&p).ok()?)))
        .collect()
}

fn stdlib_dir() -> Option<PathBuf> {
    let out = Command::new("python3")
        .args([
            "-c",
            "import sysconfig; print(sysconfig.get_paths()['stdlib'])",
        ])
        .output()
        .ok()?;
    let dir = PathBuf::from(String::from_utf8(out.stdout).ok()?.trim());
    (out.status.success() && dir.is_dir()).then_some(dir)
}

fn walk_py(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            if entry.file_name() != "site-packages" {
                walk_py(&path, out);
            }
        } else if path.extension().is_some_and(|e| e == "py") {
            out.push(path);
        }
    }
}
