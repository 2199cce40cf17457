def __getattr__(name):
    if name == "dynamic":
        return "made by __getattr__"
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
