//! The interactive prompt, as CPython's REPL behaves.
//!
//! Lines are read with rustyline when stdin is a terminal (history in
//! `~/.gilt_history`, Tab completion), and plainly with the prompts on stderr
//! otherwise (`gilt -i` with piped input, as CPython does). Lines gather in a
//! [`Pending`] input until it is a whole statement: an open bracket, an
//! unterminated triple-quoted string, a backslash or an unfinished block asks
//! for more with `... `; a compound statement ends at an empty line. Each
//! input runs in the one `__main__` namespace through
//! [`gilt::Interpreter::run_interactive`].

use gilt::{ast, ErrorKind, Interpreter, ParseError, SourceError, Uncaught};
use rustyline::completion::Completer;
use rustyline::error::ReadlineError;
use rustyline::highlight::Highlighter;
use rustyline::hint::Hinter;
use rustyline::history::{DefaultHistory, History};
use rustyline::validate::Validator;
use rustyline::{CompletionType, Config, Context, Editor, Helper};
use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;

const PS1: &str = ">>> ";
const PS2: &str = "... ";
/// Lines kept in `~/.gilt_history`.
const HISTORY_SIZE: usize = 10_000;

/// Run the prompt until end of input or a SystemExit; return the exit code.
/// `banner`: print the version lines first (to stderr, as CPython does).
pub fn run(interp: &Interpreter, banner: bool) -> i32 {
    if banner {
        eprintln!(
            "Gilt {} (Python 3.11 compatible)\n\
             Type \"help\", \"copyright\", \"credits\" or \"license\" for more information.",
            env!("CARGO_PKG_VERSION")
        );
    }
    let mut input: Box<dyn LineSource + '_> = if std::io::stdin().is_terminal() {
        match Terminal::new(interp) {
            Some(t) => Box::new(t),
            None => Box::new(Piped),
        }
    } else {
        Box::new(Piped)
    };
    let code = session(interp, input.as_mut());
    input.finish();
    code
}

/// One line from the user.
enum Read {
    Line(String),
    /// Ctrl-C.
    Interrupted,
    /// Ctrl-D, or the end of piped input.
    Eof,
}

/// Where lines come from.
trait LineSource {
    /// Show `prompt` and read a line (without its newline).
    fn read(&mut self, prompt: &str) -> Read;
    /// Remember a line in the history.
    fn remember(&mut self, _line: &str) {}
    /// Save the history.
    fn finish(&mut self) {}
}

/// Read, gather and run inputs until end of input or a SystemExit.
fn session(interp: &Interpreter, input: &mut dyn LineSource) -> i32 {
    let mut pending = Pending::default();
    loop {
        let prompt = if pending.is_empty() { PS1 } else { PS2 };
        let verdict = match input.read(prompt) {
            Read::Line(line) => {
                if !line.trim().is_empty() {
                    input.remember(&line);
                }
                // A paste may bring several lines at once: feed them in turn.
                let mut verdict = Verdict::More;
                for piece in line.split('\n') {
                    verdict = pending.feed(piece);
                    if !matches!(verdict, Verdict::More) {
                        if let Some(code) = act(interp, verdict) {
                            return code;
                        }
                        verdict = Verdict::Nothing;
                    }
                }
                verdict
            }
            Read::Interrupted => {
                pending = Pending::default();
                let _ = std::io::stdout().flush();
                eprintln!("KeyboardInterrupt");
                Verdict::Nothing
            }
            Read::Eof if pending.is_empty() => return 0,
            // CPython ends the statement at end of input and runs it.
            Read::Eof => pending.finish(),
        };
        if let Some(code) = act(interp, verdict) {
            return code;
        }
    }
}

/// Run or report a finished input; `Some(code)` when a SystemExit ends the REPL.
fn act(interp: &Interpreter, verdict: Verdict) -> Option<i32> {
    match verdict {
        Verdict::More | Verdict::Nothing => None,
        Verdict::Error(e) => {
            let _ = std::io::stdout().flush();
            eprint!("{}", e.render("<stdin>"));
            None
        }
        Verdict::Run(module, text) => match interp.run_interactive(&module, &text) {
            Ok(()) | Err(Uncaught::Printed) => None,
            Err(Uncaught::Exit(code)) => Some(code),
        },
    }
}

/// What to do with the lines gathered so far.
#[derive(Debug)]
enum Verdict {
    /// Not a whole statement yet: prompt with `... `.
    More,
    /// A blank input: nothing to run.
    Nothing,
    /// Run this checked module, parsed from this text.
    Run(ast::Module, String),
    /// Report this error.
    Error(SourceError),
}

