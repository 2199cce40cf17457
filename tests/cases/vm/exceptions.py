# try/except/else/finally, raising, custom exceptions, and the order things run in.
def divide(a, b):
    try:
        result = a / b
    except ZeroDivisionError as e:
        print("caught:", e)
        return None
    else:
        print("no error")
        return result
    finally:
        print("finally runs")

print(divide(6, 3), divide(1, 0))


class AppError(Exception):
    pass


class NotFound(AppError):
    def __init__(self, key):
        super_args = ("missing " + key,)
        self.key = key
        Exception.__init__(self, *super_args)


try:
    raise NotFound("user")
except AppError as e:
    print(type(e).__name__, e, e.key, e.args)

for value in ["12", "x", None]:
    try:
        print(int(value))
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)

try:
    {}["k"]
except KeyError as e:
    print("KeyError", e, repr(e))

try:
    [1, 2][5]
except IndexError as e:
    print(e)

try:
    undefined_name
except NameError as e:
    print(e)

try:
    try:
        1 / 0
    finally:
        print("inner finally")
except ZeroDivisionError:
    print("outer caught")

def loop_with_finally():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                break
            print("body", i)
        finally:
            print("finally", i)
    return "done"

print(loop_with_finally())

try:
    raise ValueError("bad") from KeyError("cause")
except ValueError as e:
    print(repr(e))

try:
    assert 1 + 1 == 3, "math is broken"
except AssertionError as e:
    print("assert:", e)
