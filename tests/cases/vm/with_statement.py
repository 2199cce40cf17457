# The with statement: __enter__/__exit__, exceptions passed to __exit__,
# suppression, several items, and early exits through the body.
class Resource:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow

    def __enter__(self):
        print("enter", self.name)
        return self

    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, exc)
        return self.swallow


with Resource("a") as r:
    print("inside", r.name)

with Resource("outer") as a, Resource("inner") as b:
    print("both", a.name, b.name)

try:
    with Resource("failing"):
        raise ValueError("boom")
except ValueError as e:
    print("propagated", e)

with Resource("quiet", swallow=True):
    raise KeyError("hidden")
print("after swallow")


def early():
    for i in range(3):
        with Resource(f"loop{i}"):
            if i == 1:
                return "returned at 1"
            if i == 0:
                continue
    return "not reached"


print(early())

try:
    with 42:
        pass
except TypeError as e:
    print("TypeError:", e)
