//! The OS end of a stream: an open file, or the process's stdin, stdout or
//! stderr. Nothing here touches Python objects, so every call may run with
//! the GIL released.

use std::io::{BufRead, Read, Seek, SeekFrom, Write};
use std::sync::Arc;

/// An OS handle. Cloning shares it (a read may run while the GIL is released).
#[derive(Clone, Debug)]
pub enum Raw {
    /// A file opened by `open()`.
    File(Arc<std::fs::File>),
    /// The process's standard input (read through Rust's buffered stdin, which
    /// the REPL reads lines from too, so nothing is read twice or lost).
    Stdin,
    /// The process's standard output (Rust's line-buffered stdout).
    Stdout,
    /// The process's standard error.
    Stderr,
}

/// How `open` opens a file (from the mode letters).
#[derive(Clone, Copy, Debug, Default)]
pub struct Flags {
    pub read: bool,
    pub write: bool,
    pub append: bool,
    pub create: bool,
    pub truncate: bool,
    pub exclusive: bool,
}

/// errno EISDIR.
const EISDIR: i32 = 21;
/// errno ESPIPE ("Illegal seek").
const ESPIPE: i32 = 29;

/// Open `path`; a directory is refused with EISDIR even for reading, as
/// CPython's FileIO refuses it.
pub fn open(path: &std::path::Path, flags: Flags) -> std::io::Result<std::fs::File> {
    let file = std::fs::OpenOptions::new()
        .read(flags.read)
        .write(flags.write && !flags.append)
        .append(flags.append)
        .create(flags.create && !flags.exclusive)
        .create_new(flags.exclusive)
        .truncate(flags.truncate)
        .open(path)?;
    if file.metadata().is_ok_and(|m| m.is_dir()) {
        return Err(std::io::Error::from_raw_os_error(EISDIR));
    }
    Ok(file)
}

impl Raw {
    /// At most `max` bytes from one read; stdin gives at most one line, so a
    /// line read here is never also read by someone else.
    pub fn read_chunk(&self, max: usize) -> std::io::Result<Vec<u8>> {
        match self {
            Raw::File(f) => {
                let mut buf = vec![0; max.max(1)];
                let n = loop {
                    match (&**f).read(&mut buf) {
                        Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                        other => break other?,
                    }
                };
                buf.truncate(n);
                Ok(buf)
            }
            Raw::Stdin => {
                let mut line = Vec::new();
                std::io::stdin().lock().read_until(b'\n', &mut line)?;
                Ok(line)
            }
            Raw::Stdout | Raw::Stderr => Err(not_readable()),
        }
    }

    /// Everything up to the end of the file.
    pub fn read_to_end(&self) -> std::io::Result<Vec<u8>> {
        let mut out = Vec::new();
        match self {
            Raw::File(f) => {
                (&**f).read_to_end(&mut out)?;
            }
            Raw::Stdin => {
                std::io::stdin().lock().read_to_end(&mut out)?;
            }
            Raw::Stdout | Raw::Stderr => return Err(not_readable()),
        }
        Ok(out)
    }

    /// Write all of `data`. A write to stderr first flushes stdout, so the two
    /// interleave on a terminal as they were written.
    pub fn write_all(&self, data: &[u8]) -> std::io::Result<()> {
        match self {
            Raw::File(f) => (&**f).write_all(data),
            Raw::Stdout => std::io::stdout().lock().write_all(data),
            Raw::Stderr => {
                let _ = std::io::stdout().flush();
                std::io::stderr().lock().write_all(data)
            }
            Raw::Stdin => Err(std::io::Error::from(std::io::ErrorKind::Unsupported)),
        }
    }

    /// Push out what the OS layer (or Rust's stdout buffer) holds.
    pub fn flush(&self) -> std::io::Result<()> {
        match self {
            Raw::Stdout => std::io::stdout().flush(),
            Raw::Stderr => std::io::stderr().flush(),
            Raw::File(_) | Raw::Stdin => Ok(()),
        }
    }

    /// Move the OS file position.
    pub fn seek(&self, to: SeekFrom) -> std::io::Result<u64> {
        match self {
            Raw::File(f) => (&**f).seek(to),
            _ => Err(std::io::Error::from_raw_os_error(ESPIPE)),
        }
    }

    /// Cut or extend the file to `len` bytes.
    pub fn set_len(&self, len: u64) -> std::io::Result<()> {
        match self {
            Raw::File(f) => f.set_len(len),
            _ => Err(std::io::Error::from_raw_os_error(ESPIPE)),
        }
    }

    /// Whether `seek` works here.
    pub fn seekable(&self) -> bool {
        match self {
            Raw::File(f) => (&**f).stream_position().is_ok(),
            _ => false,
        }
    }

    /// Whether this is a terminal.
    pub fn is_tty(&self) -> bool {
        use std::io::IsTerminal;
        match self {
            Raw::File(f) => f.is_terminal(),
            Raw::Stdin => std::io::stdin().is_terminal(),
            Raw::Stdout => std::io::stdout().is_terminal(),
            Raw::Stderr => std::io::stderr().is_terminal(),
        }
    }

    /// The OS file descriptor.
    pub fn fileno(&self) -> i64 {
        match self {
            #[cfg(unix)]
            Raw::File(f) => std::os::fd::AsRawFd::as_raw_fd(&**f) as i64,
            #[cfg(not(unix))]
            Raw::File(_) => -1,
            Raw::Stdin => 0,
            Raw::Stdout => 1,
            Raw::Stderr => 2,
        }
    }
}

fn not_readable() -> std::io::Error {
    std::io::Error::from(std::io::ErrorKind::Unsupported)
}
