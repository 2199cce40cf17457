# Pickle: dumps and loads of nested records (dicts of str, int, float, lists,
# tuples, None, bools, big ints, bytes) under protocols 2, 4 and 5, instances
# of a plain class, and a check that the bytes are the same every round.
import pickle


class Item:
    def __init__(self, i):
        self.id = i
        self.name = "item-%d" % i
        self.price = i * 0.25
        self.tags = ["t%d" % (i % 7), "t%d" % (i % 11)]


def record(i):
    return {
        "id": i,
        "name": "user%d" % i,
        "score": i * 1.5,
        "active": i % 2 == 0,
        "tags": ["a", "b", str(i % 10)],
        "pos": (i, -i, i * i),
        "big": 3 ** (i % 90),
        "blob": b"\x00\x01" * (i % 5),
        "none": None,
    }


data = [record(i) for i in range(300)]
items = [Item(i) for i in range(200)]
total = 0
check = 0
for proto in (2, 4, 5):
    for _ in range(6):
        blob = pickle.dumps(data, proto)
        back = pickle.loads(blob)
        total += len(blob)
        check += back[-1]["id"] + len(back)
for _ in range(4):
    blob = pickle.dumps(items)
    back = pickle.loads(blob)
    total += len(blob)
    check += sum(it.id for it in back)
print("pickle", total, check, back[7].name, back[7].tags)
