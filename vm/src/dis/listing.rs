//! Decoding a code object into instructions and laying them out as CPython
//! 3.11's `dis` prints them.
//!
//! Offsets are twice the instruction index, as CPython counts its two-byte
//! code units, so `(to N)` and the exception table read as CPython's do. Gilt
//! has no inline CACHE entries and its jump operands are absolute indices, so
//! offsets and jump arguments differ from CPython's for the same source.

use crate::bytecode::{Code, Op};
use crate::compile::codegen::binary_operator;
use crate::exc::PyResult;
use crate::interp::Vm;
use crate::object::{Object, PyStr};
use crate::value::Value;
use std::fmt::Write;

/// How `dis` reads an instruction's operand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArgKind {
    /// An index into `co_consts` (`hasconst`).
    Const,
    /// An index into `co_names` (`hasname`).
    Name,
    /// An index into `co_varnames` (`haslocal`).
    Local,
    /// An index into cell then free variables (`hasfree`).
    Free,
    /// An absolute instruction index to jump to (`hasjabs`).
    Jump,
    /// An index into `cmp_op` (`hascompare`).
    Compare,
    /// A binary operator (`+`, or `+=` from 13 on).
    Binary,
    /// FORMAT_VALUE's conversion and format-spec bits.
    Format,
    /// MAKE_FUNCTION's flags.
    MakeFunction,
    /// A count or a flag shown as a bare number (or no operand at all).
    Plain,
}

/// The kind of operand `op` takes.
pub fn arg_kind(op: &Op) -> ArgKind {
    match op {
        Op::LoadConst(_) | Op::KwNames(_) => ArgKind::Const,
        Op::LoadGlobal(_)
        | Op::StoreGlobal(_)
        | Op::DeleteGlobal(_)
        | Op::LoadName(_)
        | Op::StoreName(_)
        | Op::DeleteName(_)
        | Op::LoadAttr(_)
        | Op::StoreAttr(_)
        | Op::DeleteAttr(_)
        | Op::LoadMethod(_)
        | Op::ImportName(_)
        | Op::ImportFrom(_) => ArgKind::Name,
        Op::LoadFast(_) | Op::StoreFast(_) | Op::DeleteFast(_) => ArgKind::Local,
        Op::LoadDeref(_) | Op::StoreDeref(_) | Op::LoadClosure(_) => ArgKind::Free,
        Op::Jump(_)
        | Op::PopJumpIfFalse(_)
        | Op::PopJumpIfTrue(_)
        | Op::JumpIfFalseOrPop(_)
        | Op::JumpIfTrueOrPop(_)
        | Op::ForIter(_) => ArgKind::Jump,
        Op::CompareOp(_) => ArgKind::Compare,
        Op::BinaryOp(_) => ArgKind::Binary,
        Op::FormatValue(_) => ArgKind::Format,
        Op::MakeFunction(_) => ArgKind::MakeFunction,
        _ => ArgKind::Plain,
    }
}

/// `dis.cmp_op`: COMPARE_OP's operand indexes it.
pub const CMP_OP: [&str; 6] = ["<", "<=", "==", "!=", ">", ">="];

const MAKE_FUNCTION_FLAGS: [&str; 4] = ["defaults", "kwdefaults", "annotations", "closure"];

/// One decoded instruction: the fields of `dis.Instruction`.
#[derive(Debug, Clone)]
pub struct Instr {
    /// The instruction.
    pub op: Op,
    /// `2 * index`.
    pub offset: u32,
    /// What the operand means (a constant, a name, a jump's target offset ...).
    pub argval: Value,
    /// The text shown in parentheses after the operand.
    pub argrepr: String,
    /// The source line this instruction starts, if it starts one.
    pub starts_line: Option<i64>,
    /// Some jump or exception handler leads here.
    pub is_jump_target: bool,
}

/// One row of the exception table: an exception raised by an instruction at
/// offsets `start..=end` continues at `target` with the stack cut to `depth`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TableEntry {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    pub depth: u32,
}

