"""The socket transport under streams: moves bytes between a non-blocking
stream socket and a StreamReader (reads, on readability) and an outgoing
buffer (writes, on writability), as CPython's _SelectorSocketTransport
does for its protocol."""

import collections
import socket

__all__ = ("SocketTransport",)

_MAX_READ = 256 * 1024
_HIGH_WATER = 64 * 1024
_LOW_WATER = _HIGH_WATER // 4


class SocketTransport:
    """One connected, non-blocking stream socket registered with a loop."""

    def __init__(self, loop, sock, reader):
        self._loop = loop
        self._sock = sock
        self._fd = sock.fileno()
        self._reader = reader
        self._buffer = bytearray()
        self._closing = False
        self._eof_pending = False
        self._reading = True
        self._drain_waiters = collections.deque()
        self._closed = loop.create_future()
        self._extra = {"socket": sock}
        for key, getter in (("sockname", sock.getsockname), ("peername", sock.getpeername)):
            try:
                self._extra[key] = getter()
            except OSError:
                self._extra[key] = None
        try:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        except (AttributeError, OSError):
            pass
        reader._set_transport(self)
        loop._add_reader(self._fd, self._read_ready)

    def __repr__(self):
        state = "closing" if self._closing else "open"
        return f"<SocketTransport fd={self._fd} {state}>"

    def get_extra_info(self, name, default=None):
        return self._extra.get(name, default)

    def is_closing(self):
        return self._closing

    def get_write_buffer_size(self):
        return len(self._buffer)

    # Reading.

    def _read_ready(self):
        try:
            data = self._sock.recv(_MAX_READ)
        except (BlockingIOError, InterruptedError):
            return
        except OSError as exc:
            self._fatal(exc)
            return
        if data:
            self._reader.feed_data(data)
        else:
            self._loop._remove_reader(self._fd)
            self._reading = False
            self._reader.feed_eof()

    def pause_reading(self):
        if self._reading and not self._closing:
            self._reading = False
            self._loop._remove_reader(self._fd)

    def resume_reading(self):
        if not self._reading and not self._closing and not self._reader._eof:
            self._reading = True
            self._loop._add_reader(self._fd, self._read_ready)

    # Writing.

    def write(self, data):
        """Send `data` now as far as the socket takes it; buffer the rest."""
        if not isinstance(data, (bytes, bytearray)):
            raise TypeError(f"data argument must be a bytes-like object, "
                            f"not {type(data).__name__!r}")
        if self._eof_pending:
            raise RuntimeError("Cannot call write() after write_eof()")
        if not data or self._closing:
            return
        if not self._buffer:
            try:
                n = self._sock.send(data)
            except (BlockingIOError, InterruptedError):
                n = 0
            except OSError as exc:
                self._fatal(exc)
                return
            if n == len(data):
                return
            data = data[n:]
            self._loop._add_writer(self._fd, self._write_ready)
        self._buffer.extend(data)

    def _write_ready(self):
        try:
            n = self._sock.send(self._buffer)
        except (BlockingIOError, InterruptedError):
            return
        except OSError as exc:
            self._loop._remove_writer(self._fd)
            self._buffer.clear()
            self._fatal(exc)
            return
        del self._buffer[:n]
        if len(self._buffer) <= _LOW_WATER:
            self._wake_drainers(None)
        if not self._buffer:
            self._loop._remove_writer(self._fd)
            if self._closing:
                self._finish_close(None)
            elif self._eof_pending:
                self._shutdown_write()

    def write_eof(self):
        if self._closing or self._eof_pending:
            return
        self._eof_pending = True
        if not self._buffer:
            self._shutdown_write()

    def _shutdown_write(self):
        try:
            self._sock.shutdown(socket.SHUT_WR)
        except OSError:
            pass

    def can_write_eof(self):
        return True

    async def _drain(self):
        """Wait until the outgoing buffer is below the low-water mark."""
        if len(self._buffer) <= _HIGH_WATER:
            return
        waiter = self._loop.create_future()
        self._drain_waiters.append(waiter)
        await waiter

    def _wake_drainers(self, exc):
        while self._drain_waiters:
            waiter = self._drain_waiters.popleft()
            if not waiter.done():
                if exc is None:
                    waiter.set_result(None)
                else:
                    waiter.set_exception(exc)

    # Closing.

    def close(self):
        """Stop reading; close the socket once the buffer is sent."""
        if self._closing:
            return
        self._closing = True
        self._loop._remove_reader(self._fd)
        if not self._buffer:
            self._loop.call_soon(self._finish_close, None)

    def abort(self):
        self._fatal(None)

    def _fatal(self, exc):
        self._buffer.clear()
        self._loop._remove_writer(self._fd)
        if not self._closing:
            self._closing = True
            self._loop._remove_reader(self._fd)
        if exc is not None:
            self._reader.set_exception(exc)
        self._loop.call_soon(self._finish_close, exc)

    def _finish_close(self, exc):
        if self._closed.done():
            return
        self._sock.close()
        if exc is None:
            self._reader.feed_eof()
        self._wake_drainers(exc if exc is not None else ConnectionResetError("Connection lost"))
        self._closed.set_result(None)
