# typing: special forms and their reprs, generic aliases, TypeVar/Generic,
# Protocol with runtime_checkable, NamedTuple, TypedDict, get_type_hints.
import typing
from typing import (Any, Optional, Union, List, Dict, Tuple, Set, FrozenSet, Callable,
                    Iterable, Iterator, Generator, Sequence, Mapping, Type, TypeVar,
                    Generic, Protocol, runtime_checkable, NamedTuple, TypedDict, Literal,
                    Final, ClassVar, cast, overload, get_type_hints, TYPE_CHECKING,
                    NoReturn, Self, Annotated, get_origin, get_args, NewType)

print(Any, Optional[int], Union[int, str], Union[int], Union[int, None, str], Optional[Union[int, str]])
print(List[int], Dict[str, List[int]], Tuple[int, ...], Tuple[int, str], Set[bytes], FrozenSet[int])
print(Callable[[int, str], bool], Callable[..., int], Iterable[str], Iterator[int], Generator[int, None, str])
print(Sequence[float], Mapping[str, Any], Type[int], Literal[1, "a", None], Final[int], ClassVar[List[str]])
print(List, Dict, Callable, NoReturn, Self, Annotated[int, "meta", 3], TYPE_CHECKING)
print(Union[int, str] == Union[str, int], Optional[int] == Union[None, int], List[int] == List[int], List[int] == List[str])
print(get_origin(List[int]), get_args(Dict[str, int]), get_origin(Union[int, str]), get_args(Optional[int]))
print(get_args(Callable[[int], str]), get_origin(Annotated[int, "x"]), get_args(Annotated[int, "x"]), get_origin(int))
print(isinstance([], List), isinstance({}, Mapping), isinstance(3, Union[int, str]), issubclass(list, Sequence))
for bad in [lambda: isinstance([], List[int]), lambda: Union[()], lambda: Any(), lambda: isinstance(1, Any),
            lambda: List[int, str], lambda: Dict[int], lambda: Callable[int], lambda: Generic[int],
            lambda: Optional[1]]:
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)

T = TypeVar("T")
K = TypeVar("K", bound=str)
N = TypeVar("N", int, float)
T_co = TypeVar("T_co", covariant=True)
print(T, K, N, T_co, K.__bound__, N.__constraints__, T.__name__)


class Box(Generic[T]):
    def __init__(self, item: T) -> None:
        self.item = item

    def get(self) -> T:
        return self.item


class Pair(Generic[K, T]):
    pass


print(Box[int], Box[int](5).get(), Box.__parameters__, Pair[str, int], Pair.__parameters__)
print(Box[int].__origin__ is Box, Box[int].__args__, Dict[str, T][int], List[T][str])
try:
    Box[int, str]
except TypeError as e:
    print(type(e).__name__, e)


class IntBox(Box[int]):
    pass


print(IntBox(3).get(), IntBox.__orig_bases__, IntBox.__mro__[1:])


@runtime_checkable
class Closeable(Protocol):
    def close(self) -> None:
        ...


class Sized2(Protocol):
    def size(self) -> int:
        ...


class File:
    def close(self):
        pass


class Rock:
    pass


print(isinstance(File(), Closeable), isinstance(Rock(), Closeable), issubclass(File, Closeable))
try:
    isinstance(File(), Sized2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    Closeable()
except TypeError as e:
    print(type(e).__name__, e)


class Emp(NamedTuple):
    name: str
    id: int = 3

    def label(self):
        return f"{self.name}#{self.id}"


e = Emp("ann")
print(e, e.label(), Emp._fields, Emp._field_defaults, Emp.__annotations__, isinstance(e, tuple), e._replace(id=9))
P2 = NamedTuple("P2", [("x", int), ("y", int)])
print(P2(1, 2), P2._fields)
try:
    class BadNT(NamedTuple):
        a: int = 1
        b: str
except TypeError as err:
    print(type(err).__name__, err)


class Movie(TypedDict):
    name: str
    year: int


class Movie2(Movie, total=False):
    rating: float


m = Movie(name="Up", year=2009)
print(m, type(m), Movie.__annotations__, sorted(Movie2.__required_keys__), sorted(Movie2.__optional_keys__), Movie2.__total__)
try:
    isinstance(m, Movie)
except TypeError as err:
    print(type(err).__name__, err)

print(cast(int, "not an int"), cast("List[int]", 5))


@overload
def f(x: int) -> int: ...
@overload
def f(x: str) -> str: ...
def f(x):
    return x * 2


print(f(2), f("ab"))

UserId = NewType("UserId", int)
print(UserId(5), UserId, UserId.__supertype__)


class Node:
    value: int
    next: "Optional[Node]"
    tags: ClassVar[List[str]] = []


def g(a: int, b: "str" = "x", c: Annotated[float, "unit"] = 1.0) -> None:
    pass


print(get_type_hints(g))
print(get_type_hints(g, include_extras=True)["c"])
print(get_type_hints(Node))
print(g.__annotations__)


def h(x: list[int], y: dict[str, tuple[int, ...]]) -> type[int]:
    return int


print(h.__annotations__, list[int] == list[int], list[int](range(3)), get_origin(list[int]), get_args(dict[str, int]))
