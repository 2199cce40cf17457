# Exceptions: raising and catching in a loop, custom exception classes with
# inheritance, try/except/else/finally, and errors raised by builtins.


class AppError(Exception):
    pass


class ParseError(AppError):
    def __init__(self, pos, msg):
        AppError.__init__(self, msg)
        self.pos = pos


class LimitError(AppError):
    pass


def parse_int(s, pos):
    if not s:
        raise ParseError(pos, "empty")
    v = 0
    for ch in s:
        d = ord(ch) - 48
        if d < 0 or d > 9:
            raise ParseError(pos, "bad digit " + ch)
        v = v * 10 + d
    if v > 5000:
        raise LimitError("too big")
    return v


def deep(n):
    if n == 0:
        raise KeyError(n)
    return deep(n - 1)


tokens = []
k = 17
for i in range(2000):
    k = (k * 69069 + 1) % 4294967296
    m = k % 10
    if m == 0:
        tokens.append("")
    elif m == 1:
        tokens.append(str(k % 100) + "x")
    else:
        tokens.append(str(k % 9000))

good = 0
bad = 0
big = 0
finals = 0
elses = 0
for r in range(110):
    for pos in range(len(tokens)):
        try:
            v = parse_int(tokens[pos], pos)
        except ParseError as e:
            bad += e.pos % 3 + len(e.args[0])
        except AppError:
            big += 1
        else:
            good += v
            elses += 1
        finally:
            finals += 1

misc = 0
d = {"a": 1}
lst = [1, 2, 3]
for i in range(30000):
    try:
        misc += d["b" if i % 2 else "a"]
    except KeyError:
        misc += 10
    try:
        misc += lst[i % 5]
    except IndexError as e:
        misc += 100
    try:
        misc += 10 // (i % 3)
    except ZeroDivisionError:
        misc -= 1
deep_caught = 0
for i in range(2000):
    try:
        deep(10)
    except LookupError:
        deep_caught += 1
print("exceptions", good, bad, big, finals, elses, misc, deep_caught)
