# Big ints: factorials, Fibonacci of large index, modular pow, digit sums via str,
# and mixed big/small arithmetic (division, modulo, shifts, comparisons).


def factorial(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r


def fib_big(n):
    a = 0
    b = 1
    for _ in range(n):
        a, b = b, a + b
    return a


def digit_sum(v):
    # str() of an int is limited to 4300 digits, so peel off 40 digits at a time.
    s = 0
    chunk = 10 ** 40
    while v:
        v, low = divmod(v, chunk)
        for ch in str(low):
            s += ord(ch) - 48
    return s


def bits(v):
    # Number of bits in v > 0 (what int.bit_length returns).
    b = 0
    while v >> 64:
        v >>= 64
        b += 64
    while v:
        v >>= 1
        b += 1
    return b


def isqrt(n):
    # Newton's method on big ints.
    x = 1 << ((bits(n) + 1) // 2)
    while True:
        y = (x + n // x) // 2
        if y >= x:
            return x
        x = y


h = 0
checks = 0
for rep in range(9):
    f = factorial(3000 + 200 * rep)
    fb = fib_big(20000 + 1000 * rep)
    checks += digit_sum(f) + digit_sum(fb)
    p = pow(3, 10 ** 6 + rep, 2 ** 521 - 1)
    m = 0
    for k in range(1, 300):
        m = (m + pow(k, 2 ** 64 + k, 10 ** 40 + 7)) % (10 ** 40 + 7)
    r = isqrt(f)
    q, rem = divmod(f, fb % (10 ** 200) + 1)
    shifted = (f >> 1000) ^ (fb << 37)
    ok = r * r <= f < (r + 1) * (r + 1)
    for v in (p, m, r, q, rem, shifted, bits(f), bits(fb), ok):
        h = (h * 1000003 + v) % (2 ** 61 - 1)
print("bigint", checks, h, len(str(fb % 10 ** 4000)), -f // fb % 1000)
