"""Extract, format and print stack traces and exceptions, as the interpreter
prints them.

Gilt's code objects carry line numbers but not columns, so the `^^^^` lines
CPython 3.11 draws under part of a line are never drawn, here or in the
interpreter's own reports."""

import collections.abc
import itertools
import linecache
import sys

__all__ = [
    "extract_stack", "extract_tb", "format_exception", "format_exception_only",
    "format_list", "format_stack", "format_tb", "print_exc", "format_exc",
    "print_exception", "print_last", "print_stack", "print_tb", "clear_frames",
    "FrameSummary", "StackSummary", "TracebackException", "walk_stack", "walk_tb",
]

# A line repeated more than this many times in a row is counted, not shown.
_RECURSIVE_CUTOFF = 3

_cause_message = (
    "\nThe above exception was the direct cause "
    "of the following exception:\n\n"
)
_context_message = (
    "\nDuring handling of the above exception, "
    "another exception occurred:\n\n"
)


# ---------------------------------------------------------------- frames


class FrameSummary:
    """One entry of a stack: file, line number, function name, source line."""

    __slots__ = (
        "filename", "lineno", "end_lineno", "colno", "end_colno", "name",
        "_line", "locals",
    )

    def __init__(self, filename, lineno, name, *, lookup_line=True,
                 locals=None, line=None, end_lineno=None, colno=None,
                 end_colno=None):
        self.filename = filename
        self.lineno = lineno
        self.name = name
        self._line = line
        self.end_lineno = end_lineno
        self.colno = colno
        self.end_colno = end_colno
        if lookup_line:
            self.line
        self.locals = {k: repr(v) for k, v in locals.items()} if locals else None

    def __eq__(self, other):
        if isinstance(other, FrameSummary):
            return (self.filename == other.filename and self.lineno == other.lineno
                    and self.name == other.name and self.locals == other.locals)
        if isinstance(other, tuple):
            return (self.filename, self.lineno, self.name, self.line) == other
        return NotImplemented

    def __getitem__(self, pos):
        return (self.filename, self.lineno, self.name, self.line)[pos]

    def __iter__(self):
        return iter([self.filename, self.lineno, self.name, self.line])

    def __repr__(self):
        return "<FrameSummary file {filename}, line {lineno} in {name}>".format(
            filename=self.filename, lineno=self.lineno, name=self.name)

    def __len__(self):
        return 4

    @property
    def _original_line(self):
        self.line
        return self._line

    @property
    def line(self):
        if self._line is None:
            if self.lineno is None:
                return None
            self._line = linecache.getline(self.filename, self.lineno)
        return self._line.strip()


def walk_stack(f):
    """(frame, line number) for `f` and each frame it was called from."""
    if f is None:
        f = sys._getframe().f_back.f_back.f_back.f_back
    while f is not None:
        yield f, f.f_lineno
        f = f.f_back


def walk_tb(tb):
    """(frame, line number) for each entry of a traceback, outermost first."""
    while tb is not None:
        yield tb.tb_frame, tb.tb_lineno
        tb = tb.tb_next


class StackSummary(list):
    """A list of FrameSummary objects, ready to format."""

    @classmethod
    def extract(klass, frame_gen, *, limit=None, lookup_lines=True,
                capture_locals=False):
        def pairs():
            for f, lineno in frame_gen:
                yield f, (lineno, None, None, None)
        return klass._extract_from_extended_frame_gen(
            pairs(), limit=limit, lookup_lines=lookup_lines,
            capture_locals=capture_locals)

    @classmethod
    def _extract_from_extended_frame_gen(klass, frame_gen, *, limit=None,
                                         lookup_lines=True, capture_locals=False):
        if limit is None:
            limit = getattr(sys, "tracebacklimit", None)
            if limit is not None and limit < 0:
                limit = 0
        if limit is not None:
            if limit >= 0:
                frame_gen = itertools.islice(frame_gen, limit)
            else:
                frame_gen = collections.deque(frame_gen, maxlen=-limit)
        result = klass()
        filenames = set()
        for f, (lineno, end_lineno, colno, end_colno) in frame_gen:
            co = f.f_code
            filenames.add(co.co_filename)
            result.append(FrameSummary(
                co.co_filename, lineno, co.co_name, lookup_line=False,
                locals=f.f_locals if capture_locals else None,
                end_lineno=end_lineno, colno=colno, end_colno=end_colno))
        for filename in filenames:
            linecache.checkcache(filename)
        if lookup_lines:
            for f in result:
                f.line
        return result

    @classmethod
    def from_list(klass, a_list):
        result = StackSummary()
        for frame in a_list:
            if isinstance(frame, FrameSummary):
                result.append(frame)
            else:
                filename, lineno, name, line = frame
                result.append(FrameSummary(filename, lineno, name, line=line))
        return result

    def format_frame_summary(self, frame_summary):
        row = ['  File "{}", line {}, in {}\n'.format(
            frame_summary.filename, frame_summary.lineno, frame_summary.name)]
        if frame_summary.line:
            row.append("    {}\n".format(frame_summary.line))
        if frame_summary.locals:
            for name, value in sorted(frame_summary.locals.items()):
                row.append("    {name} = {value}\n".format(name=name, value=value))
        return "".join(row)

    def format(self):
        """The lines to print, repeated runs of one place counted."""
        result = []
        last = None
        count = 0
        for frame_summary in self:
            here = (frame_summary.filename, frame_summary.lineno, frame_summary.name)
            if here != last:
                if count > _RECURSIVE_CUTOFF:
                    result.append(_repeated(count - _RECURSIVE_CUTOFF))
                last = here
                count = 0
            count += 1
            if count > _RECURSIVE_CUTOFF:
                continue
            text = self.format_frame_summary(frame_summary)
            if text is None:
                continue
            result.append(text)
        if count > _RECURSIVE_CUTOFF:
            result.append(_repeated(count - _RECURSIVE_CUTOFF))
        return result


