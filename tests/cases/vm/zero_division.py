# ZeroDivisionError messages for every operator and type.
a, z, fz = 1, 0, 0.0
ops = [
    lambda: a / z, lambda: a // z, lambda: a % z, lambda: divmod(a, z),
    lambda: a / fz, lambda: a // fz, lambda: a % fz, lambda: divmod(a, fz),
    lambda: 1.5 / z, lambda: 1.5 // z, lambda: 1.5 % z,
    lambda: z ** -1, lambda: fz ** -1, lambda: 2 ** 100 // z, lambda: (2 ** 100) % z,
    lambda: True / False,
]
for op in ops:
    try:
        op()
        print("no error")
    except ZeroDivisionError as e:
        print(type(e).__name__, e)
print(issubclass(ZeroDivisionError, ArithmeticError), 0 / 1, 0.0 / -1, z * 5, 0 % 5)
x = [1]
try:
    x[0] /= 0
except ZeroDivisionError as e:
    print("augmented:", e, x)
def safe_div(p, q):
    try:
        return p / q
    except ZeroDivisionError:
        return float("inf") if p > 0 else float("-inf") if p < 0 else float("nan")
print(safe_div(1, 0), safe_div(-1, 0), safe_div(0, 0), safe_div(6, 3))
