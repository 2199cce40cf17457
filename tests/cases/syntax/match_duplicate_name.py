match value:
    case [a, {"k": b, **a}]:
        pass
