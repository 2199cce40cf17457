"""The JSON decoder: JSONDecoder, JSONDecodeError and the string scanner."""

import re

from . import scanner

__all__ = ["JSONDecoder", "JSONDecodeError"]

NaN = float("nan")
PosInf = float("inf")
NegInf = float("-inf")


class JSONDecodeError(ValueError):
    """A document that is not valid JSON.

    msg: the unformatted message; doc: the document being parsed;
    pos: the index in doc where parsing failed; lineno, colno: pos as a
    1-based line and column.
    """

    def __init__(self, msg, doc, pos):
        lineno = doc.count("\n", 0, pos) + 1
        colno = pos - doc.rfind("\n", 0, pos)
        ValueError.__init__(self, "%s: line %d column %d (char %d)" % (msg, lineno, colno, pos))
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)


_CONSTANTS = {"-Infinity": NegInf, "Infinity": PosInf, "NaN": NaN}

# The run of ordinary characters up to the next quote, backslash or control
# character.
_CHUNK = re.compile(r'[^"\\\x00-\x1f]*')
_BACKSLASH = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
_HEX = frozenset("0123456789abcdefABCDEF")


def _hex4(s, pos):
    """The code unit of the 4 hex digits at s[pos:pos+4] (pos just after 'u')."""
    esc = s[pos:pos + 4]
    if len(esc) == 4 and esc[0] in _HEX and esc[1] in _HEX and esc[2] in _HEX and esc[3] in _HEX:
        return int(esc, 16)
    raise JSONDecodeError("Invalid \\uXXXX escape", s, pos - 1)


def scanstring(s, end, strict=True):
    """Decode the JSON string whose opening quote is at s[end - 1]; return
    (the str, the index just after the closing quote)."""
    begin = end - 1
    chunks = []
    append = chunks.append
    match = _CHUNK.match
    n = len(s)
    while True:
        stop = match(s, end).end()
        if stop >= n:
            raise JSONDecodeError("Unterminated string starting at", s, begin)
        terminator = s[stop]
        if terminator == '"':
            if not chunks:
                return s[end:stop], stop + 1
            if stop > end:
                append(s[end:stop])
            return "".join(chunks), stop + 1
        if stop > end:
            append(s[end:stop])
        if terminator != "\\":
            if strict:
                raise JSONDecodeError("Invalid control character at", s, stop)
            append(terminator)
            end = stop + 1
            continue
        esc_pos = stop + 1
        if esc_pos >= n:
            raise JSONDecodeError("Unterminated string starting at", s, begin)
        esc = s[esc_pos]
        if esc != "u":
            char = _BACKSLASH.get(esc)
            if char is None:
                raise JSONDecodeError("Invalid \\escape", s, stop)
            append(char)
            end = esc_pos + 1
            continue
        uni = _hex4(s, esc_pos + 1)
        end = esc_pos + 5
        if 0xD800 <= uni <= 0xDBFF and s[end:end + 2] == "\\u":
            low = _hex4(s, end + 2)
            if 0xDC00 <= low <= 0xDFFF:
                uni = 0x10000 + (((uni - 0xD800) << 10) | (low - 0xDC00))
                end += 6
        append(chr(uni))


_WS = " \t\n\r"
_WHITESPACE = re.compile(r"[ \t\n\r]*")


def JSONObject(s_and_end, strict, scan_once, object_hook, object_pairs_hook,
               memo=None, _w=_WHITESPACE.match, _ws=_WS, _scanstring=scanstring):
    """Decode the object whose '{' is just before end; return (obj, end)."""
    s, end = s_and_end
    pairs = []
    pairs_append = pairs.append
    if memo is None:
        memo = {}
    memo_get = memo.setdefault
    nextchar = s[end:end + 1]
    if nextchar != '"':
        if nextchar in _ws:
            end = _w(s, end).end()
            nextchar = s[end:end + 1]
        if nextchar == "}":
            if object_pairs_hook is not None:
                return object_pairs_hook(pairs), end + 1
            pairs = {}
            if object_hook is not None:
                pairs = object_hook(pairs)
            return pairs, end + 1
        if nextchar != '"':
            raise JSONDecodeError("Expecting property name enclosed in double quotes", s, end)
    end += 1
    while True:
        key, end = _scanstring(s, end, strict)
        key = memo_get(key, key)
        if s[end:end + 1] != ":":
            end = _w(s, end).end()
            if s[end:end + 1] != ":":
                raise JSONDecodeError("Expecting ':' delimiter", s, end)
        end += 1
        if s[end:end + 1] in _ws:
            end = _w(s, end + 1).end()
        try:
            value, end = scan_once(s, end)
        except StopIteration as err:
            raise JSONDecodeError("Expecting value", s, err.value) from None
        pairs_append((key, value))
        nextchar = s[end:end + 1]
        if nextchar in _ws and nextchar:
            end = _w(s, end + 1).end()
            nextchar = s[end:end + 1]
        end += 1
        if nextchar == "}":
            break
        if nextchar != ",":
            raise JSONDecodeError("Expecting ',' delimiter", s, end - 1)
        nextchar = s[end:end + 1]
        if nextchar in _ws and nextchar:
            end = _w(s, end + 1).end()
            nextchar = s[end:end + 1]
        end += 1
        if nextchar != '"':
            raise JSONDecodeError("Expecting property name enclosed in double quotes", s, end - 1)
    if object_pairs_hook is not None:
        return object_pairs_hook(pairs), end
    pairs = dict(pairs)
    if object_hook is not None:
        pairs = object_hook(pairs)
    return pairs, end


