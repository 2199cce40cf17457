"""String constants, capwords, and Template ($-substitution)."""

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords",
           "digits", "hexdigits", "octdigits", "printable", "punctuation",
           "whitespace", "Template"]

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
                or "pattern" in vars(cls):
            raise NotImplementedError(
                "Template subclasses with their own idpattern or pattern need "
                "the re module")
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
