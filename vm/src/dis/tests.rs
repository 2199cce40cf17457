//! Golden listings: the layout of `dis` output, pinned.

use super::listing;
use crate::bytecode::{Code, Op};
use crate::interp::Interp;
use crate::object::Object;
use std::sync::Arc;

/// The module code of `source` and the code objects among its constants.
fn compile(source: &str) -> (Arc<Code>, Vec<Arc<Code>>) {
    let module = gilt_parser::parse_module(source).expect("parses");
    let code = crate::compile::compile_module(&module, source, "t.py").expect("compiles");
    let inner = code
        .consts
        .iter()
        .filter_map(|c| match c.as_object() {
            Some(Object::Code(code)) => Some(code.clone()),
            _ => None,
        })
        .collect();
    (code, inner)
}

fn listing_of(code: &Code) -> String {
    let interp = Interp::new();
    let mut vm = interp.enter();
    listing::disassemble(&mut vm, code, None, 0).expect("lists")
}

#[test]
fn function_listing_has_cpythons_columns() {
    let (_, inner) = compile("def f(a, b):\n    if a < b:\n        return a + b\n    return -a\n");
    let expected = "  1           0 RESUME                   0

  2           2 LOAD_FAST                0 (a)
              4 LOAD_FAST                1 (b)
              6 COMPARE_OP               0 (<)
              8 POP_JUMP_IF_FALSE        9 (to 18)

  3          10 LOAD_FAST                0 (a)
             12 LOAD_FAST                1 (b)
             14 BINARY_OP                0 (+)
             16 RETURN_VALUE

  4     >>   18 LOAD_FAST                0 (a)
             20 UNARY_NEGATIVE
             22 RETURN_VALUE
";
    assert_eq!(listing_of(&inner[0]), expected);
}

#[test]
fn module_listing_starts_on_line_zero_and_marks_the_current_instruction() {
    let (code, _) = compile("x = 1\nx += 2\n");
    let interp = Interp::new();
    let mut vm = interp.enter();
    let text = listing::disassemble(&mut vm, &code, Some(6), 0).expect("lists");
    let expected = "  0           0 RESUME                   0

  1           2 LOAD_CONST               0 (1)
              4 STORE_NAME               0 (x)

  2 -->       6 LOAD_NAME                0 (x)
              8 LOAD_CONST               1 (2)
             10 BINARY_OP               13 (+=)
             12 STORE_NAME               0 (x)
             14 LOAD_CONST               2 (None)
             16 RETURN_VALUE
";
    assert_eq!(text, expected);
}

#[test]
fn exception_table_lists_flat_ranges_in_offset_order() {
    let source = "def h(x):\n    try:\n        x()\n    except E:\n        pass\n";
    let (_, inner) = compile(source);
    let text = listing_of(&inner[0]);
    let table = text.split("ExceptionTable:\n").nth(1).expect("a table");
    let rows: Vec<&str> = table.lines().collect();
    assert!(rows.len() >= 2, "{text}");
    let mut last_start = -1i64;
    for row in rows {
        // "  START to END -> TARGET [DEPTH]"
        let words: Vec<&str> = row.split_whitespace().collect();
        assert_eq!((words[1], words[3]), ("to", "->"), "{row}");
        let start: i64 = words[0].parse().unwrap();
        let end: i64 = words[2].parse().unwrap();
        assert!(start <= end && start > last_start, "{row}");
        assert!(words[5].starts_with('[') && words[5].ends_with(']'));
        last_start = start;
    }
}

#[test]
fn nested_code_gets_a_header_with_its_repr() {
    let (code, _) = compile("def f():\n    return [y for y in z]\n");
    let interp = Interp::new();
    let mut vm = interp.enter();
    let text = listing::disassemble_recursive(&mut vm, &code, None).expect("lists");
    let headers: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("Disassembly of "))
        .collect();
    assert_eq!(headers.len(), 2, "{text}");
    assert!(headers[0].starts_with("Disassembly of <code object f at 0x"));
    assert!(headers[0].ends_with(", file \"t.py\", line 1>:"));
    assert!(headers[1].starts_with("Disassembly of <code object <listcomp> at 0x"));
    let shallow = listing::disassemble_recursive(&mut vm, &code, Some(0)).expect("lists");
    assert!(!shallow.contains("Disassembly of"));
}

#[test]
fn opcode_numbers_are_unique_and_follow_cpython() {
    let every = Op::every();
    let mut numbers: Vec<u8> = every.iter().map(Op::number).collect();
    numbers.sort_unstable();
    numbers.dedup();
    assert_eq!(numbers.len(), every.len());
    let number_of = |name: &str| every.iter().find(|op| op.name() == name).map(Op::number);
    assert_eq!(number_of("RETURN_VALUE"), Some(83));
    assert_eq!(number_of("LOAD_FAST"), Some(124));
    assert_eq!(number_of("RESUME"), Some(151));
    assert!(number_of("JUMP").is_some_and(|n| n > 200));
    // CPython 3.11: an opcode takes an operand exactly when it is >= 90
    // (Gilt's RERAISE needs none: it never restores `f_lasti`).
    for op in every
        .iter()
        .filter(|op| op.number() < 200 && op.name() != "RERAISE")
    {
        assert_eq!(op.arg().is_some(), op.number() >= 90, "{}", op.name());
    }
}

#[test]
fn flags_read_as_cpython_names_them() {
    assert_eq!(listing::pretty_flags(0), "0x0");
    assert_eq!(listing::pretty_flags(35), "OPTIMIZED, NEWLOCALS, GENERATOR");
    assert_eq!(listing::pretty_flags(1 << 20), "0x100000");
}