def JSONArray(s_and_end, scan_once, _w=_WHITESPACE.match, _ws=_WS):
    """Decode the array whose '[' is just before end; return (list, end)."""
    s, end = s_and_end
    values = []
    nextchar = s[end:end + 1]
    if nextchar in _ws and nextchar:
        end = _w(s, end + 1).end()
        nextchar = s[end:end + 1]
    if nextchar == "]":
        return values, end + 1
    append = values.append
    while True:
        try:
            value, end = scan_once(s, end)
        except StopIteration as err:
            raise JSONDecodeError("Expecting value", s, err.value) from None
        append(value)
        nextchar = s[end:end + 1]
        if nextchar in _ws and nextchar:
            end = _w(s, end + 1).end()
            nextchar = s[end:end + 1]
        end += 1
        if nextchar == "]":
            break
        if nextchar != ",":
            raise JSONDecodeError("Expecting ',' delimiter", s, end - 1)
        if s[end:end + 1] in _ws:
            end = _w(s, end + 1).end()
    return values, end


class JSONDecoder:
    """A simple JSON decoder: objects become dicts, arrays lists, strings
    str, numbers int or float, true/false/null True/False/None; NaN,
    Infinity and -Infinity are accepted too."""

    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None,
                 parse_constant=None, strict=True, object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _CONSTANTS.__getitem__
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook
        self.parse_object = JSONObject
        self.parse_array = JSONArray
        self.parse_string = scanstring
        self.memo = {}
        self.scan_once = scanner.make_scanner(self)

    def decode(self, s, _w=_WHITESPACE.match):
        """The Python value of the JSON document s (a str)."""
        obj, end = self.raw_decode(s, idx=_w(s, 0).end())
        end = _w(s, end).end()
        if end != len(s):
            raise JSONDecodeError("Extra data", s, end)
        return obj

    def raw_decode(self, s, idx=0):
        """Decode the JSON document starting at s[idx]; return (value, the
        index where it ended). Trailing text is allowed."""
        if not s.isascii():
            return self._raw_decode_nonascii(s, idx)
        try:
            obj, end = self.scan_once(s, idx)
        except StopIteration as err:
            raise JSONDecodeError("Expecting value", s, err.value) from None
        return obj, end

    def _raw_decode_nonascii(self, s, idx):
        """raw_decode of a document with non-ASCII characters: scan an ASCII
        copy with '?' in their places (indexing an ASCII str is cheap here),
        and take each string literal holding a '?' from the original."""
        doc = s.encode("ascii", "replace").decode("ascii")
        chars = list(s)
        strict = self.strict

        def parse_string(text, end, strict=strict):
            value, new_end = scanstring(text, end, strict)
            if "?" in value:
                value = scanstring("".join(chars[end - 1:new_end]), 1, strict)[0]
            return value, new_end

        def parse_object(s_and_end, strict, scan_once, object_hook, object_pairs_hook,
                         memo=None):
            return JSONObject(s_and_end, strict, scan_once, object_hook,
                              object_pairs_hook, memo, _scanstring=parse_string)

        context = _Context(self)
        if self.parse_string is scanstring:
            context.parse_string = parse_string
        if self.parse_object is JSONObject:
            context.parse_object = parse_object
        scan_once = scanner.make_scanner(context)
        try:
            return scan_once(doc, idx)
        except StopIteration as err:
            raise JSONDecodeError("Expecting value", s, err.value) from None
        except JSONDecodeError as err:
            raise JSONDecodeError(err.msg, s, err.pos) from None


class _Context:
    """A decoder's options, copied so some parsers can be replaced."""

    def __init__(self, decoder):
        for name in ("parse_object", "parse_array", "parse_string", "strict",
                     "parse_float", "parse_int", "parse_constant", "object_hook",
                     "object_pairs_hook", "memo"):
            setattr(self, name, getattr(decoder, name))
