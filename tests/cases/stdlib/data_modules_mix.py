# json, enum, dataclasses and typing used together, as an annotated program does.
import json, enum, dataclasses, typing
from dataclasses import dataclass, field, asdict
from enum import Enum, auto

class Status(Enum):
    OK = auto()
    FAIL = auto()

@dataclass
class Result:
    name: str
    status: Status = Status.OK
    data: typing.Dict[str, int] = field(default_factory=dict)

r = Result("a", data={"x": 1})
print(r)
print(json.dumps(asdict(r), default=lambda o: o.name))
match r.status:
    case Status.OK:
        print("ok!")
    case _:
        print("other")
print(json.dumps({"s": Status.OK.value, "l": [Status.FAIL.name]}))
class Color(enum.IntEnum):
    A = 1
print(json.dumps([Color.A, {Color.A: Color.A}]))
print(json.loads(json.dumps({"a": float("inf")})))
T = typing.TypeVar("T")
def first(xs: typing.List[T]) -> typing.Optional[T]:
    return xs[0] if xs else None
print(first([3]), typing.get_type_hints(first))
@dataclasses.dataclass(frozen=True)
class P:
    x: int
    y: int
print({P(1, 2): "a"}[P(1, 2)], P(1, 2) == P(1, 2), P(1,2) is not P(1,2))
print(sorted(Status, key=lambda s: s.value, reverse=True))
print(Status.OK in Status, Status["FAIL"], Status(2).name)
