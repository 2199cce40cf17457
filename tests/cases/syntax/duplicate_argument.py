def f(x, y, x):
    pass