/// The lines of one input, gathered until it is a whole statement.
#[derive(Debug, Default)]
struct Pending {
    text: String,
    /// The input is a compound statement: it ends at an empty line.
    block: bool,
}

impl Pending {
    fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Add a line, and say whether the input is whole, needs more, or is wrong.
    fn feed(&mut self, line: &str) -> Verdict {
        let blank = line.trim().is_empty();
        self.text.push_str(line);
        self.text.push('\n');
        let verdict = match gilt::parse_source(self.text.as_bytes()) {
            Err(e) if incomplete(&e.error, &self.text, blank) => return Verdict::More,
            Err(e) => Verdict::Error(e),
            Ok(module) => match module.body.first() {
                // Only blanks and comments: CPython prompts afresh.
                None => Verdict::Nothing,
                Some(first) => {
                    self.block |= is_compound(first);
                    if let Some(second) = module.body.get(1).filter(|_| self.block) {
                        // CPython's 'single' mode takes one statement: a line
                        // back at the left margin after a block is an error.
                        Verdict::Error(self.error("invalid syntax", second.range.start))
                    } else if self.block && !blank {
                        return Verdict::More;
                    } else {
                        self.checked()
                    }
                }
            },
        };
        *self = Pending::default();
        verdict
    }

    /// End of input on a `... ` prompt: the input ends here, whole or not.
    fn finish(&mut self) -> Verdict {
        let verdict = match gilt::parse_source(self.text.as_bytes()) {
            Err(e) => Verdict::Error(e),
            Ok(module) if module.body.is_empty() => Verdict::Nothing,
            Ok(_) => self.checked(),
        };
        *self = Pending::default();
        verdict
    }

    /// The input, with the checks CPython's compiler makes, ready to run.
    fn checked(&self) -> Verdict {
        match gilt::check_source(self.text.as_bytes()) {
            Ok(module) => Verdict::Run(module, self.text.clone()),
            Err(e) => Verdict::Error(e),
        }
    }

    fn error(&self, msg: &str, at: u32) -> SourceError {
        SourceError {
            text: self.text.clone(),
            error: ParseError {
                kind: ErrorKind::Syntax,
                msg: msg.into(),
                start: at,
                end: at,
            },
            undecodable: None,
            from_compiler: false,
        }
    }
}

/// Would more lines complete `text`? Yes while a bracket, a triple-quoted
/// string or a backslash continuation is open, and when the parser failed at
/// the very end of the input (a block still expected: `if x:`, `@decorator`,
/// `try:` without `except`) unless the line just typed was empty, which ends
/// the statement in CPython's REPL.
fn incomplete(e: &ParseError, text: &str, blank: bool) -> bool {
    let open = e.msg.ends_with("was never closed")
        || e.msg
            .starts_with("unterminated triple-quoted string literal")
        || e.msg == "unexpected EOF while parsing";
    open || (!blank && e.start as usize >= text.len())
}

/// A statement with a body: CPython's REPL reads it until an empty line.
fn is_compound(stmt: &ast::Stmt) -> bool {
    use ast::StmtKind::*;
    matches!(
        stmt.node,
        FunctionDef { .. }
            | ClassDef { .. }
            | For { .. }
            | While { .. }
            | If { .. }
            | With { .. }
            | Match { .. }
            | Try { .. }
    )
}

/// Lines from a pipe, with the prompts on stderr (CPython's `-i` on a pipe).
struct Piped;

impl LineSource for Piped {
    fn read(&mut self, prompt: &str) -> Read {
        let _ = std::io::stdout().flush();
        eprint!("{prompt}");
        let mut line = String::new();
        match std::io::stdin().lock().read_line(&mut line) {
            Ok(0) | Err(_) => {
                eprintln!();
                Read::Eof
            }
            Ok(_) => {
                if line.ends_with('\n') {
                    line.pop();
                    if line.ends_with('\r') {
                        line.pop();
                    }
                }
                Read::Line(line)
            }
        }
    }
}

/// A terminal, edited with rustyline.
struct Terminal<'a> {
    editor: Editor<Completion<'a>, DefaultHistory>,
    history: Option<PathBuf>,
}

impl<'a> Terminal<'a> {
    fn new(interp: &'a Interpreter) -> Option<Terminal<'a>> {
        // Tab lists the candidates once they share no longer prefix, as readline.
        let config = Config::builder()
            .auto_add_history(false)
            .completion_type(CompletionType::List)
            .max_history_size(HISTORY_SIZE)
            .ok()?
            .build();
        let mut editor = Editor::with_config(config).ok()?;
        editor.set_helper(Some(Completion { interp }));
        let history = std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".gilt_history"));
        if let Some(path) = &history {
            let _ = editor.load_history(path);
        }
        Some(Terminal { editor, history })
    }
}

