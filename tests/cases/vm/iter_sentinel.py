# iter(callable, sentinel) and friends.
data = [3, 1, 4, 0, 5, 9]
pos = [0]
def nxt():
    v = data[pos[0]]
    pos[0] += 1
    return v
print(list(iter(nxt, 0)))
print(pos[0], next(iter(nxt, 9)), next(iter(nxt, 5), "sentinel hit"))

class Reader:
    def __init__(self, chunks):
        self.chunks = list(chunks)
    def read(self):
        return self.chunks.pop(0) if self.chunks else ""
r = Reader(["ab", "cd", "ef"])
print([c for c in iter(r.read, "")])

it = iter(lambda: 1, 1)
print(list(it))
count = [0]
def tick():
    count[0] += 1
    return count[0]
it = iter(tick, 4)
print(next(it), next(it), next(it))
try:
    next(it)
except StopIteration:
    print("exhausted")
print(next(it, "dflt"))

try:
    iter(5, 0)
except TypeError as e:
    print(type(e).__name__, e)
try:
    iter(5)
except TypeError as e:
    print(type(e).__name__, e)

def boom():
    raise ValueError("inside")
try:
    list(iter(boom, None))
except ValueError as e:
    print(type(e).__name__, e)

x = iter([1, 2])
print(iter(x) is x, list(x), next(x, None))
