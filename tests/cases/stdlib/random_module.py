# random: seeded generators must give CPython's exact values; every method,
# subclasses, state round trips and the error paths.
import random


def show(*values):
    print(*[repr(v) for v in values])


for s in [0, 1, 42, -42, 2**32, 2**32 - 1, 2**100 + 12345, 3.5, -1.25, "hello", "", b"bytes", bytearray(b"ba"), "ünï"]:
    random.seed(s)
    show(s, random.random(), random.random(), random.getrandbits(7), random.randrange(1000))

random.seed(12345)
show([random.random() for _ in range(5)])
show([random.getrandbits(k) for k in (0, 1, 31, 32, 33, 64, 65, 100, 200)])
show([random.randint(1, 6) for _ in range(20)])
show([random.randrange(10) for _ in range(10)], [random.randrange(5, 50, 5) for _ in range(10)],
     [random.randrange(10, 0, -3) for _ in range(10)], random.randrange(2**70), random.randrange(-10, -5))
show(random.randint(10**20, 10**21))
seq = list(range(20))
random.shuffle(seq)
show(seq)
show([random.choice("abcdefg") for _ in range(10)], random.choice([None]), random.choice(range(100, 200)))
show(random.sample(range(100), 10), random.sample("abcdefgh", 8), random.sample(range(10**6), 5),
     random.sample(["a", "b", "c"], k=2, counts=[3, 1, 2]), random.sample(range(1000), 30)[:5])
show(random.choices("abc", k=10), random.choices("abc", weights=[1, 0, 5], k=10),
     random.choices(range(5), cum_weights=[1, 2, 3, 4, 10], k=6), random.choices([1, 2]))
show(random.uniform(1, 10), random.uniform(-1, 1), random.triangular(), random.triangular(0, 10, 8),
     random.triangular(5, 5))
show(random.gauss(), random.gauss(10, 2), random.gauss(0, 1), random.normalvariate(), random.normalvariate(5, 0.5))
show(random.expovariate(1.5), random.lognormvariate(0, 1), random.vonmisesvariate(0, 4), random.vonmisesvariate(1, 0))
show(random.gammavariate(0.5, 1), random.gammavariate(1, 2), random.gammavariate(3.5, 1.5), random.betavariate(2, 3),
     random.paretovariate(3), random.weibullvariate(1, 1.5))
show(random.randbytes(10), random.randbytes(0))

state = random.getstate()
first = [random.random() for _ in range(3)]
random.setstate(state)
show(first == [random.random() for _ in range(3)], state[0], len(state[1]), state[2])
random.gauss()
state = random.getstate()
show(state[2] is not None, random.gauss() == state[2])

r1 = random.Random(99)
r2 = random.Random()
r2.seed(99)
show(r1.random() == r2.random(), r1.randint(1, 100), r2.randint(1, 100), r1.gauss_next)
r3 = random.Random("seed string")
show(r3.random(), r3.choice([1, 2, 3]))
r4 = random.Random(5)
r4.seed("abc", version=1)
show(r4.random())
r4.seed(b"abc", version=1)
show(r4.random())


class MyRandom(random.Random):
    def random(self):
        return 0.25


class Bits(random.Random):
    calls = 0

    def getrandbits(self, k):
        Bits.calls += 1
        return super().getrandbits(k)


m = MyRandom(1)
show(m.random(), m.randrange(100), m.choice("abcd"), m.uniform(0, 8), MyRandom._randbelow.__name__)
b = Bits(7)
show(b.randrange(1000), Bits.calls, b.random(), type(b).__name__, isinstance(b, random.Random))
sr = random.SystemRandom()
x = sr.random()
show(0 <= x < 1, 0 <= sr.randrange(10) < 10, sr.getrandbits(16) < 2**16, len(sr.randbytes(4)), sr.seed(1))
try:
    sr.getstate()
except NotImplementedError as e:
    print(type(e).__name__, e)

errors = [
    "random.randrange(0)", "random.randrange(5, 5)", "random.randrange(1, 10, 0)", "random.randrange(10, 1)",
    "random.randrange(1, 10, -1)", "random.randrange('a')", "random.randrange(1, step=2)",
    "random.randint(5, 1)", "random.choice([])", "random.sample(range(3), 5)", "random.sample(range(3), -1)",
    "random.sample({1, 2}, 1)", "random.sample([1, 2], 1, counts=[1])", "random.sample([1, 2], 1, counts=[0, 0])",
    "random.choices([1, 2], [1])", "random.choices([1, 2], weights=[1, 1], cum_weights=[1, 2])",
    "random.choices([1, 2], 5)", "random.choices([1, 2], weights=[0, 0])", "random.getrandbits(-1)",
    "random.gammavariate(0, 1)", "random.seed([1])", "random.setstate((9, (), None))", "random.Random([1])",
    "random.getrandbits('a')", "random.Random().setstate((3, (1, 2), None))",
]


def attempt(src):
    try:
        return eval(src)
    except Exception as e:
        return f"{type(e).__name__} {e}"


for src in errors:
    print(src, "->", attempt(src))
