# raise from / raise in except: what is caught, and bad causes.
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("implicit")
except ValueError as e:
    print(type(e).__name__, e, e.__context__ is not None)

try:
    try:
        {}["k"]
    except KeyError as k:
        raise RuntimeError("explicit") from k
except RuntimeError as e:
    print(type(e).__name__, e, e.__context__ is not None)

try:
    try:
        [][1]
    except IndexError:
        raise TypeError("no context") from None
except TypeError as e:
    print(type(e).__name__, e, e.__context__ is not None)

try:
    raise ValueError("direct") from KeyError("why")
except ValueError as e:
    print(type(e).__name__, e)

try:
    raise ValueError("x") from 5
except TypeError as e:
    print(type(e).__name__, e)

try:
    raise ValueError("cls cause") from KeyError
except ValueError as e:
    print(type(e).__name__, e)

def deep():
    try:
        raise OSError("a")
    except OSError:
        try:
            raise KeyError("b")
        except KeyError:
            raise ValueError("c")
try:
    deep()
except ValueError as e:
    chain = []
    cur = e
    while cur is not None:
        chain.append(type(cur).__name__)
        cur = getattr(cur, "__context__", None)
    print(chain)


e = Exception("a", 2)
print(e.args, str(e), repr(e))
print(repr(ValueError()), str(KeyError("k")), str(KeyError("a", "b")), repr(OSError(2, "nf")))
