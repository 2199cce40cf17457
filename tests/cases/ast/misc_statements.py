# comment at start
x = 1  # trailing comment

y = 3;
a; b; c
def f():
    # only a comment

    pass
    # trailing comment in block
if x:

    pass
print(__debug__)
type = 1
print(type(x))
_ = ...
exec("x = 1")
print("no newline at end")