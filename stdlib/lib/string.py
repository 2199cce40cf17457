"""String constants, capwords, Template ($-substitution) and Formatter
(str.format's mini-language, open to subclasses)."""

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords",
           "digits", "hexdigits", "octdigits", "printable", "punctuation",
           "whitespace", "Template", "Formatter"]

whitespace = " \t\n\r\x0b\x0c"
ascii_lowercase = "abcdefghijklmnopqrstuvwxyz"
ascii_uppercase = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
ascii_letters = ascii_lowercase + ascii_uppercase
digits = "0123456789"
hexdigits = digits + "abcdef" + "ABCDEF"
octdigits = "01234567"
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """Split on sep, capitalize each word, join with sep (or one space)."""
    return (sep or " ").join(map(str.capitalize, s.split(sep)))


_DEFAULT_IDPATTERN = r"(?a:[_a-z][_a-z0-9]*)"


def _is_id_start(c):
    return c == "_" or ("a" <= c.lower() <= "z")


def _is_id_char(c):
    return _is_id_start(c) or "0" <= c <= "9"


class Template:
    """A string with $-placeholders: $name, ${name}, and $$ for a dollar."""

    delimiter = "$"
    idpattern = _DEFAULT_IDPATTERN
    braceidpattern = None

    def __init__(self, template):
        self.template = template

    def _pieces(self):
        """Literal text and placeholders, in order: (kind, text, position,
        source) with kind 'text', 'named', 'escaped' or 'invalid', and
        source the piece as written."""
        cls = type(self)
        if cls.idpattern != _DEFAULT_IDPATTERN or cls.braceidpattern is not None \
                or _has_own_pattern(cls) or "flags" in vars(cls):
            return self._matched_pieces()
        text, delim = self.template, self.delimiter
        pieces, i, start = [], 0, 0
        while True:
            i = text.find(delim, i)
            if i < 0:
                break
            if i > start:
                pieces.append(("text", text[start:i], start, text[start:i]))
            j = i + len(delim)
            if text.startswith(delim, j):
                pieces.append(("escaped", delim, i, text[i:j + len(delim)]))
                start = i = j + len(delim)
                continue
            if j < len(text) and text[j] == "{":
                k = j + 1
                if k < len(text) and _is_id_start(text[k]):
                    end = k + 1
                    while end < len(text) and _is_id_char(text[end]):
                        end += 1
                    if end < len(text) and text[end] == "}":
                        pieces.append(("named", text[k:end], i, text[i:end + 1]))
                        start = i = end + 1
                        continue
            elif j < len(text) and _is_id_start(text[j]):
                end = j + 1
                while end < len(text) and _is_id_char(text[end]):
                    end += 1
                pieces.append(("named", text[j:end], i, text[i:end]))
                start = i = end
                continue
            # Where the placeholder's name was to start, as CPython reports it.
            pieces.append(("invalid", delim, j, delim))
            start = i = j
        if start < len(text):
            pieces.append(("text", text[start:], start, text[start:]))
        return pieces

    def _matched_pieces(self):
        """`_pieces` for a subclass with its own patterns: its regular
        expression, built as CPython builds it, finds the placeholders."""
        pattern = _compiled_pattern(type(self))
        text = self.template
        pieces, start = [], 0
        for m in pattern.finditer(text):
            if m.start() > start:
                pieces.append(("text", text[start:m.start()], start, text[start:m.start()]))
            named = m.group("named") or m.group("braced")
            if named is not None:
                pieces.append(("named", named, m.start(), m.group()))
            elif m.group("escaped") is not None:
                pieces.append(("escaped", self.delimiter, m.start(), m.group()))
            elif m.group("invalid") is not None:
                pieces.append(("invalid", m.group(), m.start("invalid"), m.group()))
            else:
                raise ValueError("Unrecognized named group in pattern", pattern)
            start = m.end()
        if start < len(text):
            pieces.append(("text", text[start:], start, text[start:]))
        return pieces

    def _invalid(self, i):
        lines = self.template[:i].splitlines(keepends=True)
        if not lines:
            colno, lineno = 1, 1
        else:
            colno = i - len("".join(lines[:-1]))
            lineno = len(lines)
        raise ValueError("Invalid placeholder in string: line %d, col %d" %
                         (lineno, colno))

    def substitute(self, mapping=None, /, **kws):
        mapping = _lookup(mapping, kws)
        out = []
        for kind, text, i, _ in self._pieces():
            if kind == "named":
                out.append(str(mapping[text]))
            elif kind == "invalid":
                self._invalid(i)
            else:
                out.append(text)
        return "".join(out)

    def safe_substitute(self, mapping=None, /, **kws):
        mapping = _lookup(mapping, kws)
        out = []
        for kind, text, _, source in self._pieces():
            if kind == "named":
                try:
                    out.append(str(mapping[text]))
                except KeyError:
                    out.append(source)
            else:
                out.append(text)
        return "".join(out)

    def is_valid(self):
        return all(piece[0] != "invalid" for piece in self._pieces())

    def get_identifiers(self):
        ids = []
        for kind, text, i, _ in self._pieces():
            if kind == "invalid":
                self._invalid(i)
            if kind == "named" and text not in ids:
                ids.append(text)
        return ids


