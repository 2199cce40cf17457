# Slicing with negative steps, slice objects and extended slice assignment.
s = list(range(10))
print(s[::-1], s[::2], s[1::3], s[8:2:-2], s[-3:], s[:-7], s[-1:-4:-1], s[5:1], s[100:])
t = tuple(s)
print(t[::-3], "abcdef"[::-2], "abcdef"[-2::-2], b"abcdef"[1:5:2])
sl = slice(1, 8, 3)
print(s[sl], slice(5), slice(None, None, -1), repr(slice(1, 2)))
a = list(range(8))
a[1:3] = ["x", "y", "z"]
print(a)
a[::2] = [0] * len(a[::2])
print(a)
a[:0] = ["front"]
print(a)
a[len(a):] = ["back"]
print(a)
b = list(range(6))
b[::-2] = "abc"
print(b)
try:
    b[::2] = [1, 2]
except ValueError as e:
    print(type(e).__name__, e)
try:
    b[::0]
except ValueError as e:
    print(type(e).__name__, e)
try:
    "abc"[1:2] = "x"
except TypeError as e:
    print(type(e).__name__, e)
c = list(range(5))
c[1:4] = []
print(c)
c[1:1] = range(3)
print(c)
d = list(range(5))
d[2:] = iter([9, 9])
print(d)
print([1, 2, 3][slice(None, 2)], "hello"[slice(1, -1)], s[-100:100:50])
class Sl:
    def __getitem__(self, k):
        return k
print(Sl()[1:2], Sl()[::], Sl()[1:2, 3])
