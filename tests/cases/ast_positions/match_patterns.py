match x:
    case 1 | 2: pass
    case [a, *b, c]: pass
    case (a, b): pass
    case a, b: pass
    case {"k": v, **rest}: pass
    case Point(x=0, y=1) as p: pass
    case -1 + 2j: pass
    case a.b.c: pass
    case (a): pass
    case [*_]: pass
    case None | True: pass
    case ((a | b)): pass
    case Cls(a, b, c=d,): pass
    case _:
        pass
