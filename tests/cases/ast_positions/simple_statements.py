def f():
    global a, b
    nonlocal c
    del a, (b), [c]
    assert a, b
    raise a from b
    return a, b
x: int = 1
(y): int
x = 1 + \
  2
if (n := 10) > 5: pass
