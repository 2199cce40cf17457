from collections import deque, defaultdict, OrderedDict, namedtuple, Counter, ChainMap

def fails(label, f, *args, **kwargs):
    try:
        print(label, 'no error', f(*args, **kwargs))
    except Exception as e:
        print(label, type(e).__name__, e)

# deque
d = deque([1, 2, 3])
d.append(4); d.appendleft(0)
print(d, len(d), d[0], d[-1], d[2], bool(d), bool(deque()))
print(d.pop(), d.popleft(), d)
d.extend('ab'); d.extendleft([10, 20])
print(d, list(reversed(d)), 'a' in d, 99 in d)
d.rotate(2); print(d)
d.rotate(-3); print(d)
print(d.index(2), d.count(2), d.index('a', 1))
d.remove('b'); d.insert(1, 'x'); d[0] = 'first'; print(d)
del d[1]; print(d)
d.reverse(); print(d)
c = d.copy(); c.clear(); print(c, d == d.copy(), d == list(d), deque([1]) < deque([2]))
b = deque(range(5), maxlen=3); print(b, b.maxlen)
b.append(9); b.appendleft(7); print(b)
b.extend([1, 2]); print(b)
print(deque(maxlen=0), deque([1, 2]) + deque([3]), deque([1, 2]) * 2)
e = deque([1]); e += [2, 3]; e *= 2; print(e)
q = deque()
for i in range(100):
    q.append(i)
    q.appendleft(-i)
for i in range(150):
    q.popleft()
print(len(q), q[0], q[-1], sum(q))
print(repr(deque([[1], 'a'])), type(deque()).__name__)
fails('pop empty', deque().pop)
fails('popleft empty', deque().popleft)
fails('index missing', deque([1]).index, 7)
fails('remove missing', deque([1]).remove, 7)
fails('bad maxlen', deque, [], -1)
fails('maxlen str', deque, [], 'a')
fails('insert full', deque([1], 1).insert, 0, 2)
fails('index range', lambda: deque([1])[5])
fails('index type', lambda: deque([1])['a'])
fails('slice', lambda: deque([1])[0:1])
fails('not iterable', deque, 1)
fails('add list', lambda: deque([1]) + [1])
fails('rotate str', deque([1]).rotate, 'a')
it = iter(d)
next(it)
d.append(5)
fails('mutated', next, it)

# defaultdict
dd = defaultdict(list)
dd['a'].append(1); dd['b']; dd['a'].append(2)
print(dd, dd.default_factory, isinstance(dd, dict), 'c' in dd)
di = defaultdict(int, {'x': 1}, y=2)
di['z'] += 5
print(sorted(di.items()), repr(defaultdict(None)), repr(defaultdict()))
print(dd.copy(), type(dd.copy()).__name__)
fails('defaultdict not callable', defaultdict, 1)
fails('no factory', lambda: defaultdict()['k'])

# OrderedDict
od = OrderedDict([('a', 1), ('b', 2), ('c', 3)])
od.move_to_end('a'); print(od)
od.move_to_end('c', last=False); print(od, list(od))
print(od.popitem(), od.popitem(last=False), od)
o1 = OrderedDict(a=1, b=2); o2 = OrderedDict(b=2, a=1)
print(o1 == o2, o1 == dict(o2), dict(o1) == o2, o1 != o2, OrderedDict(), repr(OrderedDict.fromkeys('ab')))
fails('popitem empty', OrderedDict().popitem)
fails('move missing', OrderedDict().move_to_end, 'k')

# namedtuple
Point = namedtuple('Point', ['x', 'y'])
p = Point(1, y=2)
print(p, p.x, p.y, p[0], len(p), list(p), p == (1, 2), isinstance(p, tuple))
x, y = p
print(x, y, Point._fields, Point._make([3, 4]), p._asdict(), p._replace(y=5), Point.__name__)
P3 = namedtuple('P3', 'a, b c', defaults=[0, 1])
print(P3(5), P3._field_defaults, P3(1, 2, 3))
R = namedtuple('R', ['ok', 'def', '_x', 'ok'], rename=True)
print(R._fields, namedtuple('E', '')())
print(Point.x.__doc__, Point.__doc__)
class Sub(Point):
    def norm(self):
        return self.x ** 2 + self.y ** 2
print(Sub(3, 4).norm(), Sub(3, 4))
match p:
    case Point(a, b):
        print('matched', a, b)
fails('bad identifier', namedtuple, 'P', '1a')
fails('keyword', namedtuple, 'P', 'def')
fails('underscore', namedtuple, 'P', '_x')
fails('duplicate', namedtuple, 'P', 'x x')
fails('too many defaults', namedtuple, 'P', 'x', defaults=(1, 2))
fails('missing arg', Point, 1)
fails('too many args', Point, 1, 2, 3)
fails('_make short', Point._make, [1])
fails('_replace bad', p._replace, z=1)

# Counter
c = Counter('abracadabra')
print(c, c['a'], c['zz'], c.most_common(2), c.most_common(), c.total())
print(sorted(c.elements()), Counter(a=2, b=-1))
c.update('aab'); c.update({'z': 3}); print(c)
c.subtract(a=10); print(c)
a, b = Counter(a=3, b=1), Counter(a=1, b=2)
print(a + b, a - b, a | b, a & b, +Counter(a=1, b=-2), -Counter(a=1, b=-2))
a += b; print(a)
del a['zz']; del a['a']; print(a)
print(Counter('ab') == Counter('ba'), Counter(a=1) == Counter(a=1, b=0), Counter() < Counter(a=1), Counter(), repr(Counter(x=0)))
fails('fromkeys', Counter.fromkeys, 'ab')

# ChainMap
base = {'a': 1, 'b': 2}
cm = ChainMap({'a': 10}, base)
print(cm['a'], cm['b'], len(cm), sorted(cm), 'b' in cm, cm.get('q', 0), cm)
cm['c'] = 3; print(cm.maps[0], base)
child = cm.new_child({'a': 100}); print(child['a'], child.parents['a'], len(child.maps))
del cm['a']; print(cm['a'], sorted(cm.items()))
print(ChainMap(), bool(ChainMap({})), cm.pop('c'), cm)
fails('missing key', lambda: ChainMap({})['k'])
fails('del missing', cm.__delitem__, 'b')
fails('pop missing', cm.pop, 'zz')
fails('popitem empty', ChainMap().popitem)