def _has_own_pattern(cls):
    return any("pattern" in vars(k) for k in cls.__mro__ if k is not Template)


def _compiled_pattern(cls):
    import re
    for k in cls.__mro__:
        if k is not Template and "pattern" in vars(k):
            pattern = vars(k)["pattern"]
            break
    else:
        delim = re.escape(cls.delimiter)
        ident = cls.idpattern
        braced = cls.braceidpattern or cls.idpattern
        pattern = rf"""
        {delim}(?:
          (?P<escaped>{delim})  |
          (?P<named>{ident})     |
          {{(?P<braced>{braced})}} |
          (?P<invalid>)
        )
        """
    if isinstance(pattern, str):
        pattern = re.compile(pattern, getattr(cls, "flags", re.IGNORECASE) | re.VERBOSE)
    return pattern


def _lookup(mapping, kws):
    """The names a substitution draws on: the keywords, then the mapping."""
    if mapping is None:
        return kws
    return _Chain(kws, mapping) if kws else mapping


class _Chain:
    """Keyword arguments first, then the mapping."""

    def __init__(self, first, second):
        self.first, self.second = first, second

    def __getitem__(self, key):
        try:
            return self.first[key]
        except KeyError:
            return self.second[key]


def _field_end(s, start):
    """Index of the `}` closing the field that opens at `start` (nested
    braces belong to its format spec), or -1."""
    depth = 1
    in_name = True
    j = start + 1
    while j < len(s):
        c = s[j]
        if in_name and c == "[":
            # An index in the field name may hold any brace.
            j = s.find("]", j)
            if j < 0:
                return -1
        elif in_name and c in ":!":
            in_name = False
        elif c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                return j
        j += 1
    return -1


def _split_field(field):
    """(field_name, format_spec, conversion) of the text between braces."""
    i, n = 0, len(field)
    while i < n and field[i] not in ":!":
        if field[i] == "[":
            close = field.find("]", i)
            if close < 0:
                break
            i = close
        i += 1
    name = field[:i]
    conversion = None
    if i < n and field[i] == "!":
        if i + 1 >= n:
            raise ValueError("unmatched '{' in format spec")
        conversion = field[i + 1]
        i += 2
        if i < n and field[i] != ":":
            raise ValueError("expected ':' after conversion specifier")
    spec = field[i + 1:] if i < n else ""
    return name, spec, conversion


