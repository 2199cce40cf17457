"""Cooperative sockets: the operations that would block wait in the hub for
readiness instead, so other greenlets run meanwhile."""

import errno as _errno
import os as _os
import selectors as _selectors
import socket as _stdsocket
from socket import *  # noqa: F401,F403 -- the constants and helpers callers expect

from gevent.hub import _wait_io

# The standard class, kept before any monkey-patching replaces it.
_real_socket = _stdsocket.__dict__.get("_gevent_original_socket", _stdsocket.socket)
_READ = _selectors.EVENT_READ
_WRITE = _selectors.EVENT_WRITE

__all__ = ["socket", "create_connection", "socketpair", "wait_read", "wait_write"]


def wait_read(fileno, timeout=None, timeout_exc=None):
    _wait_io(fileno, _READ, timeout, timeout_exc)


def wait_write(fileno, timeout=None, timeout_exc=None, event=None):
    _wait_io(fileno, _WRITE, timeout, timeout_exc)


class socket(_real_socket):
    """A socket whose blocking operations yield to other greenlets. Its
    descriptor is always non-blocking; its timeout is kept here."""

    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        _real_socket.__init__(self, family, type, proto, fileno)
        self._gtimeout = _stdsocket.getdefaulttimeout()
        self._sock.setblocking(False)

    @classmethod
    def _wrap(cls, native):
        sock = super(socket, cls)._wrap(native)
        sock._gtimeout = _stdsocket.getdefaulttimeout()
        native.setblocking(False)
        return sock

    def settimeout(self, value):
        if value is not None:
            value = float(value)
            if value < 0:
                raise ValueError("Timeout value out of range")
        self._gtimeout = value

    def gettimeout(self):
        return self._gtimeout

    @property
    def timeout(self):
        return self._gtimeout

    def setblocking(self, flag):
        self._gtimeout = None if flag else 0.0

    def getblocking(self):
        return self._gtimeout != 0.0

    def _io(self, events, op, *args):
        while True:
            try:
                return op(*args)
            except BlockingIOError:
                if self._gtimeout == 0.0:
                    raise
                _wait_io(self.fileno(), events, self._gtimeout,
                         _stdsocket.timeout("timed out"))

    def recv(self, *args):
        return self._io(_READ, self._sock.recv, *args)

    def recv_into(self, *args):
        return self._io(_READ, self._sock.recv_into, *args)

    def recvfrom(self, *args):
        return self._io(_READ, self._sock.recvfrom, *args)

    def recvfrom_into(self, *args):
        return self._io(_READ, self._sock.recvfrom_into, *args)

    def send(self, *args):
        return self._io(_WRITE, self._sock.send, *args)

    def sendto(self, *args):
        return self._io(_WRITE, self._sock.sendto, *args)

    def sendall(self, data, flags=0):
        data = bytes(data)
        while data:
            sent = self.send(data, flags)
            data = data[sent:]

    def accept(self):
        native, address = self._io(_READ, self._sock._accept)
        return type(self)._wrap(native), address

    def connect_ex(self, address):
        err = self._sock.connect_ex(address)
        if err in (_errno.EINPROGRESS, _errno.EWOULDBLOCK, _errno.EAGAIN):
            try:
                _wait_io(self.fileno(), _WRITE, self._gtimeout, _stdsocket.timeout("timed out"))
            except _stdsocket.timeout:
                return _errno.EAGAIN
            err = self.getsockopt(_stdsocket.SOL_SOCKET, _stdsocket.SO_ERROR)
        return err

    def connect(self, address):
        if self._gtimeout == 0.0:
            return self._sock.connect(address)
        err = self._sock.connect_ex(address)
        if err in (_errno.EINPROGRESS, _errno.EWOULDBLOCK, _errno.EAGAIN):
            _wait_io(self.fileno(), _WRITE, self._gtimeout, _stdsocket.timeout("timed out"))
            err = self.getsockopt(_stdsocket.SOL_SOCKET, _stdsocket.SO_ERROR)
        if err:
            raise OSError(err, _os.strerror(err))


SocketType = socket


def socketpair(family=AF_UNIX, type=SOCK_STREAM, proto=0):  # noqa: F405
    a, b = _stdsocket._socket.socketpair(family, type, proto)
    return socket._wrap(a), socket._wrap(b)


def create_connection(address, timeout=_stdsocket._GLOBAL_DEFAULT_TIMEOUT,
                      source_address=None, *, all_errors=False):
    host, port = address
    last = None
    for af, socktype, proto, canonname, sa in getaddrinfo(host, port, 0, SOCK_STREAM):  # noqa: F405
        sock = None
        try:
            sock = socket(af, socktype, proto)
            if timeout is not _stdsocket._GLOBAL_DEFAULT_TIMEOUT:
                sock.settimeout(timeout)
            if source_address:
                sock.bind(source_address)
            sock.connect(sa)
            return sock
        except OSError as exc:
            last = exc
            if sock is not None:
                sock.close()
    if last is not None:
        raise last
    raise OSError("getaddrinfo returns an empty list")
