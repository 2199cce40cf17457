# finally always runs; return/break/continue inside finally override.
def ret_in_finally():
    try:
        return "try"
    finally:
        return "finally"
print(ret_in_finally())

def swallow():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"
print(swallow())

def order():
    log = []
    try:
        log.append("try")
        return log
    finally:
        log.append("finally")
print(order())

def loop_break():
    out = []
    for i in range(5):
        try:
            if i == 2:
                raise KeyError(i)
            out.append(i)
        finally:
            if i == 2:
                break
    return out
print(loop_break())

def loop_continue():
    out = []
    for i in range(4):
        try:
            out.append(i)
            if i % 2:
                continue
            out.append("even")
        finally:
            out.append("f")
    return out
print(loop_continue())

def nested():
    log = []
    try:
        try:
            raise TypeError("inner")
        finally:
            log.append("inner finally")
    except TypeError as e:
        log.append("caught " + str(e))
    else:
        log.append("else")
    finally:
        log.append("outer finally")
    return log
print(nested())

def else_runs():
    try:
        x = 1
    except Exception:
        return "except"
    else:
        return "else %d" % x
    finally:
        print("finally before return")
print(else_runs())

def exc_in_finally():
    try:
        raise ValueError("first")
    finally:
        raise KeyError("second")
try:
    exc_in_finally()
except KeyError as e:
    print(type(e).__name__, e, type(e.__context__).__name__, e.__context__)

def while_finally():
    n = 0
    while True:
        try:
            n += 1
            if n == 3:
                return n
        finally:
            print("iteration", n)
print(while_finally())
