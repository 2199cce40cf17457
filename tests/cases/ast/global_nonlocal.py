counter = 0


def increment():
    global counter
    counter += 1


def outer():
    x = 1
    y = 2

    def inner():
        nonlocal x, y
        x += 1
        y = x
        global counter, other

    inner()
    return x


class C:
    global g
    g = 1
