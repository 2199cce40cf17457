//! sys.stdin, sys.stdout and sys.stderr: text files over the process's
//! standard streams, set up as CPython sets them under a UTF-8 locale.
//!
//! stdout and stderr keep no buffer of their own: writes go straight to
//! Rust's stdout (line-buffered, flushed before a traceback and at exit,
//! which is also what `-u` promises) and stderr. stdin reads a line at a
//! time, so input() and the REPL never read ahead of each other.

use super::buffered::{BufferedFile, FileKind, DEFAULT_BUFFER_SIZE};
use super::newline::Newline;
use super::raw::Raw;
use super::text::{Options, TextFile};
use super::{classes, new_stream, Body};
use crate::gil::GilCell;
use crate::interp::Vm;
use crate::object::PyStr;
use crate::value::Obj;

/// Make stdin, stdout and stderr.
pub fn streams(vm: &mut Vm) -> [Obj; 3] {
    let classes = classes(vm);
    let mut make = |raw: Raw, name: &str, errors: &str| -> Obj {
        let reading = matches!(raw, Raw::Stdin);
        let kind = if reading {
            FileKind::Reader
        } else {
            FileKind::Writer
        };
        let interactive = raw.is_tty();
        let size = if reading { DEFAULT_BUFFER_SIZE } else { 0 };
        let mode = if reading { "rb" } else { "wb" };
        let file = BufferedFile::new(
            raw,
            PyStr::value(name),
            mode,
            kind,
            reading,
            !reading,
            false,
            size,
        );
        let buffer = new_stream(classes.of_file(kind), Body::File(GilCell::new(file)));
        let options = Options {
            encoding: Some("utf-8"),
            errors: Some(errors),
            newline: Newline::Universal,
            line_buffering: interactive && !reading,
            write_through: false,
            mode: Some(if reading { "r" } else { "w" }),
        };
        let text = TextFile::new(vm, buffer, options).expect("utf-8 is a known codec");
        new_stream(classes.text.clone(), Body::Text(GilCell::new(text)))
    };
    [
        make(Raw::Stdin, "<stdin>", "surrogateescape"),
        make(Raw::Stdout, "<stdout>", "surrogateescape"),
        make(Raw::Stderr, "<stderr>", "backslashreplace"),
    ]
}
