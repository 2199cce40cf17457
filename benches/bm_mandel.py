# Float math: escape-time Mandelbrot set on a small grid, complex numbers done by hand.


def escape(cr, ci, limit):
    zr = 0.0
    zi = 0.0
    n = 0
    while n < limit:
        zr2 = zr * zr
        zi2 = zi * zi
        if zr2 + zi2 > 4.0:
            return n
        zi = 2.0 * zr * zi + ci
        zr = zr2 - zi2 + cr
        n += 1
    return limit


def render(width, height, limit):
    rows = []
    total = 0
    for y in range(height):
        ci = -1.2 + 2.4 * y / height
        line = []
        for x in range(width):
            cr = -2.1 + 3.0 * x / width
            n = escape(cr, ci, limit)
            total += n
            line.append(" .:-=+*#%@"[n % 10])
        rows.append("".join(line))
    return total, rows


total, rows = render(300, 150, 400)
h = 0
for r in rows:
    for ch in r:
        h = (h * 31 + ord(ch)) % 1000000007
print("mandel", total, h)
