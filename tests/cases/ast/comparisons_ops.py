a < b
a < b < c
a == b != c <= d >= e > f < g
a is b
a is not b
a in b
a not in b
not a
a and b or c and not d
a or b or c
a and b and c
x = a if b else c
y = a if b else c if d else e
z = (a if b else c) if d else e
-a + +b - ~c
a ** -b
-a ** b
a * b / c // d % e @ f
a << b >> c & d ^ e | f
a += 1; b -= 1; c *= 1; d /= 1; e //= 1; f %= 1
g **= 1; h >>= 1; i <<= 1; j &= 1; k ^= 1; l |= 1; m @= 1
a = b = c = 1
(a) = 1
[a, b] = c, d = e
a.b.c = 1
not not a
a if b else lambda: c
