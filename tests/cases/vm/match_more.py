# match: class patterns with __match_args__, guards, mappings, or-patterns, captures.
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
def where(p):
    match p:
        case Point(0, 0):
            return "origin"
        case Point(x, 0) if x > 0:
            return "positive x-axis at %d" % x
        case Point(0, y=yy):
            return "y-axis at %d" % yy
        case Point(x=a, y=b) if a == b:
            return "diagonal %d" % a
        case Point():
            return "elsewhere"
        case _:
            return "not a point"
for p in [Point(0, 0), Point(3, 0), Point(-3, 0), Point(0, 5), Point(2, 2), Point(1, 9), "x"]:
    print(where(p))
def cmd(c):
    match c.split():
        case ["go", ("north" | "south") as d]:
            return "going " + d
        case ["go", d]:
            return "unknown direction " + d
        case ["take", *items] if items:
            return "taking " + ",".join(items)
        case ["quit" | "exit"]:
            return "bye"
        case []:
            return "empty"
        case _:
            return "??? " + c
for c in ["go north", "go up", "take a b", "take", "exit", "", "dance now"]:
    print(repr(c), "->", cmd(c))
def cfg(d):
    match d:
        case {"type": "db", "port": int(port), **rest}:
            return "db on %d, extra %s" % (port, sorted(rest))
        case {"type": str(t)}:
            return "type " + t
        case {}:
            return "some mapping"
    return "not a mapping"
for d in [{"type": "db", "port": 5432, "host": "h"}, {"type": "db", "port": "x"}, {"type": "cache"}, {"a": 1}, [1]]:
    print(cfg(d))
def lit(v):
    match v:
        case None:
            return "None"
        case True:
            return "True"
        case 0 | 0.0:
            return "zero"
        case -1:
            return "minus one"
        case "a" | "b":
            return "a-or-b"
        case (1, 2, *rest):
            return "starts 1,2 rest=%s" % rest
        case int() | float() as num:
            return "number %r" % num
    return "other"
for v in [None, True, 1, 0, 0.0, -1, "b", (1, 2, 3), [1, 2], 7.5, "zz"]:
    print(repr(v), lit(v))
