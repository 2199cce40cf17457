"""The JSON encoder: JSONEncoder and the string escaping it uses."""

__all__ = ["JSONEncoder"]

INFINITY = float("inf")

_ESCAPES = {'\\': '\\\\', '"': '\\"', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t'}
for _i in range(0x20):
    _ESCAPES.setdefault(chr(_i), '\\u{0:04x}'.format(_i))
del _i
# str.translate table for the ensure_ascii=False escaping.
_TRANSLATE = {ord(k): v for k, v in _ESCAPES.items()}


def _plain(s):
    """True when s needs no escaping in either mode: printable ASCII with
    no quote or backslash."""
    return s.isascii() and s.isprintable() and '"' not in s and '\\' not in s


def py_encode_basestring(s):
    """s as a JSON string literal, non-ASCII characters kept."""
    if _plain(s):
        return '"' + s + '"'
    return '"' + s.translate(_TRANSLATE) + '"'


encode_basestring = py_encode_basestring


def _ascii_escape(c):
    n = ord(c)
    if n < 0x10000:
        return '\\u{0:04x}'.format(n)
    n -= 0x10000
    return '\\u{0:04x}\\u{1:04x}'.format(0xD800 | ((n >> 10) & 0x3FF), 0xDC00 | (n & 0x3FF))


def py_encode_basestring_ascii(s):
    """s as a JSON string literal of ASCII characters only."""
    if _plain(s):
        return '"' + s + '"'
    out = []
    append = out.append
    escapes = _ESCAPES
    for c in s:
        if ' ' <= c <= '~':
            if c == '"' or c == '\\':
                append(escapes[c])
            else:
                append(c)
        else:
            e = escapes.get(c)
            append(e if e is not None else _ascii_escape(c))
    return '"' + ''.join(out) + '"'


encode_basestring_ascii = py_encode_basestring_ascii


class JSONEncoder:
    """An extensible JSON encoder: dict, list, tuple, str, int, float, True,
    False and None (and their subclasses) are encoded; subclasses override
    default() to encode other objects."""

    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True,
                 check_circular=True, allow_nan=True, sort_keys=False,
                 indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ','
        if default is not None:
            self.default = default

    def default(self, o):
        """Return a serializable object for o, or raise TypeError."""
        raise TypeError(f'Object of type {o.__class__.__name__} '
                        f'is not JSON serializable')

    def encode(self, o):
        """The JSON text of o."""
        if isinstance(o, str):
            if self.ensure_ascii:
                return encode_basestring_ascii(o)
            return encode_basestring(o)
        return ''.join(self.iterencode(o, _one_shot=True))

    def iterencode(self, o, _one_shot=False):
        """The JSON text of o as an iterable of string chunks."""
        chunks = []
        _Writer(self, chunks).value(o, 0)
        return iter(chunks)


def _floatstr(o, allow_nan):
    if o != o:
        text = 'NaN'
    elif o == INFINITY:
        text = 'Infinity'
    elif o == -INFINITY:
        text = '-Infinity'
    else:
        return float.__repr__(o)
    if not allow_nan:
        raise ValueError("Out of range float values are not JSON compliant")
    return text


class _Writer:
    """One encoding run: appends the chunks of a value to a list."""

    def __init__(self, enc, chunks):
        self.enc = enc
        self.out = chunks
        self.markers = {} if enc.check_circular else None
        self.string = encode_basestring_ascii if enc.ensure_ascii else encode_basestring
        indent = enc.indent
        if indent is not None and not isinstance(indent, str):
            indent = ' ' * indent
        self.indent = indent
        self.item_sep = enc.item_separator
        self.key_sep = enc.key_separator
        self.allow_nan = enc.allow_nan

    def enter(self, o):
        markers = self.markers
        if markers is not None:
            key = id(o)
            if key in markers:
                raise ValueError("Circular reference detected")
            markers[key] = o

    def leave(self, o):
        if self.markers is not None:
            del self.markers[id(o)]

    def value(self, o, level):
        out = self.out
        if isinstance(o, str):
            out.append(self.string(o))
        elif o is None:
            out.append('null')
        elif o is True:
            out.append('true')
        elif o is False:
            out.append('false')
        elif isinstance(o, int):
            out.append(int.__repr__(o))
        elif isinstance(o, float):
            out.append(_floatstr(o, self.allow_nan))
        elif isinstance(o, (list, tuple)):
            self.array(o, level)
        elif isinstance(o, dict):
            self.object(o, level)
        else:
            self.enter(o)
            self.value(self.enc.default(o), level)
            self.leave(o)

    def array(self, lst, level):
        out = self.out
        if not lst:
            out.append('[]')
            return
        self.enter(lst)
        indent = self.indent
        if indent is not None:
            level += 1
            newline = '\n' + indent * level
            sep = self.item_sep + newline
            out.append('[' + newline)
        else:
            sep = self.item_sep
            out.append('[')
        first = True
        string = self.string
        for v in lst:
            if first:
                first = False
            else:
                out.append(sep)
            if isinstance(v, str):
                out.append(string(v))
            elif type(v) is int:
                out.append(int.__repr__(v))
            else:
                self.value(v, level)
        if indent is not None:
            level -= 1
            out.append('\n' + indent * level + ']')
        else:
            out.append(']')
        self.leave(lst)

    def key(self, key):
        """The str form of a dict key, or None to skip it."""
        if isinstance(key, str):
            return key
        if isinstance(key, float):
            return _floatstr(key, self.allow_nan)
        if key is True:
            return 'true'
        if key is False:
            return 'false'
        if key is None:
            return 'null'
        if isinstance(key, int):
            return int.__repr__(key)
        if self.enc.skipkeys:
            return None
        raise TypeError(f'keys must be str, int, float, bool or None, '
                        f'not {key.__class__.__name__}')

    def object(self, dct, level):
        out = self.out
        if not dct:
            out.append('{}')
            return
        self.enter(dct)
        indent = self.indent
        if indent is not None:
            level += 1
            newline = '\n' + indent * level
            sep = self.item_sep + newline
            out.append('{' + newline)
        else:
            sep = self.item_sep
            out.append('{')
        items = sorted(dct.items()) if self.enc.sort_keys else dct.items()
        first = True
        string = self.string
        key_sep = self.key_sep
        for k, v in items:
            k = self.key(k)
            if k is None:
                continue
            if first:
                first = False
            else:
                out.append(sep)
            out.append(string(k))
            out.append(key_sep)
            if isinstance(v, str):
                out.append(string(v))
            elif type(v) is int:
                out.append(int.__repr__(v))
            else:
                self.value(v, level)
        if indent is not None:
            level -= 1
            out.append('\n' + indent * level + '}')
        else:
            out.append('}')
        self.leave(dct)
