# Recursion: naive Fibonacci and Ackermann-style mutual recursion.
# Stresses Python-to-Python calls with positional arguments and small-int arithmetic.


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def is_even(n):
    if n == 0:
        return True
    return is_odd(n - 1)


def is_odd(n):
    if n == 0:
        return False
    return is_even(n - 1)


def tak(x, y, z):
    if y < x:
        return tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y))
    return z


total = fib(32)
evens = 0
for k in range(300):
    if is_even(k * 3):
        evens += 1
t = tak(22, 16, 8)
print("fib", total, evens, t)
