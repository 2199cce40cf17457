# atexit: callbacks run last-first after the threads finish, even on sys.exit.
import atexit, sys
base = atexit._ncallbacks()
def bye(who, punct="!"):
    print("bye", who + punct)
atexit.register(bye, "first")
atexit.register(bye, "second", punct="?")
@atexit.register
def deco():
    print("decorated")
def bad():
    raise ValueError("in exit func")
atexit.register(bad)
def never():
    print("never")
atexit.register(never)
print(atexit._ncallbacks() - base)
atexit.unregister(never)
try:
    atexit.register(5)
except TypeError as e:
    print(e)
import threading
def late():
    atexit.register(print, "registered by a thread")
t = threading.Thread(target=late); t.start(); t.join()
print("main done")
sys.exit(3)
