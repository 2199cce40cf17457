"""Sockets, as CPython's socket module: the class wraps a `_socket.socket`
and adds what CPython writes in Python (accept, makefile, the context
manager, the repr), plus name lookup for numeric hosts and 'localhost'."""

import _socket
from _socket import *

error = OSError
timeout = TimeoutError

_GLOBAL_DEFAULT_TIMEOUT = object()

# Methods that go straight to the native socket.
_PASSED = (
    "bind", "listen", "connect", "connect_ex", "send", "sendall", "sendto",
    "recv", "recv_into", "recvfrom", "shutdown", "fileno", "settimeout",
    "gettimeout", "setblocking", "getblocking", "getsockname", "getpeername",
    "setsockopt", "getsockopt",
)


class socket:
    """A network socket: a descriptor with a family, a type and a timeout."""

    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        self._sock = _socket.socket(family, type, proto, fileno)
        self._io_refs = 0
        self._closed = False

    @classmethod
    def _wrap(cls, native):
        sock = cls.__new__(cls)
        sock._sock = native
        sock._io_refs = 0
        sock._closed = False
        return sock

    @property
    def family(self):
        return self._sock._kind()[0]

    @property
    def type(self):
        return self._sock._kind()[1]

    @property
    def proto(self):
        return self._sock._kind()[2]

    @property
    def timeout(self):
        return self._sock.gettimeout()

    def __enter__(self):
        return self

    def __exit__(self, *args):
        if not self._closed:
            self.close()

    def __repr__(self):
        closed = self._closed
        text = "<%s.%s%s fd=%i, family=%s, type=%s, proto=%i" % (
            type(self).__module__, type(self).__qualname__,
            " [closed]" if closed else "", self.fileno(),
            self.family, self.type, self.proto)
        if not closed:
            try:
                laddr = self.getsockname()
                if laddr:
                    text += ", laddr=%s" % str(laddr)
            except OSError:
                pass
            try:
                raddr = self.getpeername()
                if raddr:
                    text += ", raddr=%s" % str(raddr)
            except OSError:
                pass
        return text + ">"

    def __getstate__(self):
        raise TypeError(f"cannot pickle {type(self).__name__!r} object")

    def accept(self):
        """Wait for a connection: (new socket, address of the peer)."""
        native, address = self._sock._accept()
        return type(self)._wrap(native), address

    def makefile(self, mode="r", buffering=None, *, encoding=None,
                 errors=None, newline=None):
        """A file object reading and/or writing this socket."""
        if not set(mode) <= {"r", "w", "b"}:
            raise ValueError("invalid mode %r (only r, w, b allowed)" % (mode,))
        reading = "r" in mode
        writing = "w" in mode
        if not reading and not writing:
            reading = True
        binary = "b" in mode
        if binary and encoding is not None:
            raise ValueError("binary mode doesn't take an encoding argument")
        self._io_refs += 1
        return SocketFile(self, reading, writing, binary,
                          encoding or "utf-8", errors or "strict", mode)

    def _decref_socketios(self):
        if self._io_refs > 0:
            self._io_refs -= 1
        if self._closed:
            self.close()

    def dup(self):
        """A new socket over a duplicate of the descriptor."""
        return type(self)._wrap(self._sock.dup())

    def close(self):
        """Close the socket (once every file made by makefile is closed)."""
        self._closed = True
        if self._io_refs <= 0:
            self._sock.close()

    def detach(self):
        """Give up the descriptor without closing it; its number."""
        self._closed = True
        return self._sock.detach()


def _passed(name):
    def method(self, *args, **kwargs):
        return getattr(self._sock, name)(*args, **kwargs)
    method.__name__ = name
    method.__qualname__ = "socket." + name
    return method


for _name in _PASSED:
    setattr(socket, _name, _passed(_name))
del _name

SocketType = socket