/// The exception table as CPython prints it: consecutive instructions that
/// the same handler covers (the innermost range, as the loop picks) make one
/// row, so nested ranges come out flat and in order.
pub fn exception_table(code: &Code) -> Vec<TableEntry> {
    let mut rows: Vec<TableEntry> = Vec::new();
    for pc in 0..code.ops.len() as u32 {
        let Some(h) = code
            .handlers
            .iter()
            .find(|h| (h.start..h.end).contains(&pc))
        else {
            continue;
        };
        let (offset, target) = (2 * pc, 2 * h.target);
        match rows.last_mut() {
            Some(row) if row.end + 2 == offset && row.target == target && row.depth == h.depth => {
                row.end = offset
            }
            _ => rows.push(TableEntry {
                start: offset,
                end: offset,
                target,
                depth: h.depth,
            }),
        }
    }
    rows
}

/// `(offset, line)` for each instruction whose line differs from the one
/// before it (`dis.findlinestarts`).
pub fn line_starts(code: &Code) -> Vec<(u32, u32)> {
    let mut starts = Vec::new();
    let mut previous = None;
    for (i, &line) in code.lines.iter().enumerate() {
        if previous != Some(line) {
            starts.push((2 * i as u32, line));
            previous = Some(line);
        }
    }
    starts
}

/// The instructions of `code`; `line_offset` is added to each line number
/// (`get_instructions(first_line=...)`).
pub fn instructions(vm: &mut Vm, code: &Code, line_offset: i64) -> PyResult<Vec<Instr>> {
    let mut targets = vec![false; code.ops.len()];
    for op in &code.ops {
        if let (ArgKind::Jump, Some(t)) = (arg_kind(op), op.arg()) {
            if let Some(slot) = targets.get_mut(t as usize) {
                *slot = true;
            }
        }
    }
    for h in &code.handlers {
        if let Some(slot) = targets.get_mut(h.target as usize) {
            *slot = true;
        }
    }
    let starts = line_starts(code);
    let mut starts = starts.iter().peekable();
    let mut out = Vec::with_capacity(code.ops.len());
    for (i, op) in code.ops.iter().enumerate() {
        let offset = 2 * i as u32;
        let starts_line = match starts.peek() {
            Some(&&(at, line)) if at == offset => {
                starts.next();
                Some((line as i64).saturating_add(line_offset))
            }
            _ => None,
        };
        let (argval, argrepr) = describe(vm, code, op)?;
        out.push(Instr {
            op: *op,
            offset,
            argval,
            argrepr,
            starts_line,
            is_jump_target: targets[i],
        });
    }
    Ok(out)
}

/// The meaning of `op`'s operand and how `dis` shows it.
fn describe(vm: &mut Vm, code: &Code, op: &Op) -> PyResult<(Value, String)> {
    let Some(arg) = op.arg() else {
        return Ok((Value::None, String::new()));
    };
    let name = |names: &[Box<str>], i: usize| {
        let text = names.get(i).map_or("", |n| &**n);
        (PyStr::value(text), text.to_string())
    };
    Ok(match arg_kind(op) {
        ArgKind::Const => match code.consts.get(arg as usize) {
            Some(v) => (v.clone(), crate::eval::ops::repr(vm, v)?),
            None => (Value::None, String::new()),
        },
        ArgKind::Name => name(&code.names, arg as usize),
        ArgKind::Local => name(&code.varnames, arg as usize),
        ArgKind::Free => {
            let i = arg as usize;
            match i.checked_sub(code.cellvars.len()) {
                None => name(&code.cellvars, i),
                Some(j) => name(&code.freevars, j),
            }
        }
        ArgKind::Jump => (Value::Int(2 * arg as i64), format!("to {}", 2 * arg)),
        ArgKind::Compare => {
            let text = CMP_OP.get(arg as usize).copied().unwrap_or("");
            (PyStr::value(text), text.to_string())
        }
        ArgKind::Binary => {
            let symbol = binary_symbol(arg);
            (Value::Int(arg as i64), symbol)
        }
        ArgKind::Format => format_value(vm, arg),
        ArgKind::MakeFunction => {
            let flags: Vec<&str> = MAKE_FUNCTION_FLAGS
                .iter()
                .enumerate()
                .filter(|(i, _)| arg & (1 << i) != 0)
                .map(|(_, s)| *s)
                .collect();
            (Value::Int(arg as i64), flags.join(", "))
        }
        ArgKind::Plain => (Value::Int(arg as i64), String::new()),
    })
}

