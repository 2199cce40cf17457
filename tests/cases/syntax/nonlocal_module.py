def f():
    pass

nonlocal x
