# time: clock types and monotonicity, sleep, struct_time, strftime of fixed
# times, and the errors of bad arguments.
import time

print(type(time.time()).__name__, type(time.time_ns()).__name__)
print(type(time.monotonic()).__name__, type(time.perf_counter_ns()).__name__)
a = time.monotonic(); b = time.monotonic()
print(b >= a, time.monotonic_ns() <= time.monotonic_ns())
print(abs(time.time() - time.time_ns() / 1e9) < 1)
print(time.process_time() >= 0, type(time.process_time_ns()).__name__)

t0 = time.perf_counter()
time.sleep(0.01)
print("slept long enough:", time.perf_counter() - t0 >= 0.01)
time.sleep(0)

g = time.gmtime(1_000_000_000)
print(g)
print(g.tm_year, g.tm_mon, g.tm_mday, g.tm_hour, g.tm_min, g.tm_sec, g.tm_wday, g.tm_yday, g.tm_isdst)
print(g[0], g[-1], g[1:3], len(g), tuple(g))
year, month, *rest = g
print(year, month, rest)
print(g == tuple(g), g == time.gmtime(1_000_000_000), g != g)
print(type(g).__name__, time.struct_time.n_sequence_fields)
print(time.gmtime(0))
print(time.gmtime(-86400 * 365))
print(time.gmtime(1.99).tm_sec, time.gmtime(-0.5).tm_sec)

print(time.strftime("%Y-%m-%d %H:%M:%S", g))
print(time.strftime("%a %A %b %B %d %e %j %U %W %w %u %y %C %p %I", g))
print(time.strftime("%c | %x | %X | %D | %F | %T | %R | %% | %V %G", g))
print(time.strftime("%Y-%m-%d", (2024, 2, 29, 0, 0, 0, 3, 60, 0)))
print(time.strftime("%j %a", (2023, 12, 31, 23, 59, 59, 6, 365, 0)))
print(time.strftime("%Y %m %d", (2020, 0, 0, 0, 0, 0, 0, 0, 0)))
print(time.strftime("%H:%M %p", (2020, 1, 1, 12, 30, 0, 0, 1, 0)))
print(time.asctime(g), time.asctime((2020, 1, 5, 3, 4, 5, 6, 5, 0)))
print(time.strftime("%z %Z", time.gmtime(0)), g.tm_zone, g.tm_gmtoff)

# Local time round-trips through mktime, whatever the zone.
now = int(time.time())
print(time.mktime(time.localtime(now)) == now)
print(type(time.timezone).__name__, type(time.tzname).__name__, len(time.tzname), time.daylight in (0, 1))
print(type(time.ctime()).__name__, len(time.ctime(0)) == 24)
print(time.struct_time((2000, 1, 2, 3, 4, 5, 6, 2, 0)))

for call in [
    lambda: time.sleep(-1),
    lambda: time.sleep("x"),
    lambda: time.sleep(),
    lambda: time.gmtime("x"),
    lambda: time.gmtime(float("nan")),
    lambda: time.gmtime(1e20),
    lambda: time.strftime(1),
    lambda: time.strftime("%Y", (2020, 13, 1, 0, 0, 0, 0, 1, 0)),
    lambda: time.strftime("%Y", (2020, 1, 32, 0, 0, 0, 0, 1, 0)),
    lambda: time.strftime("%Y", (2020, 1, 1, 24, 0, 0, 0, 1, 0)),
    lambda: time.strftime("%Y", (2020, 1, 1, 0, 60, 0, 0, 1, 0)),
    lambda: time.strftime("%Y", (2020, 1, 1, 0, 0, 62, 0, 1, 0)),
    lambda: time.strftime("%Y", (2020, 1, 1, 0, 0, 0, -2, 1, 0)),
    lambda: time.strftime("%Y", (2020, 1, 1, 0, 0, 0, 0, 367, 0)),
    lambda: time.strftime("%Y", (2020, 1)),
    lambda: time.strftime("%Y", [2020, 1, 1, 0, 0, 0, 0, 1, 0]),
    lambda: time.mktime((1, 2)),
    lambda: time.mktime("x"),
    lambda: time.asctime((2020, 0, 1, 0, 0, 0, 0, 1, 0)),
    lambda: time.struct_time((1, 2)),
    lambda: time.time(1),
]:
    try:
        call()
        print("no error")
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
