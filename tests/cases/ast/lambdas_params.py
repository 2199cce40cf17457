f0 = lambda: 0
f1 = lambda a: a
f2 = lambda a, b=1: a + b
f3 = lambda *args: args
f4 = lambda **kwargs: kwargs
f5 = lambda a, /, b, *, c: (a, b, c)
f6 = lambda a, b=2, /, c=3, *args, d, e=5, **kw: 0
f7 = lambda *, x=1, y: x
f8 = lambda a, /: a
f9 = lambda x: lambda y: x + y
f10 = (lambda: (yield))


def g(a, b, /, c, d=1, *args, e, f=2, **kwargs):
    pass


def h(a=1, /, b=2, *, c, d=4):
    pass


def k(*, only):
    pass


def annotated(a: int, /, b: "str" = "x", *args: tuple, c: list[int], **kw: dict) -> None:
    pass


def posonly_defaults(a, b=1, /, *args):
    pass
