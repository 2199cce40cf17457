# Classes: methods, class attributes, inheritance, dunder methods.
class Vector:
    dims = 2

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y)

    def __mul__(self, k):
        return Vector(self.x * k, self.y * k)

    def __eq__(self, other):
        return isinstance(other, Vector) and (self.x, self.y) == (other.x, other.y)

    def __repr__(self):
        return f"Vector({self.x}, {self.y})"

    def __len__(self):
        return 2

    def norm2(self):
        return self.x ** 2 + self.y ** 2


v = Vector(1, 2) + Vector(3, 4)
print(v, v * 3, v == Vector(4, 6), v != Vector(0, 0), len(v), v.norm2(), Vector.dims)


class Animal:
    sound = "..."

    def __init__(self, name):
        self.name = name

    def speak(self):
        return f"{self.name} says {self.sound}"


class Dog(Animal):
    sound = "woof"


class Puppy(Dog):
    def speak(self):
        return Dog.speak(self) + " (tiny)"


for a in [Animal("thing"), Dog("rex"), Puppy("bit")]:
    print(a.speak(), type(a).__name__, isinstance(a, Animal), isinstance(a, Dog))
print(issubclass(Puppy, Animal), [k.__name__ for k in Puppy.__mro__], str(Dog("d"))[:10])


class Stack:
    def __init__(self):
        self.items = []

    def push(self, x):
        self.items.append(x)
        return self

    def __iter__(self):
        return iter(self.items)

    def __contains__(self, x):
        return x in self.items

    def __getitem__(self, i):
        return self.items[i]

    def __bool__(self):
        return bool(self.items)


s = Stack().push(1).push(2).push(3)
print(list(s), 2 in s, s[-1], bool(s), bool(Stack()), hasattr(s, "push"), getattr(s, "nope", "default"))
