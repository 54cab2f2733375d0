# random: seeded sequences (MT19937 seeding from int/str/bytes), integer helpers, sequences and distributions match CPython
import random

random.seed(12345)
print([random.random() for _ in range(3)])
print([random.randint(1, 100) for _ in range(10)])
print(random.randrange(10), random.randrange(5, 50, 7), random.randrange(100, 0, -3))
print(random.choice("abcdefg"), random.choice([1, 2, 3]))
xs = list(range(20)); random.shuffle(xs); print(xs)
print(random.sample(range(1000), 8), random.sample("abcdef", 3))
print(random.sample(["r", "b"], counts=[4, 2], k=5))
print(random.choices("abc", k=5), random.choices("abc", [1, 2, 3], k=5))
print(random.choices("abc", cum_weights=[1, 5, 6], k=4))
print(random.getrandbits(1), random.getrandbits(31), random.getrandbits(64), random.getrandbits(200))
print(random.randbytes(9))
print(random.uniform(1, 5), random.triangular(0, 10, 3), random.triangular())
print(random.gauss(), random.gauss(5, 2), random.normalvariate(1, 3), random.lognormvariate(0, 1))
print(random.expovariate(2), random.vonmisesvariate(1, 2), random.vonmisesvariate(1, 0))
print(random.gammavariate(0.5, 2), random.gammavariate(1, 2), random.gammavariate(3, 2))
print(random.betavariate(2, 3), random.paretovariate(2), random.weibullvariate(1, 2))
print(random.binomialvariate(1, 0.3), random.binomialvariate(10, 0.3), random.binomialvariate(100, 0.4), random.binomialvariate(50, 0.9))
print(random.randrange(2**80), random.randint(-2**70, 2**70))

for s in ("hello", b"hello", bytearray(b"xy"), 0, -5, 2**100, 3.25, ""):
    random.seed(s)
    print(repr(s), random.random(), random.randint(0, 9))
random.seed("abc", version=1); print(random.random())
random.seed(b"abc", version=1); print(random.random())

st = random.getstate()
a = [random.random() for _ in range(5)]
random.setstate(st)
print(a == [random.random() for _ in range(5)], st[0], len(st[1]), st[2])

r = random.Random(42)
print(r.random(), r.randint(3, 9), random.Random("x").random())
r2 = random.Random(); r2.setstate(r.getstate()); print(r2.random() == r.random())

class MyRandom(random.Random):
    def random(self):
        return 0.5
m = MyRandom()
print(m.randrange(10), m.choice("abcd"), m._randbelow.__name__)

class Bits(random.Random):
    def getrandbits(self, k):
        return 0
print(Bits().randrange(10), Bits()._randbelow.__name__)

for call in (lambda: random.randrange(0), lambda: random.randrange(5, 5),
             lambda: random.randrange(1, 10, 0), lambda: random.randrange(10, 1, 2),
             lambda: random.randrange(1.5), lambda: random.randrange(1, step=2),
             lambda: random.choice([]), lambda: random.sample(range(3), 5),
             lambda: random.sample({1, 2}, 1), lambda: random.choices("ab", [1], k=1),
             lambda: random.choices("ab", 3), lambda: random.choices("ab", [0, 0]),
             lambda: random.choices("ab", [1, 2], cum_weights=[1, 2]),
             lambda: random.seed([1]), lambda: random.gammavariate(0, 1),
             lambda: random.binomialvariate(-1), lambda: random.binomialvariate(3, 1.5),
             lambda: random.sample("ab", 1, counts=[1]), lambda: random.sample("ab", 1, counts=[0, 0]),
             lambda: random.setstate((9, (), None)), lambda: random.getrandbits(-1),
             lambda: random.SystemRandom().getstate()):
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)

sr = random.SystemRandom()
print(0 <= sr.random() < 1, 0 <= sr.randint(1, 6) <= 6, len(sr.randbytes(5)), sr.getrandbits(8) < 256)
print(isinstance(random.Random(), random.Random), random.Random.VERSION)
