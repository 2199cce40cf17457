# How call errors and builtin arity errors are worded, and ** of mappings.
def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


def f(*a, **k):
    return a, k


def g(a, b, **k):
    return a, b, k


class M:
    def keys(self):
        return ["a", "b"]

    def __getitem__(self, k):
        return k * 2


class C:
    def m(self, *a, **k):
        return a, k


print(f(**M()), {**M()}, {**M(), "c": 1}, g(**M()), dict(M()))
print(f(*(1, 2), **{"x": 3}), f(*"ab"), f(*iter([1, 2])), g(1, 2, d=4, **{"e": 5}))
for src in ["f(*5)", "f(1, *5)", "f(*[1], *5)", "f(**[1])", "f(x=1, **[1])", "f(**{'a': 1}, **{'a': 2})",
            "f(a=1, **{'a': 2})", "f(**{'a': 1}, a=2)", "f(**{1: 2})", "{**[1]}", "[*5]", "(*5,)", "{*5}",
            "len(*5)", "f(**M(), a=3)", "print(*5)", "C().m(*5)", "C(**[1])", "g(1, 2, d=4, **{'d': 5})",
            "dict(**{1: 2})"]:
    show(src, lambda: eval(src))

for src in ["repr()", "isinstance(1)", "hash()", "id()", "chr()", "ord()", "any()", "callable()",
            "hasattr(1)", "setattr(1)", "delattr(1)", "filter(1)", "next()", "getattr(1)", "iter()",
            "format()", "round()", "pow(1)", "abs(1, 2)", "sorted()", "min()", "max(1, 2, default=0)",
            "min(1, 2, default=0)", "min([], default=5)", "tuple(1, 2)", "float(1, 2)", "bool(1, 2)",
            "int(1, 2, 3)", "list(x=1)", "tuple(x=1)", "map(abs)", "enumerate()", "reversed()",
            "reversed(1, 2)", "divmod(1, 2, 3)", "sum()", "sorted([], None)", "sorted([1], lambda x: x)",
            "len()", "abs()", "list([1], [2])", "dict({}, {})", "dict([1, 2])", "dict([[1]])", "eval(5)",
            "exec(5)", "compile(5, '', 'exec')", "getattr(1, 2)", "setattr(1, 2, 3)", "hasattr(1, 2)",
            "{}.get()", "{}.get(1, 2, 3)", "dict.fromkeys()", "dict.fromkeys(1)"]:
    show(src, lambda: eval(src))

import sys

show("recursionlimit str", lambda: sys.setrecursionlimit("x"))
show("recursionlimit big", lambda: sys.setrecursionlimit(2**70))
show("recursionlimit none", lambda: sys.setrecursionlimit())


class A:
    pass


show("duplicate base", lambda: type("Dup", (A, A), {}))
try:
    class Dup(A, A):
        pass
except TypeError as e:
    print("class Dup", e)

print(dict.fromkeys("ab"), dict.fromkeys([1, 2], 0), {}.fromkeys("x", []))


class MyDict(dict):
    pass


d = MyDict.fromkeys("ab", 1)
print(type(d).__name__, d)
print(str.maketrans("ab", "cd"), str.maketrans("a", "b", "c"), str.maketrans({"a": 1, 2: "x"}))
print("abcabc".translate(str.maketrans("ab", "xy", "c")), "abc".translate({97: None, 98: "XY", 99: 100}))
for args in [(), (1,), ("ab", "c"), ("a", "b", 3), ({"ab": 1},), ({1.5: 1},), (1, 2)]:
    show("maketrans%r" % (args,), lambda: str.maketrans(*args))
show("translate float", lambda: "a".translate({97: 1.5}))
show("translate range", lambda: "a".translate({97: 0x110000}))
show("translate int", lambda: "a".translate(5))
show("translate none", lambda: "a".translate())
print("abc".translate(["q"] * 98))
