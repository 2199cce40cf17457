"""Streams over sockets, as CPython's asyncio.streams: open_connection and
start_server give (StreamReader, StreamWriter) pairs; the reader buffers
what the transport receives, the writer hands bytes to the transport."""

import socket

from . import coroutines
from . import events
from . import exceptions
from . import tasks
from .transports import SocketTransport

__all__ = ("StreamReader", "StreamWriter", "open_connection", "start_server",
           "Server")

_DEFAULT_LIMIT = 2 ** 16


class StreamReader:
    """Bytes received on a connection, read with await."""

    def __init__(self, limit=_DEFAULT_LIMIT, loop=None):
        if limit <= 0:
            raise ValueError("Limit cannot be <= 0")
        self._limit = limit
        self._loop = events.get_event_loop() if loop is None else loop
        self._buffer = bytearray()
        self._eof = False
        self._waiter = None
        self._exception = None
        self._transport = None
        self._paused = False

    def __repr__(self):
        info = ["StreamReader"]
        if self._buffer:
            info.append(f"{len(self._buffer)} bytes")
        if self._eof:
            info.append("eof")
        if self._limit != _DEFAULT_LIMIT:
            info.append(f"limit={self._limit}")
        if self._exception:
            info.append(f"exception={self._exception!r}")
        return "<{}>".format(" ".join(info))

    def _set_transport(self, transport):
        self._transport = transport

    def exception(self):
        return self._exception

    def set_exception(self, exc):
        self._exception = exc
        waiter = self._waiter
        if waiter is not None:
            self._waiter = None
            if not waiter.cancelled():
                waiter.set_exception(exc)

    def _wakeup_waiter(self):
        waiter = self._waiter
        if waiter is not None:
            self._waiter = None
            if not waiter.cancelled():
                waiter.set_result(None)

    def feed_eof(self):
        self._eof = True
        self._wakeup_waiter()

    def at_eof(self):
        """True when the buffer is empty and the peer has closed."""
        return self._eof and not self._buffer

    def feed_data(self, data):
        if not data:
            return
        self._buffer.extend(data)
        self._wakeup_waiter()
        if (self._transport is not None and not self._paused
                and len(self._buffer) > 2 * self._limit):
            self._transport.pause_reading()
            self._paused = True

    def _maybe_resume_transport(self):
        if self._paused and len(self._buffer) <= self._limit:
            self._paused = False
            self._transport.resume_reading()

    async def _wait_for_data(self, func_name):
        if self._waiter is not None:
            raise RuntimeError(f"{func_name}() called while another coroutine is "
                               f"already waiting for incoming data")
        if self._paused:
            self._paused = False
            self._transport.resume_reading()
        self._waiter = self._loop.create_future()
        try:
            await self._waiter
        finally:
            self._waiter = None

    async def readline(self):
        """A line ending in b'\\n', or the partial rest at EOF."""
        sep = b"\n"
        try:
            return await self.readuntil(sep)
        except exceptions.IncompleteReadError as e:
            return e.partial
        except exceptions.LimitOverrunError as e:
            if self._buffer.startswith(sep, e.consumed):
                del self._buffer[:e.consumed + len(sep)]
            else:
                self._buffer.clear()
            self._maybe_resume_transport()
            raise ValueError(e.args[0])

    async def readuntil(self, separator=b"\n"):
        """Bytes up to and including `separator`; IncompleteReadError at EOF."""
        seplen = len(separator)
        if seplen == 0:
            raise ValueError("Separator should be at least one-byte string")
        if self._exception is not None:
            raise self._exception
        offset = 0
        while True:
            buflen = len(self._buffer)
            if buflen - offset >= seplen:
                isep = self._buffer.find(separator, offset)
                if isep != -1:
                    break
                offset = buflen + 1 - seplen
                if offset > self._limit:
                    raise exceptions.LimitOverrunError(
                        "Separator is not found, and chunk exceed the limit", offset)
            if self._eof:
                chunk = bytes(self._buffer)
                self._buffer.clear()
                raise exceptions.IncompleteReadError(chunk, None)
            await self._wait_for_data("readuntil")
        if isep > self._limit:
            raise exceptions.LimitOverrunError(
                "Separator is found, but chunk is longer than limit", isep)
        chunk = bytes(self._buffer[:isep + seplen])
        del self._buffer[:isep + seplen]
        self._maybe_resume_transport()
        return chunk

    async def read(self, n=-1):
        """Up to n bytes (all until EOF when n < 0); b'' at EOF."""
        if self._exception is not None:
            raise self._exception
        if n == 0:
            return b""
        if n < 0:
            blocks = []
            while True:
                block = await self.read(self._limit)
                if not block:
                    break
                blocks.append(block)
            return b"".join(blocks)
        if not self._buffer and not self._eof:
            await self._wait_for_data("read")
        data = bytes(self._buffer[:n])
        del self._buffer[:n]
        self._maybe_resume_transport()
        return data

    async def readexactly(self, n):
        """Exactly n bytes; IncompleteReadError if EOF comes first."""
        if n < 0:
            raise ValueError("readexactly size can not be less than zero")
        if self._exception is not None:
            raise self._exception
        if n == 0:
            return b""
        while len(self._buffer) < n:
            if self._eof:
                incomplete = bytes(self._buffer)
                self._buffer.clear()
                raise exceptions.IncompleteReadError(incomplete, n)
            await self._wait_for_data("readexactly")
        data = bytes(self._buffer[:n])
        del self._buffer[:n]
        self._maybe_resume_transport()
        return data

    def __aiter__(self):
        return self

    async def __anext__(self):
        line = await self.readline()
        if line == b"":
            raise StopAsyncIteration
        return line


