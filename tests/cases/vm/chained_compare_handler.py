# A chained comparison before a try keeps the handler's stack depth right.
def f(file, protocol):
    if not 0 <= protocol <= 5:
        raise ValueError("bad protocol")
    try:
        w = file.write
    except AttributeError:
        raise TypeError("no write")
    return w


for args in [(object(), 4), (object(), 9)]:
    try:
        f(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
x = [1 < i < 4 for i in range(6)]
try:
    raise KeyError(x)
except KeyError as e:
    print(e)
