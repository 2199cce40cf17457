"""Hello from Gilt: a first script to run."""

from dataclasses import dataclass


@dataclass
class Planet:
    name: str
    moons: int


PLANETS = [Planet("Mercury", 0), Planet("Earth", 1), Planet("Mars", 2), Planet("Jupiter", 95)]


def describe(planet: Planet) -> str:
    match planet.moons:
        case 0:
            return f"{planet.name} has no moons"
        case 1:
            return f"{planet.name} has one moon"
        case n:
            return f"{planet.name} has {n} moons"


def main() -> None:
    print("Hello, world!")
    for planet in sorted(PLANETS, key=lambda p: p.moons, reverse=True):
        print(" ", describe(planet))
    total = sum(p.moons for p in PLANETS)
    print(f"{total = }, average {total / len(PLANETS):.1f} moons per planet")


if __name__ == "__main__":
    main()
