"""How callbacks are named in reprs and error messages, as CPython's
asyncio.format_helpers: `name(args) at FILE:LINE`."""

import functools


def _function_source(func):
    while hasattr(func, "__wrapped__"):
        func = func.__wrapped__
    if isinstance(func, functools.partial):
        return _function_source(func.func)
    code = getattr(func, "__code__", None)
    if code is None or not hasattr(func, "__globals__"):
        return None
    return code.co_filename, code.co_firstlineno


def _format_args(args, kwargs):
    items = [repr(arg) for arg in args or ()]
    if kwargs:
        items.extend(f"{k}={v!r}" for k, v in kwargs.items())
    return "({})".format(", ".join(items))


def _format_callback(func, args, kwargs, suffix=""):
    if isinstance(func, functools.partial):
        suffix = _format_args(args, kwargs) + suffix
        return _format_callback(func.func, func.args, func.keywords, suffix)
    name = getattr(func, "__qualname__", None) or getattr(func, "__name__", None)
    text = name if name else repr(func)
    return text + _format_args(args, kwargs) + suffix


def _format_callback_source(func, args):
    """`name(args)`, plus ` at FILE:LINE` for a Python function."""
    text = _format_callback(func, args, None)
    source = _function_source(func)
    if source:
        text += f" at {source[0]}:{source[1]}"
    return text