class SocketFile:
    """What socket.makefile returns: reads are buffered until a line or
    the asked size is complete; writes are sent on flush() and close()."""

    def __init__(self, sock, reading, writing, binary, encoding, errors, mode):
        self._sock = sock
        self._reading = reading
        self._writing = writing
        self._binary = binary
        self._encoding = encoding
        self._errors = errors
        self.mode = mode
        self._in = bytearray()
        self._out = bytearray()
        self._eof = False
        self.closed = False

    def __repr__(self):
        return "<socket.SocketFile mode=%r>" % (self.mode,)

    def fileno(self):
        return self._sock.fileno()

    def readable(self):
        return self._reading

    def writable(self):
        return self._writing

    def _check(self, reading):
        if self.closed:
            raise ValueError("I/O operation on closed file.")
        if reading and not self._reading:
            raise OSError("File not open for reading")
        if not reading and not self._writing:
            raise OSError("File not open for writing")

    def _fill(self):
        if self._eof:
            return False
        chunk = self._sock.recv(8192)
        if not chunk:
            self._eof = True
            return False
        self._in += chunk
        return True

    def _out_value(self, data):
        if self._binary:
            return bytes(data)
        return bytes(data).decode(self._encoding, self._errors)

    def read(self, size=-1):
        self._check(True)
        if size is None or size < 0:
            while self._fill():
                pass
            size = len(self._in)
        else:
            while len(self._in) < size and self._fill():
                pass
        data = self._in[:size]
        del self._in[:size]
        return self._out_value(data)

    def readline(self, size=-1):
        self._check(True)
        while b"\n" not in self._in and self._fill():
            pass
        end = self._in.find(b"\n")
        end = len(self._in) if end < 0 else end + 1
        if size is not None and size >= 0:
            end = min(end, size)
        data = self._in[:end]
        del self._in[:end]
        return self._out_value(data)

    def readlines(self):
        lines = []
        while True:
            line = self.readline()
            if not line:
                return lines
            lines.append(line)

    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def write(self, data):
        self._check(False)
        if self._binary:
            if isinstance(data, str):
                raise TypeError("a bytes-like object is required, not 'str'")
            self._out += data
        else:
            if not isinstance(data, str):
                raise TypeError("write() argument must be str, not %s"
                                % type(data).__name__)
            self._out += data.encode(self._encoding, self._errors)
        return len(data)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def flush(self):
        if self.closed:
            raise ValueError("I/O operation on closed file.")
        if self._out:
            data = bytes(self._out)
            self._out.clear()
            self._sock.sendall(data)

    def close(self):
        if self.closed:
            return
        try:
            if self._writing:
                self.flush()
        finally:
            self.closed = True
            self._sock._decref_socketios()

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()


def fromfd(fd, family, type, proto=0):
    """A socket over descriptor `fd` (the descriptor is shared)."""
    return socket(family, type, proto, fd)


def socketpair(family=AF_UNIX, type=SOCK_STREAM, proto=0):
    """Two connected sockets."""
    a, b = _socket.socketpair(family, type, proto)
    return socket._wrap(a), socket._wrap(b)


def _numeric(host, family):
    """The families `host` is a numeric address of, as (family, text)."""
    found = []
    for fam in (AF_INET, AF_INET6):
        if family not in (AF_UNSPEC, fam):
            continue
        try:
            inet_pton(fam, host)
        except OSError:
            continue
        found.append((fam, host))
    return found


def _hosts(host, family, flags):
    if host is None:
        if flags & AI_PASSIVE:
            return [(f, a) for f, a in ((AF_INET, "0.0.0.0"), (AF_INET6, "::"))
                    if family in (AF_UNSPEC, f)][:1 if family == AF_UNSPEC else 2]
        return [(f, a) for f, a in ((AF_INET, "127.0.0.1"), (AF_INET6, "::1"))
                if family in (AF_UNSPEC, f)][:1 if family == AF_UNSPEC else 2]
    if isinstance(host, (bytes, bytearray)):
        host = host.decode("idna")
    if not isinstance(host, str):
        raise TypeError("getaddrinfo() argument 1 must be string or None")
    if host == "localhost":
        if family == AF_INET6:
            return [(AF_INET6, "::1")]
        if family in (AF_UNSPEC, AF_INET):
            return [(AF_INET, "127.0.0.1")]
        raise gaierror(-6, "ai_family not supported")
    if host == "":
        raise gaierror(-2, "Name or service not known")
    found = _numeric(host, family)
    if found:
        return found
    if family != AF_UNSPEC and _numeric(host, AF_UNSPEC):
        raise gaierror(-9, "Address family for hostname not supported")
    raise gaierror(-2, "Name or service not known")


