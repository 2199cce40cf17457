# SystemExit caught and inspected, then sys.exit(3) ends the program.
import sys
for arg in [None, 0, 5, "message", [1, 2]]:
    try:
        sys.exit(arg) if arg is not None else sys.exit()
    except SystemExit as e:
        print(type(e).__name__, e.args)
print(issubclass(SystemExit, Exception), issubclass(SystemExit, BaseException))
try:
    raise SystemExit(7)
except Exception:
    print("not reached: SystemExit is not an Exception")
except BaseException as e:
    print("caught as BaseException", e)
def cleanup():
    try:
        sys.exit(3)
    finally:
        print("finally runs on exit")
cleanup()
print("never printed")
