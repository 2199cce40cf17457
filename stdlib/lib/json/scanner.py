"""The value scanner the decoder runs: make_scanner(decoder) returns
scan_once(string, idx) -> (value, end), raising StopIteration(idx) where no
JSON value starts."""

import re

__all__ = ["make_scanner"]

NUMBER_RE = re.compile(r"(-?(?:0|[1-9][0-9]*))(\.[0-9]+)?([eE][-+]?[0-9]+)?")


def make_scanner(context):
    """A scan_once function bound to the options of context (a JSONDecoder)."""
    parse_object = context.parse_object
    parse_array = context.parse_array
    parse_string = context.parse_string
    match_number = NUMBER_RE.match
    strict = context.strict
    parse_float = context.parse_float
    parse_int = context.parse_int
    parse_constant = context.parse_constant
    object_hook = context.object_hook
    object_pairs_hook = context.object_pairs_hook
    memo = context.memo
    fast_int = parse_int is int
    fast_float = parse_float is float

    def _scan_once(string, idx):
        try:
            nextchar = string[idx]
        except IndexError:
            raise StopIteration(idx) from None
        if nextchar == '"':
            return parse_string(string, idx + 1, strict)
        if nextchar == "{":
            return parse_object((string, idx + 1), strict, _scan_once,
                                object_hook, object_pairs_hook, memo)
        if nextchar == "[":
            return parse_array((string, idx + 1), _scan_once)
        if nextchar == "n" and string[idx:idx + 4] == "null":
            return None, idx + 4
        if nextchar == "t" and string[idx:idx + 4] == "true":
            return True, idx + 4
        if nextchar == "f" and string[idx:idx + 5] == "false":
            return False, idx + 5
        if nextchar in "-0123456789":
            m = match_number(string, idx)
            if m is not None:
                integer, frac, exp = m.groups()
                if frac or exp:
                    text = integer + (frac or "") + (exp or "")
                    res = float(text) if fast_float else parse_float(text)
                else:
                    res = int(integer) if fast_int else parse_int(integer)
                return res, m.end()
        if nextchar == "N" and string[idx:idx + 3] == "NaN":
            return parse_constant("NaN"), idx + 3
        if nextchar == "I" and string[idx:idx + 8] == "Infinity":
            return parse_constant("Infinity"), idx + 8
        if nextchar == "-" and string[idx:idx + 9] == "-Infinity":
            return parse_constant("-Infinity"), idx + 9
        raise StopIteration(idx)

    def scan_once(string, idx):
        try:
            return _scan_once(string, idx)
        finally:
            memo.clear()

    return scan_once


py_make_scanner = make_scanner
