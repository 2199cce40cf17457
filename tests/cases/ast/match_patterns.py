match command.split():
    case [action]:
        pass
    case [action, obj]:
        pass
    case ["go", direction] | ["move", direction]:
        pass
    case ["drop", *objects]:
        pass
    case [*_, "last"]:
        pass
    case (1, 2, *rest):
        pass
    case []:
        pass
    case ():
        pass
    case _:
        pass

match value:
    case 0 | 1 | -1:
        pass
    case 1.5 | -2.5j | 1 + 2j | -3 - 4j:
        pass
    case "text" "concatenated" | b"bytes":
        pass
    case None | True | False:
        pass
    case Color.RED | mod.sub.CONST:
        pass
    case {"x": x, "y": y, **rest}:
        pass
    case {1: _, None: [a, b]}:
        pass
    case {}:
        pass
    case Point(x=0, y=0):
        pass
    case Point(1, 2, z=3):
        pass
    case Point():
        pass
    case mod.Point(x, y=[1, *others]):
        pass
    case [Point(x=0) as origin, *_] if origin.y > 0:
        pass
    case (a | b) as both:
        pass
    case str() | bytes() as s:
        pass
    case x if x > 10:
        pass

match (a, b):
    case (1, 2):
        pass
match a, b,:
    case _:
        pass
match = 1
case = 2
match.attr = match[case]
_ = 3
