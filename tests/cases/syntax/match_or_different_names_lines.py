def f(value):
    match value:
        case [
            a,
            b,
        ] | [
            a,
            c,
        ]:
            pass
