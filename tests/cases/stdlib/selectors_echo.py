# A single-threaded echo server driven by a selector, with blocking clients
# in threads.
import selectors
import socket
import threading

sel = selectors.DefaultSelector()
print(isinstance(sel, selectors.BaseSelector), selectors.EVENT_READ, selectors.EVENT_WRITE)
srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen()
srv.setblocking(False)
key = sel.register(srv, selectors.EVENT_READ, data="listener")
print(key.fileobj is srv, key.fd == srv.fileno(), key.events, key.data)
print(sel.get_key(srv).data, len(sel.get_map()), srv in sel.get_map())

N = 5
replies = {}


def client(i):
    with socket.create_connection(srv.getsockname(), timeout=10) as c:
        c.sendall(b"msg %d" % i)
        replies[i] = c.recv(100)


threads = [threading.Thread(target=client, args=(i,)) for i in range(N)]
for t in threads:
    t.start()

done = 0
rounds = 0
while done < N and rounds < 1000:
    rounds += 1
    for key, events in sel.select(timeout=5):
        if key.data == "listener":
            conn, _ = srv.accept()
            conn.setblocking(False)
            sel.register(conn, selectors.EVENT_READ, data="conn")
        else:
            conn = key.fileobj
            data = conn.recv(100)
            if data:
                conn.sendall(data.upper())
            else:
                sel.unregister(conn)
                conn.close()
                done += 1
for t in threads:
    t.join(10)
print("replies", sorted(replies.items()))

try:
    sel.register(srv, selectors.EVENT_READ)
except KeyError as e:
    print("KeyError again")
try:
    sel.register(12345678, 0)
except ValueError as e:
    print(type(e).__name__, e)
key = sel.modify(srv, selectors.EVENT_READ, data="changed")
print(key.data, sel.get_key(srv).data)
sel.unregister(srv)
try:
    sel.get_key(srv)
except KeyError as e:
    print("KeyError", "is not registered" in str(e))
print(sel.select(0))
sel.close()
srv.close()

with selectors.SelectSelector() as s2:
    a, b = socket.socketpair()
    s2.register(a, selectors.EVENT_READ | selectors.EVENT_WRITE, 7)
    ready = s2.select(1)
    print([(k.data, ev) for k, ev in ready])
    b.send(b"x")
    ready = s2.select(1)
    print([(k.data, ev) for k, ev in ready])
    print(s2.select(0) != [])
    a.close()
    b.close()
