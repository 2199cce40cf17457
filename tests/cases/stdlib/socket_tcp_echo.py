# A TCP echo server in a thread serving many clients, one connection each.
import socket
import threading

srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
print("reuseaddr", srv.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) != 0)
srv.bind(("127.0.0.1", 0))
srv.listen(16)
srv.settimeout(10)
host, port = srv.getsockname()
print("bound", host, port > 0)
print("family", srv.family == socket.AF_INET, srv.type == socket.SOCK_STREAM, srv.proto)
r = repr(srv)
print(r.startswith("<socket.socket fd="), "family=2, type=1, proto=0, laddr=('127.0.0.1', " in r)

CLIENTS = 8
served = []


def handle(conn):
    with conn:
        conn.settimeout(10)
        total = b""
        while True:
            data = conn.recv(7)
            if not data:
                break
            total += data
            conn.sendall(data.upper())
        served.append(len(total))


def serve():
    workers = []
    for _ in range(CLIENTS):
        conn, addr = srv.accept()
        assert addr[0] == "127.0.0.1"
        t = threading.Thread(target=handle, args=(conn,))
        t.start()
        workers.append(t)
    for t in workers:
        t.join(10)


server = threading.Thread(target=serve)
server.start()

results = {}


def client(i):
    with socket.create_connection(("127.0.0.1", port), timeout=10) as c:
        c.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        msg = ("client %d says hello " % i).encode() * (i + 1)
        c.sendall(msg)
        c.shutdown(socket.SHUT_WR)
        got = b""
        while True:
            data = c.recv(1024)
            if not data:
                break
            got += data
        results[i] = got == msg.upper()


clients = [threading.Thread(target=client, args=(i,)) for i in range(CLIENTS)]
for t in clients:
    t.start()
for t in clients:
    t.join(10)
server.join(10)
print("results", sorted(results.items()))
print("served", sorted(served))

# makefile over a connection: lines in, lines out.
def line_server():
    conn, _ = srv.accept()
    with conn, conn.makefile("rb") as rf, conn.makefile("wb") as wf:
        for line in rf:
            wf.write(b"> " + line)
            wf.flush()


t = threading.Thread(target=line_server)
t.start()
c = socket.create_connection(("localhost", port), timeout=10)
print("peer", c.getpeername() == ("127.0.0.1", port))
rf = c.makefile("r", encoding="utf-8")
wf = c.makefile("w")
for word in ["alpha", "beta", "gamma"]:
    wf.write(word + "\n")
    wf.flush()
    print(repr(rf.readline()))
wf.close()
c.shutdown(socket.SHUT_WR)
print(repr(rf.read()))
rf.close()
c.close()
t.join(10)

# recv_into and connect_ex.
t = threading.Thread(target=lambda: srv.accept()[0].sendall(b"0123456789"))
t.start()
c = socket.socket()
c.settimeout(10)
print("connect_ex", c.connect_ex(("127.0.0.1", port)))
buf = bytearray(4)
print("recv_into", c.recv_into(buf), buf)
print("recv_into nbytes", c.recv_into(buf, 2), buf)
t.join(10)
c.close()
srv.close()
print(srv)
