# The warnings module: filters, registries, catch_warnings, showwarning.
import warnings, sys
def old():
    warnings.warn("old is deprecated", DeprecationWarning, stacklevel=2)
def f():
    warnings.warn("careful")
for i in range(3):
    f()
old()
old()
warnings.warn("direct", RuntimeWarning)
with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("always")
    f(); f()
    warnings.warn(UserWarning("inst"))
    old()
print(len(log), [str(w.message) for w in log], [w.category.__name__ for w in log], [w.lineno for w in log])
print(str(log[0]).replace(__file__, "F"))
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        f()
    except UserWarning as e:
        print("raised", e)
with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="car")
    f()
    warnings.filterwarnings("once")
    for i in range(3):
        warnings.warn("once-only")
print(warnings.formatwarning("m", UserWarning, "file.py", 3, "x = 1"))
try:
    warnings.warn("x", int)
except TypeError as e:
    print(e)
try:
    warnings.simplefilter("bogus")
except AssertionError as e:
    print(e)
print(len(warnings.filters))
def show(message, category, filename, lineno, file=None, line=None):
    print("custom", message, category.__name__, lineno)
warnings.showwarning = show
warnings.warn("via custom")
