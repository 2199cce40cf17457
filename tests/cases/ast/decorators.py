import functools


@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


@property
@other.decorator
@(lambda f: f)
@buttons[0].clicked.connect
@x if y else z
@a := b
def handler(self):
    pass


@dataclass(frozen=True)
class Point:
    x: int
    y: int = 0


@register
async def job():
    pass
