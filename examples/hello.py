"""Hello from Gilt: a first script to run."""


class Planet:
    def __init__(self, name, moons):
        self.name = name
        self.moons = moons

    def __repr__(self):
        return f"Planet({self.name!r}, {self.moons})"

    def describe(self):
        if self.moons == 0:
            return f"{self.name} has no moons"
        if self.moons == 1:
            return f"{self.name} has one moon"
        return f"{self.name} has {self.moons} moons"


PLANETS = [Planet("Mercury", 0), Planet("Earth", 1), Planet("Mars", 2), Planet("Jupiter", 95)]


def fibonacci():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


def main():
    print("Hello, world!")
    for planet in sorted(PLANETS, key=lambda p: p.moons, reverse=True):
        print(" ", planet.describe())
    total = sum(p.moons for p in PLANETS)
    print(f"{total = }, average {total / len(PLANETS):.1f} moons per planet")
    fib = fibonacci()
    print("Fibonacci:", [next(fib) for _ in range(12)])
    print("2 ** 100 =", 2 ** 100)
    try:
        PLANETS[10]
    except IndexError as error:
        print("Caught:", error)


if __name__ == "__main__":
    main()
