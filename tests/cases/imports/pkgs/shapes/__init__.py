"""A package with submodules and a subpackage."""
print("shapes/__init__ runs, __name__ =", __name__, "__package__ =", __package__)
from .circle import area as circle_area
DEFAULT = "square"
