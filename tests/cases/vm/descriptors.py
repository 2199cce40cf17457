# property, classmethod, staticmethod, super(), __getattr__, user descriptors.
class Temperature:
    def __init__(self, celsius):
        self._c = celsius

    @property
    def celsius(self):
        return self._c

    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError("below absolute zero")
        self._c = value

    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32

    @classmethod
    def freezing(cls):
        return cls(0)

    @staticmethod
    def describe(x):
        return f"{x} degrees"


t = Temperature(25)
print(t.celsius, t.fahrenheit, Temperature.freezing().celsius, Temperature.describe(5), t.describe(6))
t.celsius = 30
print(t.celsius)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
try:
    t.fahrenheit = 1
except AttributeError as e:
    print("AttributeError:", e)


class Base:
    def __init__(self, name):
        self.name = name

    def hello(self):
        return f"Base hello from {self.name}"

    @classmethod
    def create(cls, name):
        return cls(name)


class Child(Base):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age

    def hello(self):
        return super().hello() + f" (child, {self.age})"


class GrandChild(Child):
    def hello(self):
        return "grand: " + super().hello()


g = GrandChild("gina", 7)
print(g.hello(), g.name, g.age, isinstance(g, Base))
print(type(Child.create("x")).__name__ if False else Base.create("b").name)


class Lazy:
    def __getattr__(self, name):
        return f"computed {name}"


print(Lazy().anything, getattr(Lazy(), "other"))


class Positive:
    def __set_name__(self, owner, name):
        pass

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return obj.__dict_value

    def __set__(self, obj, value):
        if value <= 0:
            raise ValueError("must be positive")
        obj.__dict_value = value


class Account:
    balance = Positive()

    def __init__(self, amount):
        self.balance = amount


a = Account(10)
print(a.balance)
try:
    a.balance = -5
except ValueError as e:
    print("ValueError:", e)


class Shape:
    def area(self):
        raise NotImplementedError

    def describe(self):
        return f"{type(self).__name__} with area {self.area():.2f}"


class Square(Shape):
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side ** 2


class Circle(Shape):
    def __init__(self, r):
        self.r = r

    def area(self):
        return 3.14159 * self.r ** 2


print([s.describe() for s in [Square(2), Circle(1)]])