impl LineSource for Terminal<'_> {
    fn read(&mut self, prompt: &str) -> Read {
        let _ = std::io::stdout().flush();
        match self.editor.readline(prompt) {
            Ok(line) => Read::Line(line),
            Err(ReadlineError::Interrupted) => Read::Interrupted,
            Err(_) => Read::Eof,
        }
    }

    fn remember(&mut self, line: &str) {
        let _ = self.editor.add_history_entry(line);
    }

    fn finish(&mut self) {
        if let Some(path) = &self.history {
            if self.editor.history().len() > 0 {
                let _ = self.editor.save_history(path);
            }
        }
    }
}

/// Tab completion from the interpreter's namespaces.
struct Completion<'a> {
    interp: &'a Interpreter,
}

impl Completer for Completion<'_> {
    type Candidate = String;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        _ctx: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<String>)> {
        let before = &line[..pos];
        // Tab at the start of a line indents, as in CPython's REPL.
        if before.trim().is_empty() {
            return Ok((pos, vec!["\t".to_string()]));
        }
        let start = before
            .char_indices()
            .rev()
            .take_while(|&(_, c)| c.is_alphanumeric() || c == '_' || c == '.')
            .last()
            .map_or(pos, |(i, _)| i);
        let word = &before[start..];
        if word.is_empty() || word.starts_with(|c: char| c.is_ascii_digit() || c == '.') {
            return Ok((pos, Vec::new()));
        }
        Ok((start, self.interp.completions(word)))
    }
}

impl Hinter for Completion<'_> {
    type Hint = String;
}
impl Highlighter for Completion<'_> {}
impl Validator for Completion<'_> {}
impl Helper for Completion<'_> {}

#[cfg(test)]
mod tests {
    use super::*;

    /// Feed lines; describe each verdict in a word.
    fn verdicts(lines: &[&str]) -> Vec<String> {
        let mut pending = Pending::default();
        lines
            .iter()
            .map(|line| match pending.feed(line) {
                Verdict::More => "more".to_string(),
                Verdict::Nothing => "nothing".to_string(),
                Verdict::Run(m, _) => format!("run {}", m.body.len()),
                Verdict::Error(e) => format!("error {}", e.error.msg),
            })
            .collect()
    }

    #[test]
    fn simple_statements_run_at_once() {
        assert_eq!(verdicts(&["1 + 1"]), ["run 1"]);
        assert_eq!(verdicts(&["a = 1; b = 2"]), ["run 2"]);
        assert_eq!(verdicts(&["", "  ", "# note"]), ["nothing"; 3]);
    }

    #[test]
    fn open_constructs_ask_for_more() {
        assert_eq!(verdicts(&["x = (1,", "", "2)"]), ["more", "more", "run 1"]);
        assert_eq!(
            verdicts(&["s = '''a", "", "b'''"]),
            ["more", "more", "run 1"]
        );
        assert_eq!(verdicts(&["x = 1 + \\", "2"]), ["more", "run 1"]);
        assert_eq!(
            verdicts(&["@dec", "def f(): pass", ""]),
            ["more", "more", "run 1"]
        );
    }

    #[test]
    fn blocks_end_at_an_empty_line() {
        assert_eq!(
            verdicts(&["def f():", "  return 1", ""]),
            ["more", "more", "run 1"]
        );
        assert_eq!(verdicts(&["for i in x: i", ""]), ["more", "run 1"]);
        assert_eq!(
            verdicts(&["try:", "  1", "except E:", "  2", ""]),
            ["more", "more", "more", "more", "run 1"]
        );
        assert_eq!(
            verdicts(&["if 1:", ""]),
            [
                "more",
                "error expected an indented block after 'if' statement on line 1"
            ]
        );
        assert_eq!(
            verdicts(&["if 1:", " 2", "3"]),
            ["more", "more", "error invalid syntax"]
        );
    }

    #[test]
    fn errors_are_reported_at_once() {
        assert_eq!(verdicts(&["1 +"]), ["error invalid syntax"]);
        assert_eq!(verdicts(&["  1"]), ["error unexpected indent"]);
        assert_eq!(verdicts(&["return 1"]), ["error 'return' outside function"]);
        assert_eq!(
            verdicts(&["f(1 2"]),
            ["error invalid syntax. Perhaps you forgot a comma?"]
        );
    }
}
