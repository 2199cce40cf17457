"""Make the standard library cooperative: after `patch_all()`, `time.sleep`,
sockets and `select.select` wait in the hub, letting other greenlets run.
Threads are left as they are (`thread=True` is accepted and ignored: Gilt's
threads are real OS threads)."""

import sys

__all__ = ["patch_all", "patch_time", "patch_socket", "patch_select",
           "is_module_patched", "is_object_patched", "get_original"]

saved = {}


def _patch(module_name, name, value):
    module = __import__(module_name)
    saved.setdefault(module_name, {}).setdefault(name, getattr(module, name, None))
    setattr(module, name, value)


def is_module_patched(name):
    return name in saved


def is_object_patched(module_name, name):
    return name in saved.get(module_name, {})


def get_original(module_name, item_name):
    if isinstance(item_name, str):
        return saved.get(module_name, {}).get(item_name) or getattr(__import__(module_name), item_name)
    return [get_original(module_name, i) for i in item_name]


def patch_time():
    from gevent.hub import sleep
    _patch("time", "sleep", sleep)


def patch_socket(dns=True, aggressive=True):
    import socket as std
    if "_gevent_original_socket" not in std.__dict__:
        std._gevent_original_socket = std.socket
    from gevent import socket as green
    for name in ("socket", "SocketType", "socketpair", "create_connection"):
        _patch("socket", name, getattr(green, name))


def patch_select(aggressive=True):
    from gevent import select as green
    _patch("select", "select", green.select)


def patch_all(socket=True, dns=True, time=True, select=True, thread=True, os=True,
              ssl=True, subprocess=True, sys=False, aggressive=True, Event=True,
              builtins=True, signal=True, queue=True, contextvars=True, **kwargs):
    if time:
        patch_time()
    if socket:
        patch_socket(dns=dns, aggressive=aggressive)
    if select:
        patch_select(aggressive=aggressive)
    return True
