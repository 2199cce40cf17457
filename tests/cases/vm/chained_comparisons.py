# Chained comparisons evaluate each operand once and short-circuit.
def v(x):
    print("eval", x)
    return x
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1, 1 == 1 == 1, 1 == 1 != 2)
print(v(1) < v(2) < v(3))
print(v(3) < v(2) < v(1))
print(1 < 2 > 0 < 5, 0 <= 0 >= 0, "a" < "b" < "c", [1] < [2] <= [2])
x = 5
print(0 < x < 10, 0 < x < 3, not 0 < x < 10, (0 < x) < 10)
print(1 in [1, 2] in [[1, 2]], 2 not in [1] == True, None is None is not False)
print(1 < 2 == 2.0 < 3)
class C:
    def __init__(self, n):
        self.n = n
    def __lt__(self, o):
        print("lt", self.n, o.n)
        return self.n < o.n
a, b, c = C(1), C(2), C(0)
print(a < b < c)
print(c < a < b)
try:
    1 < "a" < 3
except TypeError as e:
    print(type(e).__name__, e)
print(1 > 2 < "never compared")
res = [i for i in range(10) if 2 < i <= 6]
print(res)
class R:
    def __lt__(self, o):
        return "truthy"
print(R() < 1, R() < 1 < 2)