/// BINARY_OP's symbol: `+` for 0, `+=` for 13.
fn binary_symbol(arg: u32) -> String {
    use gilt_parser::ast::Operator::*;
    let symbol = match binary_operator(arg) {
        Add => "+",
        BitAnd => "&",
        FloorDiv => "//",
        LShift => "<<",
        MatMult => "@",
        Mult => "*",
        Mod => "%",
        BitOr => "|",
        Pow => "**",
        RShift => ">>",
        Sub => "-",
        Div => "/",
        BitXor => "^",
    };
    if arg >= 13 {
        format!("{symbol}=")
    } else {
        symbol.to_string()
    }
}

/// FORMAT_VALUE: `(converter, has_spec)` and text such as `repr, with format`.
fn format_value(vm: &Vm, arg: u32) -> (Value, String) {
    let conversion = ["", "str", "repr", "ascii"][(arg & 3) as usize];
    let converter = match conversion {
        "" => Value::None,
        "str" => Value::Obj(vm.type_obj(crate::object::BuiltinType::Str)),
        other => match vm.interp.builtins.get() {
            Object::Dict(d) => d.get(&vm.gil).get_str(other).cloned(),
            _ => None,
        }
        .unwrap_or(Value::None),
    };
    let with_spec = arg & 4 != 0;
    let text = match (conversion, with_spec) {
        (c, false) => c.to_string(),
        ("", true) => "with format".to_string(),
        (c, true) => format!("{c}, with format"),
    };
    let argval = Value::obj(Object::Tuple(
        vec![converter, Value::Bool(with_spec)].into(),
    ));
    (argval, text)
}

/// The listing of one code object, without the code objects it contains:
/// CPython's `dis.disassemble(co, lasti)`. `lasti` (an offset) gets `-->`.
pub fn disassemble(
    vm: &mut Vm,
    code: &Code,
    lasti: Option<u32>,
    line_offset: i64,
) -> PyResult<String> {
    let instrs = instructions(vm, code, line_offset)?;
    let max_line = instrs.iter().filter_map(|i| i.starts_line).max();
    let line_width = match max_line {
        None => 0,
        Some(n) if n >= 1000 => n.to_string().len(),
        Some(_) => 3,
    };
    let max_offset = 2 * code.ops.len().saturating_sub(1);
    let offset_width = if max_offset >= 10000 {
        max_offset.to_string().len()
    } else {
        4
    };
    let mut out = String::new();
    for instr in &instrs {
        if line_width > 0 && instr.starts_line.is_some() && instr.offset > 0 {
            out.push('\n');
        }
        out.push_str(&format_line(
            instr,
            line_width,
            lasti == Some(instr.offset),
            offset_width,
        ));
        out.push('\n');
    }
    let table = exception_table(code);
    if !table.is_empty() {
        out.push_str("ExceptionTable:\n");
        for row in table {
            let _ = writeln!(
                out,
                "  {} to {} -> {} [{}]",
                row.start, row.end, row.target, row.depth
            );
        }
    }
    Ok(out)
}

