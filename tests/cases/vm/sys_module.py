# The sys module's everyday parts, and SystemExit with a code.
import sys

print(len(sys.argv), sys.argv[0].endswith("sys_module.py"), sys.maxsize == 2 ** 63 - 1)
print(sys.version_info[0], sys.version_info[1], sys.getrecursionlimit())
sys.setrecursionlimit(2000)
print(sys.getrecursionlimit())
sys.stdout.write("written directly\n")
try:
    sys.exit(5)
except SystemExit as e:
    print("SystemExit", e.args)
print("exiting with 3")
sys.exit(3)
