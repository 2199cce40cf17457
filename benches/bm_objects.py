# Objects: class instances, attribute reads and writes, method calls, inheritance
# with overridden methods, and dunder operators on a small vector class.


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def __sub__(self, other):
        return Vec(self.x - other.x, self.y - other.y)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)

    def __eq__(self, other):
        return self.x == other.x and self.y == other.y

    def dot(self, other):
        return self.x * other.x + self.y * other.y


class Shape:
    def __init__(self, origin):
        self.origin = origin
        self.moves = 0

    def area(self):
        return 0

    def move(self, d):
        self.origin = self.origin + d
        self.moves += 1

    def describe(self):
        return self.kind() + str(self.area())

    def kind(self):
        return "shape"


class Rect(Shape):
    def __init__(self, origin, w, h):
        Shape.__init__(self, origin)
        self.w = w
        self.h = h

    def area(self):
        return self.w * self.h

    def kind(self):
        return "rect"


class Square(Rect):
    def __init__(self, origin, side):
        Rect.__init__(self, origin, side, side)

    def kind(self):
        return "square"


class Tri(Shape):
    def __init__(self, origin, b, h):
        Shape.__init__(self, origin)
        self.b = b
        self.h = h

    def area(self):
        return self.b * self.h // 2

    def kind(self):
        return "tri"


class Counter:
    def __init__(self):
        self.n = 0
        self.total = 0

    def add(self, v):
        self.n += 1
        self.total += v
        return self


shapes = []
for i in range(300):
    o = Vec(i % 17, i % 13)
    k = i % 3
    if k == 0:
        shapes.append(Rect(o, i % 7 + 1, i % 5 + 1))
    elif k == 1:
        shapes.append(Square(o, i % 9 + 1))
    else:
        shapes.append(Tri(o, i % 11 + 2, i % 4 + 2))

c = Counter()
step = Vec(1, -1)
acc = Vec(0, 0)
same = 0
for r in range(1100):
    for s in shapes:
        c.add(s.area())
        if r % 50 == 0:
            s.move(step)
        acc = acc + s.origin * 2 - step
        if s.origin == step:
            same += 1
    c.total += acc.dot(step) % 7

names = {}
for s in shapes:
    d = s.describe()
    names[d] = names.get(d, 0) + 1
print("objects", c.n, c.total, acc.x, acc.y, same, len(names), shapes[5].moves)
