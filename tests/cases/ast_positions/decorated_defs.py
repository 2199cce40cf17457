# A decorated def or class starts at `def`/`class`, not at its first decorator.
@dec
@dec2(a, b)
def f(x): pass


@ cls . attr
class C(B, metaclass=M):
    x = 1

    @property
    async def g(self):
        return 1
