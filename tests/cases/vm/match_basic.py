# match statements: literal, capture, wildcard, value, sequence and or-patterns,
# guards, `as`, and how cases interact with control flow and scopes.


def literal(x):
    match x:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case -1:
            return "minus one"
        case 1.5:
            return "one and a half"
        case 2j:
            return "imaginary"
        case -1 + 2j:
            return "complex"
        case 1 - 2j:
            return "complex conjugate"
        case "hi" | "ho":
            return "greeting"
        case "":
            return "empty string"
        case None:
            return "None"
        case True:
            return "True"
        case False:
            return "False"
        case _:
            return "other"


for v in [0, 0.0, 1, 2, 3, 3.0, -1, -1.0, 1.5, 2j, -1 + 2j, 1 - 2j, "hi", "ho", "",
          None, True, False, 4, "x", [], 1 + 0j]:
    print(repr(v), "->", literal(v))


print("-- singletons match by identity, numbers by equality")


def singleton(x):
    match x:
        case True:
            return "is True"
        case 1:
            return "== 1"
        case _:
            return "no"


print(singleton(True), singleton(1), singleton(1.0), singleton(False))

print("-- capture and wildcard")
match 42:
    case n:
        print("captured", n)
print("n after the match:", n)

match [1, 2]:
    case _:
        print("wildcard matches anything")

print("-- value patterns with dotted names")


class Color:
    RED = 1
    GREEN = 2

    class Shade:
        DARK = "dark"


def color(c):
    match c:
        case Color.RED:
            return "red"
        case Color.GREEN:
            return "green"
        case Color.Shade.DARK:
            return "a dark shade"
    return "unknown"


print(color(1), color(2), color("dark"), color(3))

print("-- sequences")


def seq(s):
    match s:
        case []:
            return "empty"
        case [x]:
            return f"one: {x}"
        case [x, y] if x == y:
            return f"a pair of {x}"
        case [x, y]:
            return f"pair: {x}, {y}"
        case [x, *rest, y]:
            return f"first {x}, middle {rest}, last {y}"
    return "not a sequence"


for v in [[], (), [7], (8,), [1, 1], (1, 2), [1, 2, 3], (1, 2, 3, 4), range(5), range(0),
          "ab", "", {1: 2}, 5, [[1, 2]]]:
    print(repr(v), "->", seq(v))
print("an iterator ->", seq(iter([1])), "; a generator ->", seq(x for x in [1]))

match (1, 2, 3, 4, 5):
    case (first, *_, last):
        print("first and last:", first, last)
match [1, 2, 3]:
    case [*init, _]:
        print("init is a list:", init)
match (1, 2, 3):
    case (1, *middle, 3):
        print("star capture of a tuple is a list:", middle)
match range(3, 8):
    case [a, b, *c]:
        print("a range unpacks:", a, b, c)
match range(10):
    case [0, 1, *_, 8, x]:
        print("indexing from the end of a range:", x)

print("-- nested patterns and as")
match [1, [2, [3, 4]]]:
    case [a, [b, [c, d] as inner] as middle]:
        print(a, b, c, d, inner, middle)
match (1, 2):
    case (1, 2) as pair:
        print("pair", pair)
match 5:
    case (1 | 5) as which:
        print("which", which)

print("-- or-patterns bind the same names in any order")


def pairs(p):
    match p:
        case [x, 0] | [0, x]:
            return f"axis {x}"
        case (a, b, "ab") | (b, a, "ba"):
            return f"a={a} b={b}"
        case [1 | 2 | 3 as n, _] | [_, 4 | 5 as n]:
            return f"n={n}"
    return "no"


for v in [[3, 0], [0, 4], (1, 2, "ab"), (1, 2, "ba"), [2, 9], [9, 5], [9, 9]]:
    print(v, "->", pairs(v))

print("-- guards")


def guarded(v):
    match v:
        case x if x < 0:
            return "negative"
        case x if x > 100 and x % 2 == 0:
            return "big even"
        case int(x) if not x:
            return "zero"
        case _ if v > 1000:
            return "huge"
        case _:
            return "other"


for v in [-5, 0, 7, 102, 103, 1001]:
    print(v, guarded(v))

calls = []


def check(x):
    calls.append(x)
    return x > 1


for v in [1, 2]:
    match v:
        case n if check(n):
            print("guard passed for", n)
        case n:
            print("guard failed for", n)
print("guard calls:", calls)

print("-- a failed case binds nothing")
match [1, 2]:
    case [unbound_a, 3]:
        pass
    case _:
        pass
try:
    print(unbound_a)
except NameError as e:
    print(type(e).__name__, e)
# A guard that fails leaves the capture bound, as in CPython.
match 5:
    case guard_capture if guard_capture > 10:
        pass
    case _:
        pass
print("guard capture:", guard_capture)

print("-- the subject is evaluated once")


def subject():
    print("evaluating the subject")
    return [1, 2]


match subject():
    case [1]:
        print("no")
    case [1, 3]:
        print("no")
    case [1, x]:
        print("second is", x)

print("-- control flow inside cases")
for i in range(6):
    match i:
        case 0:
            continue
        case 4:
            break
        case x if x % 2:
            print("odd", x)
        case _:
            print("even", i)
print("loop ended at", i)


def early(v):
    for item in v:
        match item:
            case ("stop", value):
                return value
            case ("skip", _):
                continue
            case other:
                print("item", other)
    return "end"


print(early([1, ("skip", 2), 3, ("stop", 4), 5]))
print(early([1, 2]))


def in_try(v):
    try:
        match v:
            case [x]:
                return 1 / x
            case _:
                raise ValueError("bad")
    except ZeroDivisionError:
        return "divided by zero"
    finally:
        print("finally for", v)


print(in_try([2]), in_try([0]))
try:
    in_try(5)
except ValueError as e:
    print(type(e).__name__, e)


def gen(items):
    for it in items:
        match it:
            case [a, b]:
                yield a + b
            case str(s):
                yield s.upper()


print(list(gen([[1, 2], "ab", 3, (4, 5)])))


def closure(v):
    match v:
        case [x, y]:
            return lambda: x * y
    return None


print(closure([6, 7])())


class Body:
    match (1, 2):
        case (a, b):
            total = a + b


print("class body:", Body.total, Body.a)

print("-- cases fall through to after the match when nothing matches")
match 99:
    case 1:
        print("one")
    case 2:
        print("two")
print("after")
match "x":
    case "y" if True:
        print("no")
print("done")
