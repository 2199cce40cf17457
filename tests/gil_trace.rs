//! The GIL you can watch: `gilt -X gil-trace=FILE` writes a Chrome trace of
//! who held the GIL and why they let go; `gilt --gil-trace FILE --svg OUT`
//! draws it; the `gil` module reports the counters.

use std::process::Command;

const GILT: &str = env!("CARGO_BIN_EXE_gilt");

const PROGRAM: &str = "
import threading, time
def spin():
    n = 0
    for i in range(2_000_000):
        n += i
def nap():
    for _ in range(5):
        time.sleep(0.001)
ts = [threading.Thread(target=spin, name='spinner'), threading.Thread(target=nap, name='napper')]
for t in ts: t.start()
for t in ts: t.join()
import gil
stats = gil.stats()
print(gil.switches() > 0, len(stats) >= 3)
print(all(set(s) == {'acquisitions', 'forced', 'held', 'waited'} for s in stats.values()))
print(sum(s['forced'] for s in stats.values()) > 0, gil.tracing())
";

fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("gilt-gil-trace-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

#[test]
fn a_traced_run_names_threads_and_reasons_and_draws() {
    let script = scratch("prog.py");
    let trace = scratch("trace.json");
    let picture = scratch("trace.svg");
    std::fs::write(&script, PROGRAM).unwrap();
    let out = Command::new(GILT)
        .arg("-X")
        .arg(format!("gil-trace={}", trace.display()))
        .arg(&script)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "True True\nTrue\nTrue True\n"
    );
    let json = std::fs::read_to_string(&trace).unwrap();
    for expected in [
        "\"traceEvents\"",
        "\"name\": \"MainThread\"",
        "\"name\": \"spinner\"",
        "\"name\": \"napper\"",
        "\"released\": \"interval\"",
        "\"released\": \"time.sleep\"",
        "waits for the GIL",
    ] {
        assert!(json.contains(expected), "{expected} missing from the trace");
    }
    let drawn = Command::new(GILT)
        .args(["--gil-trace"])
        .arg(&trace)
        .arg("--svg")
        .arg(&picture)
        .output()
        .unwrap();
    assert!(
        drawn.status.success(),
        "{}",
        String::from_utf8_lossy(&drawn.stderr)
    );
    let report = String::from_utf8_lossy(&drawn.stdout);
    assert!(report.contains("spinner") && report.contains("interval"));
    let svg = std::fs::read_to_string(&picture).unwrap();
    assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
    assert!(svg.contains(">napper</text>"));
}

#[test]
fn bad_uses_of_the_drawing_command_are_reported() {
    let usage = Command::new(GILT).arg("--gil-trace").output().unwrap();
    assert_eq!(usage.status.code(), Some(2));
    let missing = Command::new(GILT)
        .args(["--gil-trace", "/nonexistent/trace.json"])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("can't read"));
    let not_json = scratch("not.json");
    std::fs::write(&not_json, "hello").unwrap();
    let bad = Command::new(GILT)
        .arg("--gil-trace")
        .arg(&not_json)
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("is not a GIL trace"));
}

#[test]
fn an_unwritable_trace_file_is_reported_and_the_program_still_runs() {
    let out = Command::new(GILT)
        .args([
            "-X",
            "gil-trace=/nonexistent/dir/t.json",
            "-c",
            "print('ran')",
        ])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), "ran\n");
    assert!(String::from_utf8_lossy(&out.stderr).contains("can't write the GIL trace"));
}
