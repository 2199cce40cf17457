"""StreamServer: accept connections in a greenlet and handle each in a new one."""

import socket as _std

from gevent import socket as _gsocket
from gevent.greenlet import Greenlet
from gevent.event import Event

__all__ = ["StreamServer"]


class StreamServer:
    """Listens on `listener` (an address or a socket) and calls
    `handle(socket, address)` in a new greenlet for each connection."""

    backlog = 256

    def __init__(self, listener, handle=None, backlog=None, spawn="default", **ssl_args):
        self._listener_arg = listener
        self.handle = handle
        if backlog is not None:
            self.backlog = backlog
        self.socket = None
        self._accepter = None
        self._stopped = Event()
        self._handlers = set()

    @property
    def address(self):
        if self.socket is not None:
            return self.socket.getsockname()
        return self._listener_arg

    @property
    def server_host(self):
        return self.address[0]

    @property
    def server_port(self):
        return self.address[1]

    @property
    def started(self):
        return self._accepter is not None

    def init_socket(self):
        if self.socket is not None:
            return
        if isinstance(self._listener_arg, tuple):
            sock = _gsocket.socket(_std.AF_INET, _std.SOCK_STREAM)
            sock.setsockopt(_std.SOL_SOCKET, _std.SO_REUSEADDR, 1)
            sock.bind(self._listener_arg)
            sock.listen(self.backlog)
        else:
            sock = self._listener_arg
            if not isinstance(sock, _gsocket.socket):
                sock = _gsocket.socket._wrap(sock._sock)
        self.socket = sock

    def start(self):
        self.init_socket()
        self._stopped.clear()
        self._accepter = Greenlet.spawn(self._accept_loop)

    def _accept_loop(self):
        while True:
            conn, address = self.socket.accept()
            g = Greenlet.spawn(self._handle_one, conn, address)
            self._handlers.add(g)

    def _handle_one(self, conn, address):
        try:
            self.handle(conn, address)
        finally:
            self._handlers.discard(__import__("greenlet").getcurrent())

    def serve_forever(self, stop_timeout=None):
        if not self.started:
            self.start()
        self._stopped.wait()

    def stop(self, timeout=None):
        if self._accepter is not None:
            self._accepter.kill(block=True)
            self._accepter = None
        if self.socket is not None:
            self.socket.close()
            self.socket = None
        self._stopped.set()

    close = stop

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *args):
        self.stop()
