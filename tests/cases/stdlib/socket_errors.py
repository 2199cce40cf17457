# Error paths: refused connections, timeouts, closed sockets, bad arguments.
import socket
import errno

def show(f, *args):
    try:
        r = f(*args)
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)

# A port nobody listens on: bind one, then close it.
tmp = socket.socket()
tmp.bind(("127.0.0.1", 0))
port = tmp.getsockname()[1]
tmp.close()

c = socket.socket()
c.settimeout(5)
try:
    c.connect(("127.0.0.1", port))
except ConnectionRefusedError as e:
    print(type(e).__name__, e.errno == errno.ECONNREFUSED, e.strerror)
c.close()
c = socket.socket()
print("connect_ex", c.connect_ex(("127.0.0.1", port)) == errno.ECONNREFUSED)
c.close()
try:
    socket.create_connection(("127.0.0.1", port), timeout=5)
except OSError as e:
    print("create_connection", type(e).__name__)

# Timeouts.
srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen()
srv.settimeout(0.05)
show(srv.accept)
print(srv.gettimeout())
c = socket.create_connection(srv.getsockname(), timeout=5)
conn, _ = srv.accept()
conn.settimeout(0.05)
show(conn.recv, 10)
conn.setblocking(False)
try:
    conn.recv(10)
except BlockingIOError as e:
    print(type(e).__name__, e)
show(conn.settimeout, -1)
show(conn.settimeout, "x")
show(socket.setdefaulttimeout, -2)
print(socket.getdefaulttimeout())

# Closed sockets.
c.close()
show(c.recv, 1)
show(c.send, b"x")
show(c.getsockname)
print("fileno", c.fileno())
c.close()
conn.close()
srv.close()

# Wrong argument types and values.
s = socket.socket()
show(s.connect, "x")
show(s.connect, ("a",))
show(s.connect, (1, 2))
show(s.connect, ("127.0.0.1", 70000))
show(s.connect, ("127.0.0.1", "80"))
show(s.send, "text")
show(s.recv, "x")
show(s.recv, -1)
show(s.bind, ("no.such.host.invalid", 0))
show(s.shutdown, 5)
show(s.setsockopt, socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
print(s.getsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE) != 0)
print(s.getsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF) > 0)
print(s.getsockopt(socket.SOL_SOCKET, socket.SO_TYPE) == socket.SOCK_STREAM)
show(s.getpeername)
s.close()
show(socket.socket, 12345)
show(socket.socket, "x")

# Module helpers.
print(socket.htons(1), socket.ntohs(256), socket.htonl(1), socket.ntohl(16777216))
show(socket.htons, -1)
show(socket.htons, 70000)
print(socket.inet_aton("127.0.0.1"), socket.inet_ntoa(b"\x0a\x00\x00\x01"))
show(socket.inet_aton, "300.1.1.1")
show(socket.inet_ntoa, b"\x01")
print(socket.inet_pton(socket.AF_INET6, "::1"))
print(socket.inet_ntop(socket.AF_INET6, b"\0" * 15 + b"\1"))
print(socket.gethostbyname("localhost"), socket.gethostbyname("10.1.2.3"))
show(socket.gethostbyname, "no.such.host.invalid")
print(isinstance(socket.gethostname(), str))
for info in socket.getaddrinfo("127.0.0.1", 80, type=socket.SOCK_STREAM):
    print(info[0] == socket.AF_INET, info[1] == socket.SOCK_STREAM, info[2], info[3], info[4])
print(len(socket.getaddrinfo("127.0.0.1", "8080")))
print([i[4] for i in socket.getaddrinfo("localhost", 80, socket.AF_INET, socket.SOCK_DGRAM)])
show(socket.getaddrinfo, "127.0.0.1", "http-alt-nope")
print(issubclass(socket.gaierror, OSError), socket.error is OSError, socket.timeout is TimeoutError)
print(socket.SHUT_RD, socket.SHUT_WR, socket.SHUT_RDWR, socket.AF_INET, socket.SOCK_DGRAM)
