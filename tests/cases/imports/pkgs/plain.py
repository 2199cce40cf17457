"""A module, not a package."""
VALUE = 10
_private = 1
public_fn = len
