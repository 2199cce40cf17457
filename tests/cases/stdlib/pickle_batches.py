# pickle batching: lists, dicts and sets around the 1000-item batch size, exact
# types (as CPython's C pickler writes them) and subclasses (through __reduce_ex__).
import pickle
class L(list): pass
class D(dict): pass
def digest(data):
    return len(data), sum(data) % 100003, data.count(pickle.MARK), data.count(pickle.APPEND), data.count(pickle.SETITEM)
objs = [[7], list(range(999)), list(range(1000)), list(range(1001)), list(range(2000)),
        {1: 2}, {i: i for i in range(1000)}, {i: i for i in range(1001)}, {i: -i for i in range(2000)},
        {3}, set(range(1000)), set(range(2001)), frozenset(range(1500)),
        L([1]), L(range(1001)), D({1: 2}), D((i, i) for i in range(1000))]
for p in range(6):
    for o in objs:
        d = pickle.dumps(o, protocol=p)
        print(p, type(o).__name__, digest(d), pickle.loads(d) == o)
