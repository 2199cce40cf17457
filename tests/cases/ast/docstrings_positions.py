"""Module docstring."""


def f():
    """Function docstring
    spanning lines."""


class C:
    'Class docstring.'
    x = (
        1,
        2,
    )
    y = {
        "key": [
            (1, 2),
        ],
    }


s = "é" + "😀" + f"{s}é"
t = f(a, "é", b)