def _parse_format(s):
    """(literal_text, field_name, format_spec, conversion) for each piece of
    a format string, as Formatter.parse gives them."""
    literal = []
    i, n = 0, len(s)
    while i < n:
        c = s[i]
        if c in "{}" and i + 1 < n and s[i + 1] == c:
            literal.append(c)
            yield "".join(literal), None, None, None
            literal = []
            i += 2
        elif c == "}":
            raise ValueError("Single '}' encountered in format string")
        elif c == "{":
            if i + 1 >= n:
                raise ValueError("Single '{' encountered in format string")
            end = _field_end(s, i)
            if end < 0:
                bang = s.find("!", i)
                if bang == n - 1 and ":" not in s[i:bang]:
                    raise ValueError("end of string while looking for conversion specifier")
                raise ValueError("expected '}' before end of string")
            name, spec, conversion = _split_field(s[i + 1:end])
            yield "".join(literal), name, spec, conversion
            literal = []
            i = end + 1
        else:
            literal.append(c)
            i += 1
    if literal:
        yield "".join(literal), None, None, None


def _split_field_name(name):
    """The first part of a field name (an int when it is digits) and the
    (is_attribute, key) steps after it."""
    i, n = 0, len(name)
    while i < n and name[i] not in ".[":
        i += 1
    first = name[:i]
    if first.isdigit():
        first = int(first)
    steps = []
    while i < n:
        if name[i] == ".":
            j = i + 1
            while j < n and name[j] not in ".[":
                j += 1
            if j == i + 1:
                raise ValueError("Empty attribute in format string")
            steps.append((True, name[i + 1:j]))
            i = j
        elif name[i] == "[":
            j = name.find("]", i)
            if j < 0:
                raise ValueError("Missing ']' in format string")
            key = name[i + 1:j]
            if not key:
                raise ValueError("Empty attribute in format string")
            steps.append((False, int(key) if key.isdigit() else key))
            i = j + 1
            if i < n and name[i] not in ".[":
                raise ValueError("Only '.' or '[' may follow ']' in format field specifier")
        else:
            raise ValueError("Only '.' or '[' may follow ']' in format field specifier")
    return first, steps


class Formatter:
    """str.format as a class whose steps (parse, get_field, get_value,
    convert_field, format_field, check_unused_args) a subclass may replace."""

    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        used_args = set()
        result, _ = self._vformat(format_string, args, kwargs, used_args, 2)
        self.check_unused_args(used_args, args, kwargs)
        return result

    def _vformat(self, format_string, args, kwargs, used_args, recursion_depth,
                 auto_arg_index=0):
        if recursion_depth < 0:
            raise ValueError("Max string recursion exceeded")
        out = []
        for literal, field_name, spec, conversion in self.parse(format_string):
            if literal:
                out.append(literal)
            if field_name is None:
                continue
            # Automatic ({}) and manual ({0}) numbering may not be mixed;
            # False marks "manual seen".
            if field_name == "":
                if auto_arg_index is False:
                    raise ValueError("cannot switch from manual field specification "
                                     "to automatic field numbering")
                field_name = str(auto_arg_index)
                auto_arg_index += 1
            elif field_name.isdigit():
                if auto_arg_index:
                    raise ValueError("cannot switch from manual field specification "
                                     "to automatic field numbering")
                auto_arg_index = False
            obj, used = self.get_field(field_name, args, kwargs)
            used_args.add(used)
            obj = self.convert_field(obj, conversion)
            spec, auto_arg_index = self._vformat(spec, args, kwargs, used_args,
                                                 recursion_depth - 1, auto_arg_index)
            out.append(self.format_field(obj, spec))
        return "".join(out), auto_arg_index

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        if conversion == "s":
            return str(value)
        if conversion == "r":
            return repr(value)
        if conversion == "a":
            return ascii(value)
        raise ValueError("Unknown conversion specifier {0!s}".format(conversion))

    def parse(self, format_string):
        return list(_parse_format(format_string))

    def get_field(self, field_name, args, kwargs):
        first, steps = _split_field_name(field_name)
        obj = self.get_value(first, args, kwargs)
        for is_attr, key in steps:
            obj = getattr(obj, key) if is_attr else obj[key]
        return obj, first
