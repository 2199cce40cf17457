//! Embeds every module written in Python under `lib/`: writes
//! `$OUT_DIR/embedded.rs`, a table of `(dotted name, source, is_package)` whose
//! sources are `include_str!`s, so adding a module is dropping a file there
//! (`lib/name.py`, or `lib/pkg/__init__.py` and `lib/pkg/sub.py`).

use std::path::{Path, PathBuf};

fn main() {
    let lib = Path::new(env!("CARGO_MANIFEST_DIR")).join("lib");
    println!("cargo:rerun-if-changed={}", lib.display());
    let mut entries = Vec::new();
    collect(&lib, "", &mut entries);
    entries.sort();
    let mut out = String::from("/// Modules written in Python: (name, source, is_package).\n");
    out.push_str("pub const EMBEDDED: &[(&str, &str, bool)] = &[\n");
    for (name, path, package) in &entries {
        out.push_str(&format!(
            "    ({name:?}, include_str!({:?}), {package}),\n",
            path.display().to_string()
        ));
    }
    out.push_str("];\n");
    let dest =
        Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("embedded.rs");
    std::fs::write(dest, out).expect("write embedded.rs");
}

/// Every `.py` under `dir`, named as a module inside package `prefix`.
fn collect(dir: &Path, prefix: &str, entries: &mut Vec<(String, PathBuf, bool)>) {
    let Ok(read) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in read.flatten() {
        let path = entry.path();
        println!("cargo:rerun-if-changed={}", path.display());
        let file = entry.file_name().to_string_lossy().into_owned();
        if path.is_dir() {
            if path.join("__init__.py").is_file() {
                collect(&path, &format!("{prefix}{file}."), entries);
            }
            continue;
        }
        let Some(stem) = file.strip_suffix(".py") else {
            continue;
        };
        if stem == "__init__" {
            let package = prefix.trim_end_matches('.').to_string();
            entries.push((package, path, true));
        } else {
            entries.push((format!("{prefix}{stem}"), path, false));
        }
    }
}