class StreamWriter:
    """Writes to a connection; drain() waits for the buffer to empty."""

    def __init__(self, transport, protocol, reader, loop):
        self._transport = transport
        self._protocol = protocol
        self._reader = reader
        self._loop = loop

    def __repr__(self):
        info = [self.__class__.__name__, f"transport={self._transport!r}"]
        if self._reader is not None:
            info.append(f"reader={self._reader!r}")
        return "<{}>".format(" ".join(info))

    @property
    def transport(self):
        return self._transport

    def write(self, data):
        self._transport.write(data)

    def writelines(self, data):
        for chunk in data:
            self._transport.write(chunk)

    def write_eof(self):
        return self._transport.write_eof()

    def can_write_eof(self):
        return self._transport.can_write_eof()

    def close(self):
        return self._transport.close()

    def is_closing(self):
        return self._transport.is_closing()

    async def wait_closed(self):
        await self._transport._closed

    def get_extra_info(self, name, default=None):
        return self._transport.get_extra_info(name, default)

    async def drain(self):
        """Wait until the transport's buffer is small enough to write more."""
        if self._reader is not None:
            exc = self._reader.exception()
            if exc is not None:
                raise exc
        if self._transport.is_closing():
            await tasks.sleep(0)
        await self._transport._drain()


def _family_of(host):
    return socket.AF_INET6 if host is not None and ":" in host else socket.AF_INET


def _resolve(host):
    if host in (None, "", "localhost"):
        return "127.0.0.1"
    return host


async def open_connection(host=None, port=None, *, limit=_DEFAULT_LIMIT, **kwds):
    """Connect to (host, port); return (StreamReader, StreamWriter)."""
    loop = events.get_running_loop()
    host = _resolve(host)
    sock = socket.socket(_family_of(host), socket.SOCK_STREAM)
    sock.setblocking(False)
    try:
        await loop.sock_connect(sock, (host, port))
    except BaseException:
        sock.close()
        raise
    reader = StreamReader(limit=limit, loop=loop)
    transport = SocketTransport(loop, sock, reader)
    return reader, StreamWriter(transport, None, reader, loop)


