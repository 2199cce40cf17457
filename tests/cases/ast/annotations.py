x: int
y: int = 1
z: list[dict[str, int]] = []
(w): int = 2
obj.attr: str = "a"
obj.attr2: str
seq[0]: float = 1.0
tup: tuple[int, ...] = ()
call: "Callable[[int], str]"
union: int | None = None


def f(a: int, b: "str" = "", *args: int, c: float = 1.0, **kw: object) -> list[int]:
    v: int = 0
    return [v]


class K:
    field: int
    other: str = "x"
    ClassVar_thing: "ClassVar[int]" = 3
