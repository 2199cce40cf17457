
x = u"abc" "def"
y = "abc" u"def"
z = u"a" r"\b" u"c"
doc = (
    "line 1\n"
    "line 2\n"
)
def f():
    "docstring" " concatenated"
    return u"\u0041"