/// One instruction's line: line number, `-->`, `>>`, offset, name, operand
/// and its description, in CPython's column widths.
fn format_line(instr: &Instr, line_width: usize, current: bool, offset_width: usize) -> String {
    let mut fields: Vec<String> = Vec::with_capacity(7);
    if line_width > 0 {
        fields.push(match instr.starts_line {
            Some(line) => format!("{line:>line_width$}"),
            None => " ".repeat(line_width),
        });
    }
    fields.push(if current { "-->" } else { "   " }.to_string());
    fields.push(if instr.is_jump_target { ">>" } else { "  " }.to_string());
    fields.push(format!("{:>offset_width$}", instr.offset));
    fields.push(format!("{:<20}", instr.op.name()));
    if let Some(arg) = instr.op.arg() {
        fields.push(format!("{arg:>5}"));
        if !instr.argrepr.is_empty() {
            fields.push(format!("({})", instr.argrepr));
        }
    }
    fields.join(" ").trim_end().to_string()
}

/// The listing of `code` followed by those of the code objects among its
/// constants, each under a `Disassembly of <code object ...>:` header;
/// `depth` limits how deep that goes (`None`: all the way).
pub fn disassemble_recursive(vm: &mut Vm, code: &Code, depth: Option<i64>) -> PyResult<String> {
    let mut out = disassemble(vm, code, None, 0)?;
    if depth.is_some_and(|d| d <= 0) {
        return Ok(out);
    }
    let depth = depth.map(|d| d - 1);
    for c in &code.consts {
        if let Some(Object::Code(inner)) = c.as_object() {
            let header = crate::eval::ops::repr(vm, c)?;
            let _ = write!(out, "\nDisassembly of {header}:\n");
            out.push_str(&disassemble_recursive(vm, inner, depth)?);
        }
    }
    Ok(out)
}

/// `dis.code_info(co)`: the code object's attributes, one per line (no
/// trailing newline).
pub fn code_info(vm: &mut Vm, code: &Code) -> PyResult<String> {
    let mut out = String::new();
    let _ = writeln!(out, "Name:              {}", code.name);
    let _ = writeln!(out, "Filename:          {}", code.filename);
    let _ = writeln!(out, "Argument count:    {}", code.argcount);
    let _ = writeln!(out, "Positional-only arguments: {}", code.posonlyargcount);
    let _ = writeln!(out, "Kw-only arguments: {}", code.kwonlyargcount);
    let _ = writeln!(out, "Number of locals:  {}", code.varnames.len());
    let _ = writeln!(out, "Stack size:        {}", code.stacksize);
    let _ = write!(
        out,
        "Flags:             {}",
        pretty_flags(crate::object::code::flags(code))
    );
    if !code.consts.is_empty() {
        out.push_str("\nConstants:");
        for (i, c) in code.consts.iter().enumerate() {
            let text = crate::eval::ops::repr(vm, c)?;
            let _ = write!(out, "\n{i:>4}: {text}");
        }
    }
    for (title, names) in [
        ("Names", &code.names),
        ("Variable names", &code.varnames),
        ("Free variables", &code.freevars),
        ("Cell variables", &code.cellvars),
    ] {
        if !names.is_empty() {
            let _ = write!(out, "\n{title}:");
            for (i, n) in names.iter().enumerate() {
                let _ = write!(out, "\n{i:>4}: {n}");
            }
        }
    }
    Ok(out)
}

/// `dis.COMPILER_FLAG_NAMES`.
pub const FLAG_NAMES: [(u32, &str); 10] = [
    (1, "OPTIMIZED"),
    (2, "NEWLOCALS"),
    (4, "VARARGS"),
    (8, "VARKEYWORDS"),
    (16, "NESTED"),
    (32, "GENERATOR"),
    (64, "NOFREE"),
    (128, "COROUTINE"),
    (256, "ITERABLE_COROUTINE"),
    (512, "ASYNC_GENERATOR"),
];

/// `dis.pretty_flags`: the names of the set bits, lowest first; `0x0` for none.
pub fn pretty_flags(flags: u32) -> String {
    if flags == 0 {
        return "0x0".to_string();
    }
    (0..32)
        .map(|i| 1u32 << i)
        .filter(|bit| flags & bit != 0)
        .map(|bit| match FLAG_NAMES.iter().find(|(b, _)| *b == bit) {
            Some((_, name)) => name.to_string(),
            None => format!("{bit:#x}"),
        })
        .collect::<Vec<_>>()
        .join(", ")
}
