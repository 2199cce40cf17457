# Sorting: sorted() with key functions and reverse, list.sort of tuples,
# sorting strings, stable multi-key sorts, and a hand-written merge sort.


def lcg_list(n, seed):
    out = []
    for _ in range(n):
        seed = (seed * 1103515245 + 12345) % 2147483648
        out.append(seed % 100000)
    return out


def merge_sort(a):
    if len(a) <= 1:
        return a
    mid = len(a) // 2
    left = merge_sort(a[:mid])
    right = merge_sort(a[mid:])
    out = []
    i = 0
    j = 0
    while i < len(left) and j < len(right):
        if left[i] <= right[j]:
            out.append(left[i])
            i += 1
        else:
            out.append(right[j])
            j += 1
    out.extend(left[i:])
    out.extend(right[j:])
    return out


class Item:
    def __init__(self, name, score):
        self.name = name
        self.score = score

    def __lt__(self, other):
        return self.score < other.score


nums = lcg_list(60000, 42)
h = 0
for rep in range(3):
    a = sorted(nums)
    b = sorted(nums, key=lambda v: (v % 1000, -v))
    c = sorted(nums, reverse=True)
    recs = [(v % 97, str(v), v) for v in nums[:20000]]
    recs.sort()
    recs.sort(key=lambda t: t[0] % 10)
    names = [str(v * 7919 % 100003) for v in nums[:20000]]
    names.sort(key=len)
    items = [Item(names[i], nums[i] % 500) for i in range(2000)]
    items.sort()
    ms = merge_sort(nums[:3000])
    h = (h + a[100] + b[200] * 3 + c[300] * 7 + recs[999][2] + int(names[-1]) + ms[1500]) % 1000000007
    h = (h + len(items[0].name) + items[-1].score) % 1000000007
print("sort", h, a[:3], b[:3], c[:2], recs[0], ms == sorted(nums[:3000]))
