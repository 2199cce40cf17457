//! Bytecode: the instruction set and code objects.
//!
//! One table declares every instruction with its operand and stack effect, so
//! the compiler, the evaluation loop and `dis` agree on what each one means.
//! Names follow CPython 3.11's opcodes; jump operands are absolute instruction
//! indices.

use crate::gil::GilCell;
use crate::value::Value;

macro_rules! opcodes {
    ($($name:ident $(($arg:ty))? = $py:literal : $doc:literal,)*) => {
        /// One instruction.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Op {
            $(#[doc = $doc] $name $(($arg))?,)*
        }

        impl Op {
            /// The CPython-style name `dis` prints.
            pub fn name(&self) -> &'static str {
                match self {
                    $(opcodes!(@pat $name $(($arg))?) => $py,)*
                }
            }

            /// The operand, for instructions that have one.
            pub fn arg(&self) -> Option<u32> {
                match *self {
                    $(Op::$name $((opcodes!(@bind a $arg)))? => opcodes!(@some a $($arg)?),)*
                }
            }

            /// One instruction of every kind (operands 0), in table order.
            pub fn every() -> Vec<Op> {
                vec![$(opcodes!(@make $name $(($arg))?),)*]
            }
        }
    };
    (@pat $name:ident ($arg:ty)) => { Op::$name(_) };
    (@pat $name:ident) => { Op::$name };
    (@bind $a:ident $arg:ty) => { $a };
    (@some $a:ident $arg:ty) => { Some($a) };
    (@some $a:ident) => { None };
    (@make $name:ident ($arg:ty)) => { Op::$name(0) };
    (@make $name:ident) => { Op::$name };
}

