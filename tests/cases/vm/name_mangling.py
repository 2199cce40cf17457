# Private names (__x) are mangled to _Class__x inside a class: attributes,
# methods and class-level names, as CPython does.
__hidden = "module-level"


class Base:
    __count = 0

    def __init__(self):
        self.__secret = 1
        Base.__count += 1

    def __helper(self):
        return "helper"

    def show(self):
        return self.__secret, self.__helper(), Base.__count


class Child(Base):
    def __init__(self):
        super().__init__()
        self.__secret = 2

    def peek(self):
        return self.__secret, self._Base__secret


class _Under:
    def get(self):
        return __hidden


b = Base()
print(b.show(), sorted(k for k in vars(Base) if "_Base__" in k))
c = Child()
print(c.peek(), sorted(vars(c)))
try:
    b.__secret
except AttributeError as e:
    print("AttributeError", e)
try:
    _Under().get()
except NameError as e:
    print("NameError", e)
globals()["_Under__hidden"] = "mangled global"
print(_Under().get())