def getaddrinfo(host, port, family=0, type=0, proto=0, flags=0):
    """Addresses for (host, port): a list of (family, type, proto,
    canonname, sockaddr). Hosts are numeric addresses and 'localhost'."""
    if port is None:
        port = 0
    elif isinstance(port, (str, bytes)):
        text = port.decode() if isinstance(port, bytes) else port
        if not text.isdigit():
            raise gaierror(-8, "Servname not supported for ai_socktype")
        port = int(text)
    elif not isinstance(port, int):
        raise OSError("Int or String expected")
    if family not in (AF_UNSPEC, AF_INET, AF_INET6):
        raise gaierror(-6, "ai_family not supported")
    kinds = [(SOCK_STREAM, IPPROTO_TCP), (SOCK_DGRAM, IPPROTO_UDP), (SOCK_RAW, 0)]
    if type:
        kinds = [(t, p) for t, p in kinds if t == type] or [(type, proto)]
    if proto:
        kinds = [(t, proto) for t, p in kinds if p in (proto, 0)]
    out = []
    for fam, addr in _hosts(host, family, flags):
        sockaddr = (addr, port) if fam == AF_INET else (addr, port, 0, 0)
        for t, p in kinds:
            out.append((fam, t, p, "", sockaddr))
    return out


def gethostbyname(hostname):
    """The IPv4 address of a numeric host or 'localhost'."""
    if not isinstance(hostname, str):
        raise TypeError("gethostbyname() argument 1 must be str, bytes or "
                        "bytearray, not %s" % type(hostname).__name__)
    if hostname == "":
        return "0.0.0.0"
    return _hosts(hostname, AF_INET, 0)[0][1]


def getfqdn(name=""):
    """The host's name (no DNS lookup)."""
    name = name.strip()
    if not name or name == "0.0.0.0":
        return gethostname()
    return name


def create_connection(address, timeout=_GLOBAL_DEFAULT_TIMEOUT,
                      source_address=None, *, all_errors=False):
    """Connect to (host, port) over TCP, trying each address in turn; the
    connected socket."""
    host, port = address
    exceptions = []
    for af, socktype, proto, canonname, sa in getaddrinfo(host, port, 0, SOCK_STREAM):
        sock = None
        try:
            sock = socket(af, socktype, proto)
            if timeout is not _GLOBAL_DEFAULT_TIMEOUT:
                sock.settimeout(timeout)
            if source_address:
                sock.bind(source_address)
            sock.connect(sa)
            exceptions.clear()
            return sock
        except OSError as exc:
            if not all_errors:
                exceptions.clear()
            exceptions.append(exc)
            if sock is not None:
                sock.close()
    if exceptions:
        try:
            raise exceptions[0]
        finally:
            exceptions.clear()
    raise OSError("getaddrinfo returns an empty list")


def has_dualstack_ipv6():
    return False


def create_server(address, *, family=AF_INET, backlog=None, reuse_port=False,
                  dualstack_ipv6=False):
    """A listening TCP socket bound to `address`."""
    if dualstack_ipv6:
        raise ValueError("dualstack_ipv6 not supported on this platform")
    sock = socket(family, SOCK_STREAM)
    try:
        sock.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)
        if reuse_port:
            raise ValueError("SO_REUSEPORT not supported on this platform")
        try:
            sock.bind(address)
        except OSError as err:
            msg = "%s (while attempting to bind on address %r)" % (err.strerror, address)
            raise OSError(err.errno, msg) from None
        if backlog is None:
            sock.listen()
        else:
            sock.listen(backlog)
        return sock
    except BaseException:
        sock.close()
        raise
