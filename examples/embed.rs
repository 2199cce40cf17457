//! Embedding Gilt in a Rust program: `cargo run --example embed`.
//!
//! Registers a Rust function, runs Python code that defines a function using
//! it, calls that from Rust with Rust arguments and converts the result back,
//! evaluates an expression, captures what Python prints, and shows Python
//! exceptions crossing into Rust and back.

use gilt::{Error, Interpreter, Object};
use std::collections::HashMap;

/// Python code run by the example: one function that calls the Rust one.
const SOURCE: &str = r#"
def summarize(title, lines):
    words = sum(word_count(line) for line in lines)
    return {"title": title.upper(), "lines": len(lines), "words": words}
"#;

fn main() -> Result<(), Error> {
    let interp = Interpreter::new();

    // A Rust closure becomes the builtin `word_count`.
    interp.register_function("word_count", |args| {
        let [text] = args else {
            return Err(Error::type_error("word_count() takes exactly one argument"));
        };
        let text: String = text.extract()?;
        Ok(Object::from(text.split_whitespace().count() as i64))
    })?;

    // Python code defining a function; the namespace persists.
    interp.exec(SOURCE)?;

    // Call it from Rust with Rust values, and convert the result back.
    let summarize = interp.get("summarize")?;
    let lines = vec!["the quick brown fox", "jumps over", "the lazy dog"];
    let result = interp.call(&summarize, &["fable".into(), lines.into()])?;
    println!("summarize() returned {}", result.repr()?);
    let summary: HashMap<String, Object> = result.extract()?;
    let title: String = summary["title"].extract()?;
    let words: i64 = summary["words"].extract()?;
    println!("title = {title:?}, words = {words}");

    // Evaluate an expression.
    let squares: Vec<i64> = interp.eval("[n * n for n in range(6)]")?.extract()?;
    println!("squares = {squares:?}");

    // Capture what Python prints instead of letting it reach stdout.
    interp.capture_stdout(true);
    interp.exec("for name in ['Ada', 'Grace']:\n    print(f'hello, {name}')")?;
    let printed = interp.take_output();
    interp.capture_stdout(false);
    println!("captured {:?}", printed);

    // A Rust error raised in Python is caught by Python code ...
    interp.exec(
        "try:\n    word_count('two', 'args')\nexcept TypeError as e:\n    caught = f'{type(e).__name__}: {e}'",
    )?;
    println!("Python caught {}", interp.get("caught")?.str()?);

    // ... and a Python exception that nobody catches becomes a Rust `Err`.
    let err = interp
        .call(&summarize, &["oops".into(), vec![1, 2].into()])
        .unwrap_err();
    println!("Rust got {}: {}", err.class(), err.message());
    print!("{}", err.traceback());

    // A wrong conversion is an error too, not a panic.
    let err = interp.eval("'not a number'")?.extract::<f64>().unwrap_err();
    println!("extract::<f64>() failed: {err}");
    Ok(())
}
