# socketpair, AF_UNIX path sockets, detach/fileno adoption.
import os
import socket
import threading

a, b = socket.socketpair()
print(a.family == socket.AF_UNIX, a.type == socket.SOCK_STREAM)
a.settimeout(5)
b.settimeout(5)
a.sendall(b"over the pair")
print(b.recv(100))
b.send(b"back")
print(a.recv(100))
print("names", a.getsockname(), b.getpeername())
a.close()
print("eof", b.recv(10))
b.close()

# Datagram pair.
a, b = socket.socketpair(socket.AF_UNIX, socket.SOCK_DGRAM)
a.send(b"one")
a.send(b"two")
print(b.recv(10), b.recv(10))
a.close()
b.close()

# A listening socket at a path.
path = "/tmp/gilt_sock_test_%d" % os.getpid()
try:
    os.unlink(path)
except OSError:
    pass
srv = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
srv.bind(path)
srv.listen()
srv.settimeout(10)
print("bound", srv.getsockname() == path)


def serve():
    conn, addr = srv.accept()
    with conn:
        print("accepted from", repr(addr))
        conn.sendall(conn.recv(100)[::-1])


t = threading.Thread(target=serve)
t.start()
c = socket.socket(socket.AF_UNIX)
c.settimeout(10)
c.connect(path)
c.sendall(b"stressed")
print(c.recv(100))
t.join(10)
c.close()
srv.close()
os.unlink(path)

# Abstract names start with a NUL byte.
name = b"\0gilt_abstract_%d" % os.getpid()
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(name)
print("abstract", s.getsockname() == name)
s.close()

# detach gives up the descriptor; a new socket adopts it.
a, b = socket.socketpair()
fd = a.detach()
print("detached", fd >= 0, a.fileno())
a2 = socket.socket(fileno=fd)
print("adopted", a2.fileno() == fd, a2.family == socket.AF_UNIX)
a2.sendall(b"still open")
b.settimeout(5)
print(b.recv(100))
a2.close()
b.close()

# dup shares the connection; closing one copy leaves the other open.
a, b = socket.socketpair()
c = a.dup()
print("dup", c.fileno() != a.fileno(), c.family == a.family)
a.close()
c.sendall(b"via dup")
b.settimeout(5)
print(b.recv(20))
c.close()
print("eof", b.recv(20))
b.close()
s = socket.socket()
s.close()
print("connect_ex on closed", s.connect_ex(("127.0.0.1", 1)))
