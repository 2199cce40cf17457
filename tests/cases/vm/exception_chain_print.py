# Context chaining details, then an uncaught chain whose traceback CPython
# prints with "During handling..." and "The above exception was the direct cause...".

def context_of(f):
    try:
        f()
    except BaseException as e:
        chain = []
        while e is not None:
            chain.append((type(e).__name__, str(e), e.__suppress_context__))
            e = e.__cause__ if e.__cause__ is not None else e.__context__
        return chain

def implicit():
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("implicit")
print(context_of(implicit))

def explicit_none():
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("hidden") from None
print(context_of(explicit_none))

def reraise_same():
    try:
        raise KeyError("same")
    except KeyError as e:
        raise e
print(context_of(reraise_same))

# Raising an exception that is already in the context chain cuts the loop.
def cycle():
    a = ValueError("a")
    try:
        try:
            raise a
        except ValueError:
            raise TypeError("b")
    except TypeError:
        raise a
print(context_of(cycle))

# Context is set when the raise happens, from the exception being handled.
def later():
    saved = RuntimeError("made early")
    try:
        raise OSError("handled")
    except OSError:
        pass
    raise saved
print(context_of(later))

def in_finally():
    try:
        raise KeyError("first")
    finally:
        raise IndexError("second")
print(context_of(in_finally))

def handled_inside():
    try:
        raise KeyError("outer")
    except KeyError:
        try:
            raise ValueError("inner")
        except ValueError:
            pass
        raise TypeError("after inner")
print(context_of(handled_inside))

# A bare raise keeps the traceback it had.
def bare():
    try:
        {}["x"]
    except KeyError:
        raise
try:
    bare()
except KeyError as e:
    tb, lines = e.__traceback__, []
    while tb:
        lines.append(tb.tb_lineno)
        tb = tb.tb_next
    print("bare raise lines", lines)

def level1():
    try:
        {}["missing"]
    except KeyError as e:
        raise ValueError("level1") from e

def level2():
    try:
        level1()
    except ValueError:
        raise RuntimeError("level2")

try:
    level2()
except RuntimeError as e:
    e.add_note("note on the last exception")
    raise
