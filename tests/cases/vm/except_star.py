# try/except* (PEP 654): splitting, wrapping, re-raising and re-grouping.

def leaves(e):
    if e is None:
        return None
    if isinstance(e, BaseExceptionGroup):
        return [type(e).__name__, e.message, [leaves(x) for x in e.exceptions]]
    return repr(e)

def run(label, f):
    try:
        f()
        print(label, "-> no exception")
    except BaseException as e:
        print(label, "->", leaves(e), "context:", leaves(e.__context__))

def basic():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), ValueError(3)])
    except* ValueError as e:
        print("  ValueError part:", leaves(e))
    except* TypeError as e:
        print("  TypeError part:", leaves(e))
run("basic", basic)

def partial():
    try:
        raise ExceptionGroup("eg", [ValueError(1), KeyError(2)])
    except* ValueError:
        print("  handled ValueError")
run("partial", partial)

def naked():
    try:
        raise ValueError("plain")
    except* ValueError as e:
        print("  wrapped:", leaves(e), repr(e))
run("naked", naked)

def naked_reraise():
    try:
        raise ValueError("plain")
    except* ValueError:
        raise
run("naked reraise", naked_reraise)

def naked_unmatched():
    try:
        raise ValueError("plain")
    except* TypeError:
        print("  not here")
run("naked unmatched", naked_unmatched)

def naked_raise_new():
    try:
        raise ValueError("plain")
    except* ValueError:
        raise KeyError("new")
run("naked raise new", naked_raise_new)

def reraise_all():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise
    except* TypeError:
        raise
run("reraise all", reraise_all)

def raise_new_one():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise KeyError("k")
    except* TypeError:
        pass
run("raise new one", raise_new_one)

def raise_new_and_rest():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), OSError(3)])
    except* ValueError:
        raise KeyError("k")
    except* TypeError:
        raise
run("raise new and rest", raise_new_and_rest)

def raise_in_two():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise KeyError("a")
    except* TypeError:
        raise IndexError("b")
run("raise in two", raise_in_two)

def nested_groups():
    try:
        raise ExceptionGroup("outer", [ValueError(1), ExceptionGroup("inner", [TypeError(2), ValueError(3)])])
    except* ValueError as e:
        print("  matched:", leaves(e))
run("nested groups", nested_groups)

def tuple_clause():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), KeyError(3)])
    except* (ValueError, TypeError) as e:
        print("  tuple matched:", leaves(e))
run("tuple clause", tuple_clause)

def base_group():
    try:
        raise BaseExceptionGroup("b", [KeyboardInterrupt(), ValueError(1)])
    except* KeyboardInterrupt as e:
        print("  interrupt part:", leaves(e))
run("base group", base_group)

def else_finally():
    try:
        print("  body")
    except* ValueError:
        print("  no")
    else:
        print("  else")
    finally:
        print("  finally")
run("else finally", else_finally)

def finally_after_error():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        print("  handled one")
    finally:
        print("  finally runs")
run("finally after error", finally_after_error)

def loop_inside():
    for i in range(3):
        try:
            raise ExceptionGroup("eg", [ValueError(i)])
        except* ValueError as e:
            for x in e.exceptions:
                if x.args[0] == 1:
                    break
            print("  handled", i)
run("loop inside", loop_inside)

def name_unbound():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError as err:
        pass
    print("  bound after?", "err" in locals())
run("name unbound", name_unbound)

def exc_info_inside():
    import sys
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* TypeError:
        print("  exc_info:", leaves(sys.exc_info()[1]))
run("exc_info inside", exc_info_inside)

# Invalid clause types fail when the clause is tried.
def group_type():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ExceptionGroup:
        pass
run("except* ExceptionGroup", group_type)

def group_in_tuple():
    try:
        raise ValueError(1)
    except* (ValueError, BaseExceptionGroup):
        pass
run("group in tuple", group_in_tuple)

def not_exception():
    try:
        raise ValueError(1)
    except* int:
        pass
run("except* int", not_exception)

# Compile-time errors.
sources = [
    "for i in x:\n    try: pass\n    except* E:\n        break\n",
    "for i in x:\n    try: pass\n    except* E:\n        continue\n",
    "def f():\n    try: pass\n    except* E:\n        return 1\n",
    "def f():\n    try: pass\n    except* E:\n        return\n",
    "try: pass\nexcept*:\n    pass\n",
    "try: pass\nexcept E:\n    pass\nexcept* F:\n    pass\n",
    "try: pass\nexcept* E:\n    pass\nexcept F:\n    pass\n",
    "try: pass\nexcept* E, F:\n    pass\n",
    "try: pass\nexcept* E:\n    for i in x:\n        break\n",
    "try: pass\nexcept* E:\n    def g():\n        return 1\n",
]
for src in sources:
    try:
        compile(src, "<except*>", "exec")
        print("compiles")
    except SyntaxError as e:
        print("SyntaxError:", e.msg, e.lineno, e.offset)

# An uncaught group made by except*: only the new exception and the rest.
try:
    raise ExceptionGroup("final", [ValueError(1), TypeError(2)])
except* ValueError:
    raise RuntimeError("from handler")
