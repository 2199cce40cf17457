# User exception classes: hierarchy, attributes, str/repr, catching order.
class AppError(Exception):
    pass
class ConfigError(AppError):
    def __init__(self, key, reason="missing"):
        super().__init__(key, reason)
        self.key = key
        self.reason = reason
    def __str__(self):
        return "config %r: %s" % (self.key, self.reason)
class NetError(AppError):
    code = 500
class Timeout(NetError):
    code = 504

for exc in [ConfigError("port"), Timeout("slow"), NetError(), AppError("x", "y")]:
    try:
        raise exc
    except ConfigError as e:
        print("config", e, e.args, e.key)
    except NetError as e:
        print("net", repr(e), e.code, isinstance(e, AppError))
    except AppError as e:
        print("app", e, e.args)

print(Timeout.__mro__[1:4] == (NetError, AppError, Exception))
print([c.__name__ for c in Timeout.__mro__])
print(issubclass(Timeout, (KeyError, NetError)), issubclass(ConfigError, NetError))

class WithRepr(ValueError):
    def __repr__(self):
        return "<WithRepr>"
print(repr(WithRepr("a")), str(WithRepr("a")), str(WithRepr()))

class NoInitCall(Exception):
    def __init__(self, a, b):
        self.total = a + b
e = NoInitCall(1, 2)
print(e.total, e.args, str(e))

try:
    raise AppError
except AppError as e:
    print(type(e).__name__, e.args)

def risky(n):
    if n == 0:
        raise ConfigError("zero", "not allowed")
    if n < 0:
        raise Timeout("neg")
    return n
results = []
for n in [1, 0, -1]:
    try:
        results.append(risky(n))
    except AppError as e:
        results.append(type(e).__name__)
print(results)

class Stateful(Exception):
    count = 0
    def __init__(self, *a):
        Stateful.count += 1
        super().__init__(*a)
for _ in range(3):
    try:
        raise Stateful("s")
    except Stateful:
        pass
print(Stateful.count)
try:
    raise 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    class NotExc:
        pass
    raise NotExc
except TypeError as e:
    print(type(e).__name__, e)
try:
    try:
        raise KeyError
    except 5:
        pass
except TypeError as e:
    print(type(e).__name__, e)