def _repeated(n):
    return "  [Previous line repeated {} more time{}]\n".format(n, "s" if n > 1 else "")


def extract_tb(tb, limit=None):
    return StackSummary._extract_from_extended_frame_gen(
        ((f, (n, None, None, None)) for f, n in walk_tb(tb)), limit=limit)


def extract_stack(f=None, limit=None):
    if f is None:
        f = sys._getframe().f_back
    stack = StackSummary.extract(walk_stack(f), limit=limit)
    stack.reverse()
    return stack


def format_list(extracted_list):
    return StackSummary.from_list(extracted_list).format()


def print_list(extracted_list, file=None):
    if file is None:
        file = sys.stderr
    for item in StackSummary.from_list(extracted_list).format():
        print(item, file=file, end="")


def format_tb(tb, limit=None):
    return extract_tb(tb, limit=limit).format()


def print_tb(tb, limit=None, file=None):
    print_list(extract_tb(tb, limit=limit), file=file)


def format_stack(f=None, limit=None):
    if f is None:
        f = sys._getframe().f_back
    return format_list(extract_stack(f, limit=limit))


def print_stack(f=None, limit=None, file=None):
    if f is None:
        f = sys._getframe().f_back
    print_list(extract_stack(f, limit=limit), file=file)


def clear_frames(tb):
    """Frames here are snapshots that hold no variables: nothing to clear."""
    while tb is not None:
        tb = tb.tb_next


# ---------------------------------------------------------------- exceptions


_sentinel = object()


def _parse_value_tb(exc, value, tb):
    if (value is _sentinel) != (tb is _sentinel):
        raise ValueError("Both or neither of value and tb must be given")
    if value is tb is _sentinel:
        if exc is not None:
            if isinstance(exc, BaseException):
                return exc, exc.__traceback__
            raise TypeError(
                f"Exception expected for value, {type(exc).__name__} found")
        return None, None
    return value, tb


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None,
                    file=None, chain=True):
    value, tb = _parse_value_tb(exc, value, tb)
    te = TracebackException(type(value), value, tb, limit=limit, compact=True)
    te.print(file=file, chain=chain)


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None,
                     chain=True):
    value, tb = _parse_value_tb(exc, value, tb)
    te = TracebackException(type(value), value, tb, limit=limit, compact=True)
    return list(te.format(chain=chain))


def format_exception_only(exc, /, value=_sentinel):
    if value is _sentinel:
        value = exc
    te = TracebackException(type(value), value, None, compact=True)
    return list(te.format_exception_only())


def _format_final_exc_line(etype, value):
    valuestr = _safe_string(value, "exception")
    if value is None or not valuestr:
        return "%s\n" % etype
    return "%s: %s\n" % (etype, valuestr)


def _safe_string(value, what, func=str):
    try:
        return func(value)
    except BaseException:
        return f"<{what} {func.__name__}() failed>"


def print_exc(limit=None, file=None, chain=True):
    print_exception(*sys.exc_info(), limit=limit, file=file, chain=chain)


def format_exc(limit=None, chain=True):
    return "".join(format_exception(*sys.exc_info(), limit=limit, chain=chain))