opcodes! {
    Nop = "NOP": "do nothing",
    Resume(u32) = "RESUME": "first instruction of every code object (`arg` 0, as CPython's); frames start after it",
    PopTop = "POP_TOP": "pop and drop the top of the stack",
    Copy(u32) = "COPY": "push a copy of the `arg`-th item (1 is the top)",
    Swap(u32) = "SWAP": "swap the top with the `arg`-th item",
    LoadConst(u32) = "LOAD_CONST": "push constant `arg`",
    LoadFast(u32) = "LOAD_FAST": "push local slot `arg`",
    StoreFast(u32) = "STORE_FAST": "pop into local slot `arg`",
    DeleteFast(u32) = "DELETE_FAST": "unbind local slot `arg`",
    LoadDeref(u32) = "LOAD_DEREF": "push the contents of cell `arg`",
    StoreDeref(u32) = "STORE_DEREF": "pop into cell `arg`",
    LoadClosure(u32) = "LOAD_CLOSURE": "push cell `arg` itself",
    LoadGlobal(u32) = "LOAD_GLOBAL": "push global or builtin named `arg`",
    StoreGlobal(u32) = "STORE_GLOBAL": "pop into the global named `arg`",
    DeleteGlobal(u32) = "DELETE_GLOBAL": "unbind the global named `arg`",
    LoadName(u32) = "LOAD_NAME": "push local, global or builtin named `arg` (module and class bodies)",
    StoreName(u32) = "STORE_NAME": "pop into the local namespace under name `arg`",
    DeleteName(u32) = "DELETE_NAME": "unbind name `arg` in the local namespace",
    LoadAttr(u32) = "LOAD_ATTR": "replace the top with its attribute named `arg`",
    StoreAttr(u32) = "STORE_ATTR": "pop object, pop value; set attribute `arg`",
    DeleteAttr(u32) = "DELETE_ATTR": "pop object; delete attribute `arg`",
    KwNames(u32) = "KW_NAMES": "the next CALL's last arguments are keywords named by constant `arg`",
    LoadMethod(u32) = "LOAD_METHOD": "replace the object on top with method `arg` of its class and the object, or with the attribute and NULL",
    CallMethod(u32) = "CALL_METHOD": "call what LOAD_METHOD pushed with `arg` arguments (the object first when it pushed one)",
    Call(u32) = "CALL": "call with `arg` arguments: pops callable (with self or NULL) and args, pushes result",
    CallEx(u32) = "CALL_FUNCTION_EX": "call with a tuple of arguments and, if `arg` is 1, a dict of keywords",
    BinaryOp(u32) = "BINARY_OP": "pop two, push the result of binary operator `arg` (`+=` forms are `arg` + 13)",
    CompareOp(u32) = "COMPARE_OP": "pop two, push the comparison `arg`",
    IsOp(u32) = "IS_OP": "pop two, push `is` (or `is not` if `arg` is 1)",
    ContainsOp(u32) = "CONTAINS_OP": "pop two, push `in` (or `not in` if `arg` is 1)",
    UnaryNegative = "UNARY_NEGATIVE": "replace the top with its negation",
    UnaryPositive = "UNARY_POSITIVE": "replace the top with +top",
    UnaryInvert = "UNARY_INVERT": "replace the top with ~top",
    UnaryNot = "UNARY_NOT": "replace the top with `not top`",
    BinarySubscr = "BINARY_SUBSCR": "pop index and container, push container[index]",
    StoreSubscr = "STORE_SUBSCR": "pop index, container, value; container[index] = value",
    DeleteSubscr = "DELETE_SUBSCR": "pop index and container; del container[index]",
    BuildSlice(u32) = "BUILD_SLICE": "pop `arg` (2 or 3) bounds, push a slice",
    BuildTuple(u32) = "BUILD_TUPLE": "pop `arg` items, push a tuple",
    BuildList(u32) = "BUILD_LIST": "pop `arg` items, push a list",
    BuildMap(u32) = "BUILD_MAP": "pop `arg` key/value pairs, push a dict",
    BuildSet(u32) = "BUILD_SET": "pop `arg` items, push a set of them (added first to last)",
    BuildString(u32) = "BUILD_STRING": "pop `arg` strs, push their concatenation",
    ListAppend(u32) = "LIST_APPEND": "pop an item, append it to the list `arg` deep",
    ListExtend(u32) = "LIST_EXTEND": "pop an iterable, extend the list `arg` deep with it",
    ListToTuple = "LIST_TO_TUPLE": "replace the list on top with a tuple",
    MapAdd(u32) = "MAP_ADD": "pop value and key, add them to the dict `arg` deep",
    DictUpdate(u32) = "DICT_UPDATE": "pop a mapping, update the dict `arg` deep with it",
    DictMerge(u32) = "DICT_MERGE": "as DICT_UPDATE for a call's `**` (a repeated key is an error naming the callable below)",
    SetAdd(u32) = "SET_ADD": "pop an item, add it to the set `arg` deep",
    SetUpdate(u32) = "SET_UPDATE": "pop an iterable, add its items to the set `arg` deep",
    UnpackSequence(u32) = "UNPACK_SEQUENCE": "pop an iterable of exactly `arg` items, push them last first",
    UnpackEx(u32) = "UNPACK_EX": "unpack with a starred target: `arg` = before | after << 8",
    FormatValue(u32) = "FORMAT_VALUE": "format the top (conversion in the low bits, spec on the stack if bit 2)",
    Jump(u32) = "JUMP": "continue at instruction `arg`",
    PopJumpIfFalse(u32) = "POP_JUMP_IF_FALSE": "pop; jump to `arg` if false",
    PopJumpIfTrue(u32) = "POP_JUMP_IF_TRUE": "pop; jump to `arg` if true",
    JumpIfFalseOrPop(u32) = "JUMP_IF_FALSE_OR_POP": "jump to `arg` keeping the top if false, else pop",
    JumpIfTrueOrPop(u32) = "JUMP_IF_TRUE_OR_POP": "jump to `arg` keeping the top if true, else pop",
    GetIter = "GET_ITER": "replace the top with an iterator over it",
    ForIter(u32) = "FOR_ITER": "push the iterator's next item, or pop it and jump to `arg`",
    MakeFunction(u32) = "MAKE_FUNCTION": "pop code (and defaults, kw defaults, closure per flags `arg`), push a function",
    ReturnValue = "RETURN_VALUE": "return the top to the caller",
    YieldValue = "YIELD_VALUE": "suspend the generator, yielding the top; resume with the sent value on top",
    GetYieldFromIter = "GET_YIELD_FROM_ITER": "replace the top with an iterator over it",
    YieldFrom = "YIELD_FROM": "pop the sent value, send it to the iterator below, yield what it yields; when it returns, replace it with its value",
    BeforeWith = "BEFORE_WITH": "replace the context manager with its bound __exit__ and the result of __enter__",
    GetAwaitable(u32) = "GET_AWAITABLE": "replace the top with its awaitable iterator (`arg` 1: from __aenter__, 2: from __aexit__)",
    GetAiter = "GET_AITER": "replace the top with its __aiter__()",
    GetAnext = "GET_ANEXT": "push the awaitable __anext__() of the async iterator on top",
    EndAsyncFor = "END_ASYNC_FOR": "pop the exception and the async iterator below it if it is StopAsyncIteration, else re-raise it",
    BeforeAsyncWith = "BEFORE_ASYNC_WITH": "replace the context manager with its bound __aexit__ and the awaitable __aenter__()",
    WithExceptStart = "WITH_EXCEPT_START": "call the __exit__ three below with the exception on top; push the result",
    LoadBuildClass = "LOAD_BUILD_CLASS": "push builtins.__build_class__",
    RaiseVarargs(u32) = "RAISE_VARARGS": "raise: re-raise (0), the top (1), or with a cause (2)",
    PushExcInfo = "PUSH_EXC_INFO": "save the handled exception and make the top the current one",
    PopExcept = "POP_EXCEPT": "restore the exception saved by PUSH_EXC_INFO",
    CheckExcMatch = "CHECK_EXC_MATCH": "push whether the exception below matches the class on top (popped)",
    CheckEgMatch = "CHECK_EG_MATCH": "except*: pop the class; split the exception on top into rest and match (pushed), or push None if none matches",
    PrepReraiseStar = "PREP_RERAISE_STAR": "pop the list of what except* clauses raised and the original exception; push what to raise, or None",
    Reraise = "RERAISE": "raise the exception on top again",
    LoadAssertionError = "LOAD_ASSERTION_ERROR": "push AssertionError",
    ImportName(u32) = "IMPORT_NAME": "pop fromlist and level, import module `arg`, push it",
    ImportFrom(u32) = "IMPORT_FROM": "push attribute `arg` of the module on top",
    ImportStar = "IMPORT_STAR": "pop a module; bind its `__all__` (or public) names in the local namespace",
    GetLen = "GET_LEN": "push len() of the top",
    MatchSequence = "MATCH_SEQUENCE": "push whether the top is a sequence for a sequence pattern (list, tuple, range)",
    MatchMapping = "MATCH_MAPPING": "push whether the top is a mapping for a mapping pattern (dict)",
    MatchKeys = "MATCH_KEYS": "with a tuple of keys on top of a mapping, push a tuple of their values, or None if one is missing",
    MatchClass(u32) = "MATCH_CLASS": "pop attribute names, class and subject; push a tuple of `arg` positional then the named attributes, or None",
    CopyDictWithoutKeys = "COPY_DICT_WITHOUT_KEYS": "pop keys and mapping; push a dict of the mapping's other items",
}

