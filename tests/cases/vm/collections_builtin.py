# Lists, tuples and dicts with their methods.
xs = [5, 3, 8, 1]
xs.append(9)
xs.insert(0, 7)
xs.extend([2, 2])
print(xs, len(xs), xs.count(2), xs.index(8))
xs.sort()
print(xs, xs.pop(), xs.pop(0), xs)
xs.remove(2)
xs.reverse()
print(xs, xs[1:3], xs[::-1], 3 in xs, 100 in xs)
xs[0] = 100
xs[1:3] = ["a", "b", "c"]
del xs[-1]
print(xs)
t = (1, 2, 3)
a, b, c = t
first, *rest = [10, 20, 30]
print(a + b + c, first, rest, t + (4,), t * 2, t.index(2))
d = {"one": 1, "two": 2}
d["three"] = 3
print(d, d["two"], d.get("four"), d.get("four", 4), len(d), "one" in d)
print(list(d.keys()), list(d.values()), list(d.items()))
del d["one"]
d.update({"five": 5}, six=6)
print(d, d.pop("two"), d.setdefault("seven", 7), d)
print({k: v * 10 for k, v in d.items()}, [i * i for i in range(6) if i % 2 == 0])
print(list(enumerate("abc")), list(zip([1, 2, 3], "xyz")), list(map(str, [1, 2])), list(filter(None, [0, 1, 2])))
print(sorted({3: "c", 1: "a", 2: "b"}), list(reversed([1, 2, 3])), any([0, 0, 1]), all([1, 1, 0]))
print({**d, "z": 0}, [*t, *"ab"], dict(a=1, b=2), dict([("x", 1)]), list(range(10, 0, -3)))
