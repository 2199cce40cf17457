# Greenlet switch ping-pong: two greenlets passing a counter back and forth.
# Needs the greenlet module: built into gilt; under CPython, the greenlet
# package (benches/greenlet.sh uses the virtual environment tests/regen_goldens.sh makes).
from greenlet import greenlet


def ping(n):
    v = 0
    while v < n:
        v = pong_g.switch(v + 1)
    return v


def pong():
    v = main_g.switch()
    while True:
        v = ping_g.switch(v + 1)


main_g = greenlet.getcurrent()
pong_g = greenlet(pong)
pong_g.switch()
ping_g = greenlet(ping)
print(ping_g.switch(400_000))
