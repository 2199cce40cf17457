# Deep recursion, the recursion limit and RecursionError.
import sys
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(500))

def forever(n):
    return forever(n + 1)
try:
    forever(0)
except RecursionError as e:
    print(type(e).__name__, e)
print(issubclass(RecursionError, RuntimeError))

old = sys.getrecursionlimit()
sys.setrecursionlimit(200)
print(sys.getrecursionlimit())
try:
    depth(500)
except RecursionError as e:
    print("limited:", e)
sys.setrecursionlimit(old)
print(depth(800))

def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))
print(ackermann(2, 3))

def even(n):
    return True if n == 0 else odd(n - 1)
def odd(n):
    return False if n == 0 else even(n - 1)
print(even(300), odd(301))

class Node:
    def __init__(self, child=None):
        self.child = child
    def size(self):
        return 1 + (self.child.size() if self.child else 0)
n = None
for _ in range(300):
    n = Node(n)
print(n.size())

def recover():
    try:
        forever(0)
    except RecursionError:
        return "recovered"
print(recover(), recover())
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print(type(e).__name__, e)
