# The Python half of Gilt's `dis` module (see vm/src/dis/mod.rs). The
# listings themselves are made in Rust by the private `_dis`, `_disassemble`,
# `_instructions`, `_code_info` and `_linestarts`; this file decides where
# their text goes and wraps instructions in objects.

__all__ = ["code_info", "dis", "disassemble", "distb", "disco",
           "findlinestarts", "show_code", "get_instructions", "Instruction",
           "Bytecode", "cmp_op", "hasconst", "hasname", "hasjrel", "hasjabs",
           "haslocal", "hascompare", "hasfree", "opname", "opmap"]


def _emit(text, file):
    # Where CPython prints line by line, one write of the whole text.
    if file is None:
        print(text, end='')
    else:
        file.write(text)


def dis(x=None, *, file=None, depth=None, show_caches=False, adaptive=False):
    """Disassemble a function, method, class, module, generator, code
    object or source string; each line as CPython 3.11 lays it out."""
    if x is None:
        distb(file=file)
        return
    _emit(_dis(x, depth), file)


def distb(tb=None, *, file=None, show_caches=False, adaptive=False):
    """Disassemble the last traceback (Gilt keeps none)."""
    raise RuntimeError("no last traceback to disassemble")


def disassemble(co, lasti=-1, *, file=None, show_caches=False, adaptive=False):
    """Disassemble one code object, marking the instruction at offset lasti."""
    _emit(_disassemble(co, lasti, None), file)


disco = disassemble


def code_info(x):
    """The details of a function's, method's or code object's code, as text."""
    return _code_info(_code_of(x, "<disassembly>"))


def show_code(co, *, file=None):
    """Print code_info(co)."""
    _emit(code_info(co) + "\n", file)


def findlinestarts(code):
    """Yield (offset, line) for each instruction that starts a new line."""
    for pair in _linestarts(code):
        yield pair


class Instruction:
    """One instruction: opname, opcode, arg, argval, argrepr, offset,
    starts_line, is_jump_target. It indexes, unpacks and compares as the
    named tuple CPython uses."""

    _fields = ("opname", "opcode", "arg", "argval", "argrepr", "offset",
               "starts_line", "is_jump_target")

    def __init__(self, opname, opcode, arg, argval, argrepr, offset,
                 starts_line, is_jump_target):
        self.opname = opname
        self.opcode = opcode
        self.arg = arg
        self.argval = argval
        self.argrepr = argrepr
        self.offset = offset
        self.starts_line = starts_line
        self.is_jump_target = is_jump_target

    def _astuple(self):
        return (self.opname, self.opcode, self.arg, self.argval, self.argrepr,
                self.offset, self.starts_line, self.is_jump_target)

    def __iter__(self):
        return iter(self._astuple())

    def __len__(self):
        return len(self._fields)

    def __getitem__(self, index):
        return self._astuple()[index]

    def __eq__(self, other):
        if isinstance(other, Instruction):
            other = other._astuple()
        return self._astuple() == other

    def __hash__(self):
        return hash(self._astuple())

    def __repr__(self):
        shown = [f"{name}={value!r}" for name, value in zip(self._fields, self._astuple())]
        return "Instruction(" + ", ".join(shown) + ")"


def _each_instruction(rows):
    for row in rows:
        yield Instruction(*row)


def get_instructions(x, *, first_line=None, show_caches=False, adaptive=False):
    """An iterator of the Instructions of x's code; with first_line, line
    numbers are shifted so the code starts there."""
    return _each_instruction(_instructions(_code_of(x, "<disassembly>"), first_line))


class Bytecode:
    """The code of x, to iterate over as Instructions or to list with dis()."""

    def __init__(self, x, *, first_line=None, current_offset=None,
                 show_caches=False, adaptive=False):
        self.codeobj = code = _code_of(x, "<disassembly>")
        if first_line is None:
            self.first_line = code.co_firstlineno
        else:
            self.first_line = first_line
        self._original_object = x
        self.current_offset = current_offset
        self.show_caches = show_caches
        self.adaptive = adaptive

    def __iter__(self):
        return _each_instruction(_instructions(self.codeobj, self.first_line))

    def __repr__(self):
        return f"{type(self).__name__}({self._original_object!r})"

    def info(self):
        """code_info() of the code."""
        return _code_info(self.codeobj)

    def dis(self):
        """The listing, as a string."""
        offset = -1 if self.current_offset is None else self.current_offset
        return _disassemble(self.codeobj, offset, self.first_line)
