total = 1 + \
        2 + \
    3
if a and \
   b:
    pass
x = [1,
     2, \
     3]
assert x, \
    "msg"
with a as b, \
     c as d:
    pass
y = "a" \
    "b"
