# Errors raised while matching: bad class patterns, __match_args__, duplicate
# keys found at run time, and errors from the subject's own code.


def attempt(label, f):
    try:
        print(label, "->", f())
    except Exception as e:
        print(label, "->", type(e).__name__, e)


class C:
    __match_args__ = ("a", "b")

    def __init__(self):
        self.a = 1
        self.b = 2


class BadArgs:
    __match_args__ = ("a", 1)

    def __init__(self):
        self.a = 1


class ListArgs:
    __match_args__ = ["a"]


class NoArgs:
    pass


not_a_class = 5
some_instance = C()


def call_not_a_class(v):
    match v:
        case not_a_class():
            return "matched"
    return "no"


def call_instance(v):
    match v:
        case some_instance(a=1):
            return "matched"
    return "no"


def too_many(v):
    match v:
        case C(1, 2, 3):
            return "matched"
    return "no"


def no_match_args(v):
    match v:
        case NoArgs(1):
            return "matched"
    return "no"


def bad_element(v):
    match v:
        case BadArgs(x, y):
            return (x, y)
    return "no"


def first_element_only(v):
    match v:
        case BadArgs(x):
            return x
    return "no"


def list_args(v):
    match v:
        case ListArgs(x):
            return x
    return "no"


def repeated_attribute(v):
    match v:
        case C(x, a=y):
            return (x, y)
    return "no"


def builtin_two(v):
    match v:
        case int(x, y):
            return (x, y)
    return "no"


def str_two(v):
    match v:
        case str(x, y):
            return (x, y)
    return "no"


attempt("class pattern on 5", lambda: call_not_a_class(5))
attempt("class pattern on an instance", lambda: call_instance(C()))
attempt("three positional for two", lambda: too_many(C()))
attempt("not an instance first", lambda: too_many(5))
attempt("no __match_args__", lambda: no_match_args(NoArgs()))
attempt("no __match_args__, other subject", lambda: no_match_args(3))
attempt("__match_args__ element not a str", lambda: bad_element(BadArgs()))
attempt("only the valid element used", lambda: first_element_only(BadArgs()))
attempt("__match_args__ a list", lambda: list_args(ListArgs()))
attempt("attribute twice", lambda: repeated_attribute(C()))
attempt("int with two", lambda: builtin_two(1))
attempt("str with two", lambda: str_two("s"))
attempt("bool is an int", lambda: builtin_two(True))

print("-- duplicate keys evaluated at run time")


class K:
    ONE = 1
    ALSO_ONE = 1.0
    LIST = []


def dup(m):
    match m:
        case {K.ONE: a, K.ALSO_ONE: b}:
            return (a, b)
    return "no"


def unhashable(m):
    match m:
        case {K.LIST: a}:
            return a
    return "no"


attempt("duplicate keys", lambda: dup({1: "x", 2: "y"}))
attempt("duplicate keys, first missing", lambda: dup({2: "y", 3: "z"}))
attempt("too short for the keys", lambda: dup({1: "x"}))
attempt("not a mapping", lambda: dup([1, 2]))
attempt("unhashable key", lambda: unhashable({1: 2}))
attempt("unhashable key, empty subject", lambda: unhashable({}))

print("-- errors from the subject and the patterns' code")


class Explodes:
    __match_args__ = ("boom",)

    @property
    def boom(self):
        raise RuntimeError("attribute exploded")

    @property
    def missing(self):
        raise AttributeError("no such thing")


class BadEq:
    def __eq__(self, other):
        raise ValueError("cannot compare")


def explode(v):
    match v:
        case Explodes(missing=1):
            return "no"
        case Explodes(1):
            return "no"
    return "end"


def compare(v):
    match v:
        case 1:
            return "one"
    return "no"


def guard(v):
    match v:
        case [x] if 1 / x:
            return "nonzero"
    return "no"


attempt("property raising", lambda: explode(Explodes()))
attempt("__eq__ raising", lambda: compare(BadEq()))
attempt("guard raising", lambda: guard([0]))
attempt("guard fine", lambda: guard([2]))

print("-- a value pattern names an unbound attribute")


def undefined(v):
    match v:
        case K.NOPE:
            return "no"
    return "end"


attempt("missing attribute in a value pattern", lambda: undefined(1))
try:
    match 1:
        case C(a=1) | NoArgs():
            print("no")
        case _:
            print("instance checks fail quietly")
finally:
    print("finally ran")
match C():
    case C(a=1, b=b):
        print("b is", b)
# An uncaught error from a pattern ends the program with a traceback.
match 5:
    case not_a_class():
        print("unreachable")
