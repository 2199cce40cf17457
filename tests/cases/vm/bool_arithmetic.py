# bool is an int subclass.
print(True + True, True * 10, False - 1, True / 2, True // 2, -True, ~True, ~False)
print(True == 1, False == 0, isinstance(True, int), issubclass(bool, int))
print(sum([True, True, False]), [1, 2, 3][True], {1: "one"}[True], {True: "t", 1: "one"})
print(True & False, True | False, True ^ True, type(True & False), type(True & 1), type(True + 0))
print(str(True), repr(False), int(True), float(False), bool(0.0), bool(""), bool("0"), bool([0]))
print(bool(), bool(None), bool(-1), bool(0j), bool(range(0)), bool({}), bool(set()))
print(True << 3, 5 * (2 > 1), "yes" * True + "no" * False, hash(True), hash(False))
print(True and 5, False or "x", 0 and 1, "" or 0 or None, not 3, not "")
print(max(True, 0.5), sorted([True, False, 2, -1]), abs(True), divmod(True, True))
print(format(True, "d"), format(True, ""), f"{False}", "%d" % True, "%s" % True)
class Truth:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        print("bool called")
        return self.v
class L:
    def __len__(self):
        return 0
print(bool(Truth(True)), bool(L()), not Truth(False), bool(object()))
class Bad:
    def __bool__(self):
        return 1
try:
    bool(Bad())
except TypeError as e:
    print(type(e).__name__, e)
try:
    class Sub(bool):
        pass
except TypeError as e:
    print(type(e).__name__, e)
print(bool.__name__, type(True).__mro__[1].__name__, type(True) is bool)