impl Op {
    /// The opcode number `dis.opmap` gives: CPython 3.11's for the
    /// instructions it has, 201 and up for Gilt's own.
    pub fn number(&self) -> u8 {
        match self {
            Op::PopTop => 1,
            Op::ImportStar => 84,
            Op::Nop => 9,
            Op::UnaryPositive => 10,
            Op::UnaryNegative => 11,
            Op::UnaryNot => 12,
            Op::UnaryInvert => 15,
            Op::BinarySubscr => 25,
            Op::GetLen => 30,
            Op::MatchMapping => 31,
            Op::MatchSequence => 32,
            Op::MatchKeys => 33,
            Op::PushExcInfo => 35,
            Op::CheckExcMatch => 36,
            Op::CheckEgMatch => 37,
            Op::PrepReraiseStar => 88,
            Op::WithExceptStart => 49,
            Op::BeforeWith => 53,
            Op::GetAwaitable(_) => 131,
            Op::GetAiter => 50,
            Op::GetAnext => 51,
            Op::BeforeAsyncWith => 52,
            Op::EndAsyncFor => 54,
            Op::StoreSubscr => 60,
            Op::DeleteSubscr => 61,
            Op::GetIter => 68,
            Op::GetYieldFromIter => 69,
            Op::LoadBuildClass => 71,
            Op::LoadAssertionError => 74,
            Op::ListToTuple => 82,
            Op::ReturnValue => 83,
            Op::YieldValue => 86,
            Op::PopExcept => 89,
            Op::StoreName(_) => 90,
            Op::DeleteName(_) => 91,
            Op::UnpackSequence(_) => 92,
            Op::ForIter(_) => 93,
            Op::UnpackEx(_) => 94,
            Op::StoreAttr(_) => 95,
            Op::DeleteAttr(_) => 96,
            Op::StoreGlobal(_) => 97,
            Op::DeleteGlobal(_) => 98,
            Op::Swap(_) => 99,
            Op::LoadConst(_) => 100,
            Op::LoadName(_) => 101,
            Op::BuildTuple(_) => 102,
            Op::BuildList(_) => 103,
            Op::BuildSet(_) => 104,
            Op::BuildMap(_) => 105,
            Op::LoadAttr(_) => 106,
            Op::CompareOp(_) => 107,
            Op::ImportName(_) => 108,
            Op::ImportFrom(_) => 109,
            Op::JumpIfFalseOrPop(_) => 111,
            Op::JumpIfTrueOrPop(_) => 112,
            Op::LoadGlobal(_) => 116,
            Op::IsOp(_) => 117,
            Op::ContainsOp(_) => 118,
            Op::Reraise => 119,
            Op::Copy(_) => 120,
            Op::BinaryOp(_) => 122,
            Op::LoadFast(_) => 124,
            Op::StoreFast(_) => 125,
            Op::DeleteFast(_) => 126,
            Op::RaiseVarargs(_) => 130,
            Op::MakeFunction(_) => 132,
            Op::BuildSlice(_) => 133,
            Op::LoadClosure(_) => 136,
            Op::LoadDeref(_) => 137,
            Op::StoreDeref(_) => 138,
            Op::CallEx(_) => 142,
            Op::ListAppend(_) => 145,
            Op::SetAdd(_) => 146,
            Op::MapAdd(_) => 147,
            Op::Resume(_) => 151,
            Op::MatchClass(_) => 152,
            Op::FormatValue(_) => 155,
            Op::BuildString(_) => 157,
            Op::LoadMethod(_) => 160,
            Op::ListExtend(_) => 162,
            Op::SetUpdate(_) => 163,
            Op::DictUpdate(_) => 165,
            Op::DictMerge(_) => 164,
            Op::Call(_) => 171,
            Op::KwNames(_) => 172,
            // Not in CPython 3.11 (its jumps are relative and directional;
            // 3.10 had CALL_METHOD, YIELD_FROM, COPY_DICT_WITHOUT_KEYS).
            Op::Jump(_) => 201,
            Op::PopJumpIfFalse(_) => 202,
            Op::PopJumpIfTrue(_) => 203,
            Op::CallMethod(_) => 204,
            Op::YieldFrom => 205,
            Op::CopyDictWithoutKeys => 206,
        }
    }
}

