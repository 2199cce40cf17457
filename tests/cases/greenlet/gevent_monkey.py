# gevent.monkey: cooperative time.sleep, sockets (a StreamServer echoing to 20 clients) and select.
from gevent import monkey
monkey.patch_all()
import socket, time, gevent
from gevent.server import StreamServer
def echo(sock, address):
    while True:
        data = sock.recv(1024)
        if not data:
            break
        sock.sendall(data.upper())
    sock.close()
server = StreamServer(("127.0.0.1", 0), echo)
server.start()
port = server.server_port
def client(i):
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(b"hello %d" % i)
    reply = s.recv(1024)
    s.close()
    return reply
jobs = [gevent.spawn(client, i) for i in range(20)]
gevent.joinall(jobs, timeout=10)
print(sorted(j.value for j in jobs)[:3], all(j.successful() for j in jobs))
server.stop()
start = time.monotonic()
gevent.joinall([gevent.spawn(time.sleep, 0.1) for _ in range(5)])
print("slept together", time.monotonic() - start < 0.4)
print(monkey.is_module_patched("time"), monkey.is_object_patched("socket", "socket"))
a, b = socket.socketpair()
def reader():
    return a.recv(10)
r = gevent.spawn(reader)
gevent.sleep(0.01)
print("reader waiting", not r.ready())
b.sendall(b"ping")
print(r.get(timeout=2))
a.settimeout(0.05)
try:
    a.recv(10)
except socket.timeout as e:
    print("timeout", e)
import select
print(select.select([a], [], [], 0.01))
b.sendall(b"x")
print(len(select.select([a], [], [], 1)[0]))