def print_last(limit=None, file=None, chain=True):
    if not hasattr(sys, "last_type"):
        raise ValueError("no last exception")
    print_exception(sys.last_type, sys.last_value, sys.last_traceback,
                    limit, file, chain)


class _Printing:
    """Where a format is in nested exception groups."""

    def __init__(self):
        self.depth = 0
        self.need_close = False

    def indent(self):
        return " " * (2 * self.depth)

    def emit(self, text_gen, margin_char=None):
        if margin_char is None:
            margin_char = "|"
        if isinstance(text_gen, str):
            text_gen = [text_gen]
        prefix = f"{self.indent()}{margin_char} " if self.depth else ""
        for text in text_gen:
            for line in text.splitlines(True):
                yield prefix + line


class TracebackException:
    """An exception made ready to format: its stack, message and chain,
    captured without keeping the exception alive."""

    def __init__(self, exc_type, exc_value, exc_traceback, *, limit=None,
                 lookup_lines=True, capture_locals=False, compact=False,
                 max_group_width=15, max_group_depth=10, _seen=None):
        is_recursive_call = _seen is not None
        if _seen is None:
            _seen = set()
        _seen.add(id(exc_value))
        self.max_group_width = max_group_width
        self.max_group_depth = max_group_depth
        self.stack = StackSummary._extract_from_extended_frame_gen(
            ((f, (n, None, None, None)) for f, n in walk_tb(exc_traceback)),
            limit=limit, lookup_lines=lookup_lines, capture_locals=capture_locals)
        self.exc_type = exc_type
        self._str = _safe_string(exc_value, "exception")
        self.__notes__ = getattr(exc_value, "__notes__", None)
        if exc_type and issubclass(exc_type, SyntaxError):
            self.filename = exc_value.filename
            lno = exc_value.lineno
            self.lineno = str(lno) if lno is not None else None
            end_lno = exc_value.end_lineno
            self.end_lineno = str(end_lno) if end_lno is not None else None
            self.text = exc_value.text
            self.offset = exc_value.offset
            self.end_offset = exc_value.end_offset
            self.msg = exc_value.msg
        if lookup_lines:
            self._load_lines()
        self.__suppress_context__ = (
            exc_value.__suppress_context__ if exc_value is not None else False)
        self.__cause__ = None
        self.__context__ = None
        self.exceptions = None
        queue = [(self, exc_value)]
        while queue:
            te, e = queue.pop()
            if e is not None and e.__cause__ is not None and id(e.__cause__) not in _seen:
                cause = TracebackException(
                    type(e.__cause__), e.__cause__, e.__cause__.__traceback__,
                    limit=limit, lookup_lines=lookup_lines,
                    capture_locals=capture_locals,
                    max_group_width=max_group_width,
                    max_group_depth=max_group_depth, _seen=_seen)
            else:
                cause = None
            if compact:
                need_context = cause is None and e is not None and not e.__suppress_context__
            else:
                need_context = True
            if (e is not None and e.__context__ is not None and need_context
                    and id(e.__context__) not in _seen):
                context = TracebackException(
                    type(e.__context__), e.__context__, e.__context__.__traceback__,
                    limit=limit, lookup_lines=lookup_lines,
                    capture_locals=capture_locals,
                    max_group_width=max_group_width,
                    max_group_depth=max_group_depth, _seen=_seen)
            else:
                context = None
            if e is not None and isinstance(e, BaseExceptionGroup):
                exceptions = []
                for exc in e.exceptions:
                    exceptions.append(TracebackException(
                        type(exc), exc, exc.__traceback__, limit=limit,
                        lookup_lines=lookup_lines, capture_locals=capture_locals,
                        max_group_width=max_group_width,
                        max_group_depth=max_group_depth, _seen=_seen))
            else:
                exceptions = None
            te.__cause__ = cause
            te.__context__ = context
            te.exceptions = exceptions
            if cause:
                queue.append((te.__cause__, e.__cause__))
            if context:
                queue.append((te.__context__, e.__context__))

    @classmethod
    def from_exception(cls, exc, *args, **kwargs):
        return cls(type(exc), exc, exc.__traceback__, *args, **kwargs)

    def _load_lines(self):
        for frame in self.stack:
            frame.line

    def __eq__(self, other):
        if isinstance(other, TracebackException):
            return self.__dict__ == other.__dict__
        return NotImplemented

    def __str__(self):
        return self._str

    def format_exception_only(self):
        """The exception's last lines: `Type: message`, and for a syntax
        error, the place first."""
        if self.exc_type is None:
            yield _format_final_exc_line(None, self._str)
            return
        stype = self.exc_type.__qualname__
        smod = self.exc_type.__module__
        if smod not in ("__main__", "builtins"):
            if not isinstance(smod, str):
                smod = "<unknown>"
            stype = smod + "." + stype
        if not issubclass(self.exc_type, SyntaxError):
            yield _format_final_exc_line(stype, self._str)
        else:
            yield from self._format_syntax_error(stype)
        if isinstance(self.__notes__, collections.abc.Sequence):
            for note in self.__notes__:
                note = _safe_string(note, "note")
                yield "{}\n".format(note)
        elif self.__notes__ is not None:
            yield "{}\n".format(_safe_string(self.__notes__, "__notes__", func=repr))

    def _format_syntax_error(self, stype):
        filename_suffix = ""
        if self.lineno is not None:
            yield '  File "{}", line {}\n'.format(self.filename or "<string>", self.lineno)
        elif self.filename is not None:
            filename_suffix = " ({})".format(self.filename)
        text = self.text
        if text is not None:
            rtext = text.rstrip("\n")
            ltext = rtext.lstrip(" \n\f")
            spaces = len(rtext) - len(ltext)
            yield "    {}\n".format(ltext)
            if self.offset is not None:
                offset = self.offset
                end_offset = self.end_offset if self.end_offset not in {None, 0} else offset
                if offset == end_offset or end_offset == -1:
                    end_offset = offset + 1
                colno = offset - 1 - spaces
                end_colno = end_offset - 1 - spaces
                if colno >= 0:
                    caretspace = "".join(c if c.isspace() else " " for c in ltext[:colno])
                    yield "    {}{}\n".format(caretspace, "^" * (end_colno - colno))
        msg = self.msg or "<no detail available>"
        yield "{}: {}{}\n".format(stype, msg, filename_suffix)

    def format(self, *, chain=True, _ctx=None):
        """The lines to print for the exception and its chain."""
        if _ctx is None:
            _ctx = _Printing()
        output = []
        exc = self
        if chain:
            while exc:
                if exc.__cause__ is not None:
                    chained_msg, chained_exc = _cause_message, exc.__cause__
                elif exc.__context__ is not None and not exc.__suppress_context__:
                    chained_msg, chained_exc = _context_message, exc.__context__
                else:
                    chained_msg, chained_exc = None, None
                output.append((chained_msg, exc))
                exc = chained_exc
        else:
            output.append((None, exc))
        for msg, exc in reversed(output):
            if msg is not None:
                yield from _ctx.emit(msg)
            if exc.exceptions is None:
                if exc.stack:
                    yield from _ctx.emit("Traceback (most recent call last):\n")
                    yield from _ctx.emit(exc.stack.format())
                yield from _ctx.emit(exc.format_exception_only())
            elif _ctx.depth > self.max_group_depth:
                yield from _ctx.emit(f"... (max_group_depth is {self.max_group_depth})\n")
            else:
                yield from exc._format_group(chain, _ctx)

    def _format_group(self, chain, _ctx):
        toplevel = _ctx.depth == 0
        if toplevel:
            _ctx.depth += 1
        if self.stack:
            yield from _ctx.emit(
                "Exception Group Traceback (most recent call last):\n",
                margin_char="+" if toplevel else None)
            yield from _ctx.emit(self.stack.format())
        yield from _ctx.emit(self.format_exception_only())
        count = len(self.exceptions)
        shown = count if count <= self.max_group_width else self.max_group_width + 1
        _ctx.need_close = False
        for i in range(shown):
            last = i == shown - 1
            if last:
                _ctx.need_close = True
            truncated = i >= self.max_group_width
            title = "..." if truncated else f"{i + 1}"
            yield (_ctx.indent() + ("+-" if i == 0 else "  ")
                   + f"+---------------- {title} ----------------\n")
            _ctx.depth += 1
            if not truncated:
                yield from self.exceptions[i].format(chain=chain, _ctx=_ctx)
            else:
                rest = count - self.max_group_width
                yield from _ctx.emit(f"and {rest} more exception{'s' if rest > 1 else ''}\n")
            if last and _ctx.need_close:
                yield _ctx.indent() + "+------------------------------------\n"
                _ctx.need_close = False
            _ctx.depth -= 1
        if toplevel:
            _ctx.depth -= 1

    def print(self, *, file=None, chain=True):
        if file is None:
            file = sys.stderr
        for line in self.format(chain=chain):
            print(line, file=file, end="")