/// A handler range in a code object's exception table: an exception raised by
/// an instruction in `start..end` truncates the stack to `depth` items, pushes
/// the exception and continues at `target`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Handler {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    pub depth: u32,
}

/// What kind of scope a code object runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeKind {
    Module,
    Class,
    Function,
}

/// A compiled body.
#[derive(Debug)]
pub struct Code {
    /// `co_name`.
    pub name: Box<str>,
    /// `co_qualname`.
    pub qualname: Box<str>,
    /// The source file.
    pub filename: Box<str>,
    /// `co_firstlineno`: the line of the `def`, `class` or `lambda` (its first
    /// decorator's, if any), 1 for a module.
    pub firstlineno: u32,
    /// Module, class body or function.
    pub kind: CodeKind,
    /// The instructions.
    pub ops: Vec<Op>,
    /// Source line of each instruction.
    pub lines: Vec<u32>,
    /// Constants.
    pub consts: Vec<Value>,
    /// Global, attribute and namespace names.
    pub names: Vec<Box<str>>,
    /// Local variable names; parameters come first.
    pub varnames: Vec<Box<str>>,
    /// Locals that nested functions capture (cells created by this code).
    pub cellvars: Vec<Box<str>>,
    /// Variables captured from enclosing functions.
    pub freevars: Vec<Box<str>>,
    /// Which cellvars are also parameters (their slot in `varnames`).
    pub cell_params: Vec<(u32, u32)>,
    /// Number of positional parameters (positional-only included).
    pub argcount: u32,
    /// Number of positional-only parameters.
    pub posonlyargcount: u32,
    /// Number of keyword-only parameters.
    pub kwonlyargcount: u32,
    /// Has `*args`.
    pub varargs: bool,
    /// Has `**kwargs`.
    pub varkeywords: bool,
    /// Calling it makes a generator, coroutine or async generator object
    /// (it contains `yield` or `await`, or is `async def`).
    pub generator: bool,
    /// `async def` without `yield` (or an async comprehension): CO_COROUTINE.
    pub coroutine: bool,
    /// `async def` with `yield` (or an async generator expression):
    /// CO_ASYNC_GENERATOR.
    pub async_generator: bool,
    /// CO_ITERABLE_COROUTINE: a generator that `await` accepts, set by
    /// `types.coroutine` (see `eval::coroutine::mark_iterable_coroutine`).
    pub iterable_coroutine: std::sync::atomic::AtomicBool,
    /// A function defined inside a function (CPython's CO_NESTED).
    pub nested: bool,
    /// The exception table.
    pub handlers: Vec<Handler>,
    /// Deepest the value stack gets.
    pub stacksize: u32,
    /// What LOAD_GLOBAL last found for each name in `names`.
    pub global_cache: Box<[GilCell<GlobalSlot>]>,
    /// `names` as str objects, shared by every dict key made from them.
    pub name_objs: Box<[Value]>,
    /// The str hash of each name.
    pub name_hashes: Box<[i64]>,
}

/// Where LOAD_GLOBAL last found a name: its position in the globals dict, or
/// in the builtins dict (and absent from the globals), with the keys versions
/// of both. While they are unchanged the name is at that position, so a
/// global assignment (which changes only a value) keeps the slot good.
#[derive(Debug, Default)]
pub struct GlobalSlot {
    /// The globals' keys version when found; 0: nothing cached.
    pub globals: u64,
    /// The builtins' keys version, for a name found there.
    pub builtins: u64,
    /// The position in the dict it was found in.
    pub index: u32,
    /// Found in the builtins, not the globals.
    pub in_builtins: bool,
}

impl Code {
    /// The line of instruction `pc`.
    pub fn line_of(&self, pc: usize) -> u32 {
        self.lines.get(pc).copied().unwrap_or(0)
    }
}
