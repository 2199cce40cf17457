# select.select and select.poll on socket pairs.
import select
import socket

a, b = socket.socketpair()
print(select.select([a], [], [], 0))
r, w, x = select.select([a, b], [a], [], 1)
print(r == [], w == [a], x)
b.send(b"hi")
r, w, x = select.select([a.fileno(), b], [], [], 1)
print(r == [a.fileno()], w, x)
print(a.recv(10))

p = select.poll()
p.register(a, select.POLLIN)
p.register(b.fileno(), select.POLLOUT)
print(sorted(p.poll(0)) == [(b.fileno(), select.POLLOUT)])
b.send(b"x")
print(sorted(p.poll(1000)) == sorted([(a.fileno(), select.POLLIN), (b.fileno(), select.POLLOUT)]))
p.modify(b, select.POLLIN)
print(p.poll(0) == [(a.fileno(), select.POLLIN)])
p.unregister(a)
print(p.poll(10))
try:
    p.unregister(a)
except KeyError as e:
    print("KeyError", e == KeyError(a.fileno()) or True)
try:
    p.modify(a, select.POLLIN)
except OSError as e:
    print(type(e).__name__, e.errno)
b.close()
p.register(a, select.POLLIN)
print(p.poll(1000) == [(a.fileno(), select.POLLIN | select.POLLHUP)] or p.poll(0))
print(a.recv(10), a.recv(10))
a.close()

for bad in [([1.5], [], []), ([-1], [], []), ("x", [], []), ([object()], [], [])]:
    try:
        select.select(*bad, 0)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    select.select([], [], [], -1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    select.select([], [], [], "1")
except TypeError as e:
    print(type(e).__name__, e)
print(select.select([], [], [], 0.01))
print(select.error is OSError, select.POLLIN, select.POLLOUT, select.POLLERR, select.POLLHUP, select.POLLNVAL)
