print("shapes.circle runs, __package__ =", __package__)
PI = 3


def area(r):
    return PI * r * r