class Server:
    """Listening sockets that hand each accepted connection to a callback."""

    def __init__(self, loop, sockets, client_connected_cb, limit, backlog):
        self._loop = loop
        self._sockets = sockets
        self._callback = client_connected_cb
        self._limit = limit
        self._backlog = backlog
        self._serving = False
        self._serving_forever_fut = None

    def __repr__(self):
        return f"<{self.__class__.__name__} sockets={self.sockets!r}>"

    def get_loop(self):
        return self._loop

    @property
    def sockets(self):
        if self._sockets is None:
            return ()
        return tuple(self._sockets)

    def is_serving(self):
        return self._serving

    def _start_serving(self):
        if self._serving:
            return
        self._serving = True
        for sock in self._sockets:
            sock.listen(self._backlog)
            self._loop._add_reader(sock.fileno(), self._accept_ready, sock)

    async def start_serving(self):
        self._start_serving()
        await tasks.sleep(0)

    def _accept_ready(self, sock):
        for _ in range(self._backlog):
            try:
                conn, _addr = sock.accept()
            except (BlockingIOError, InterruptedError, ConnectionAbortedError):
                return
            except OSError as exc:
                self._loop.call_exception_handler({
                    "message": "socket.accept() out of system resource",
                    "exception": exc,
                    "socket": sock,
                })
                return
            conn.setblocking(False)
            self._connection_made(conn)

    def _connection_made(self, conn):
        loop = self._loop
        reader = StreamReader(limit=self._limit, loop=loop)
        transport = SocketTransport(loop, conn, reader)
        writer = StreamWriter(transport, None, reader, loop)
        res = self._callback(reader, writer)
        if coroutines.iscoroutine(res):
            task = loop.create_task(res)
            task.add_done_callback(lambda t: _report_callback_error(t, transport))

    def close(self):
        """Stop listening and close the listening sockets."""
        sockets = self._sockets
        if sockets is None:
            return
        self._sockets = None
        for sock in sockets:
            self._loop._remove_reader(sock.fileno())
            sock.close()
        self._serving = False
        fut = self._serving_forever_fut
        if fut is not None and not fut.done():
            fut.cancel()
            self._serving_forever_fut = None

    async def wait_closed(self):
        if self._sockets is None:
            return
        waiter = self._loop.create_future()
        await waiter

    async def serve_forever(self):
        """Accept connections until cancelled or closed."""
        if self._serving_forever_fut is not None:
            raise RuntimeError(f"server {self!r} is already being awaited on serve_forever()")
        if self._sockets is None:
            raise RuntimeError(f"server {self!r} is closed")
        self._start_serving()
        self._serving_forever_fut = self._loop.create_future()
        try:
            await self._serving_forever_fut
        except exceptions.CancelledError:
            try:
                self.close()
                await self.wait_closed()
            finally:
                raise
        finally:
            self._serving_forever_fut = None

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        self.close()
        await self.wait_closed()


def _report_callback_error(task, transport):
    if task.cancelled():
        return
    exc = task.exception()
    if exc is not None:
        task.get_loop().call_exception_handler({
            "message": "Unhandled exception in client_connected_cb",
            "exception": exc,
            "transport": transport,
        })
        transport.close()


async def start_server(client_connected_cb, host=None, port=None, *,
                       limit=_DEFAULT_LIMIT, backlog=100, reuse_address=True,
                       start_serving=True, **kwds):
    """Listen on (host, port); call client_connected_cb(reader, writer) for
    each connection (a coroutine function's result runs as a task)."""
    loop = events.get_running_loop()
    host = "0.0.0.0" if host in (None, "") else _resolve(host)
    sock = socket.socket(_family_of(host), socket.SOCK_STREAM)
    try:
        if reuse_address:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port or 0))
        sock.setblocking(False)
    except BaseException:
        sock.close()
        raise
    server = Server(loop, [sock], client_connected_cb, limit, backlog)
    if start_serving:
        server._start_serving()
        await tasks.sleep(0)
    return server
