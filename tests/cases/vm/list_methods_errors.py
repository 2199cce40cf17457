# list methods and their error messages.
l = [3, 1, 2]
l.append(4)
l.extend("ab")
l.insert(0, "first")
l.insert(100, "last")
l.insert(-100, "very first")
print(l)
print(l.pop(), l.pop(0), l.pop(-2), l)
l.remove(4)
print(l, l.count(1), l.index(2), l.index(2, 1))
l2 = l.copy()
l2.clear()
print(l, l2)
l.reverse()
print(l)
for bad in [
    lambda: l.remove("zz"),
    lambda: l.index("zz"),
    lambda: [].pop(),
    lambda: l.pop(99),
    lambda: l.pop("x"),
    lambda: l.insert("x", 1),
    lambda: l.extend(5),
    lambda: l.append(),
    lambda: l.append(1, 2),
    lambda: l.index(),
    lambda: [1, "a"].sort(),
    lambda: list(1),
    lambda: [1] + (2,),
    lambda: [1] * 1.5,
]:
    try:
        bad()
    except (ValueError, IndexError, TypeError) as e:
        print(type(e).__name__, e)
m = [1, 2]
m += (3, 4)
m *= 2
print(m, m * 0, [0] * -1, [[]] * 2)
n = [1, 2, 3]
n[1:] = n
print(n, [1, 2] < [1, 2, 0], [1, 2] == [1, 2], list("ab") + ["c"])
x = [1, 2, 3, 2, 1]
print(sorted(set(x)), list(reversed(x)), x[::-1] == x)
