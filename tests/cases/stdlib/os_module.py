# os and os.path on a temporary folder made and removed here; only facts
# that do not depend on where the tests run are printed.
import os
import os.path
import sys

print(os.name, os.sep, os.curdir, os.pardir, os.linesep == "\n", os.devnull, os.pathsep)
print(os.path is sys.modules["os.path"], os.path.__name__, os.error is OSError)
print(type(os.getpid()).__name__, os.getpid() != os.getppid(), os.cpu_count() >= 1)
print(len(os.urandom(16)), type(os.urandom(0)).__name__)

base = "gilt_os_case_tmp"
start = os.getcwd()
if os.path.exists(base):
    raise SystemExit("leftover " + base)
os.mkdir(base)
print(os.path.isdir(base), os.path.isfile(base), os.path.exists(base))
os.makedirs(os.path.join(base, "a", "b", "c"))
os.makedirs(os.path.join(base, "a", "b"), exist_ok=True)
try:
    os.makedirs(os.path.join(base, "a"))
except FileExistsError as e:
    print(type(e).__name__, e.errno, e.filename, e)
try:
    os.mkdir(base)
except FileExistsError as e:
    print(e)

os.chdir(base)
print(os.path.basename(os.getcwd()), os.getcwd() == os.path.join(start, base))
os.chdir(start)

path = os.path.join(base, "a", "b")
print(sorted(os.listdir(path)), sorted(os.listdir(base)))
os.rename(os.path.join(path, "c"), os.path.join(path, "d"))
print(os.listdir(path))
os.replace(os.path.join(path, "d"), os.path.join(path, "e"))
print(os.listdir(path))

st = os.stat(base)
print(type(st).__name__, st.st_mode & 0o170000 == 0o040000, type(st.st_mtime).__name__, type(st.st_size).__name__)
print(len(st) == 10, st[0] == st.st_mode, type(st[8]).__name__)
print(os.path.getsize(base) == st.st_size, os.stat(base + "/a").st_nlink >= 2)

for call in [
    lambda: os.stat(os.path.join(base, "missing")),
    lambda: os.listdir(os.path.join(base, "missing")),
    lambda: os.remove(os.path.join(base, "missing")),
    lambda: os.unlink(os.path.join(base, "a")),
    lambda: os.rmdir(os.path.join(base, "a")),
    lambda: os.rename(os.path.join(base, "x"), os.path.join(base, "y")),
    lambda: os.chdir(os.path.join(base, "missing")),
    lambda: os.mkdir(os.path.join(base, "missing", "deeper")),
    lambda: os.stat(3.5),
    lambda: os.urandom(-1),
]:
    try:
        call()
        print("no error")
    except OSError as e:
        print(type(e).__name__, e.errno, e.strerror, "|", e)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

os.rmdir(os.path.join(path, "e"))
os.removedirs(path)
print(os.path.exists(base), os.path.exists(path))
if os.path.exists(base):
    os.rmdir(base)

key = "GILT_OS_CASE_VAR"
print(os.getenv(key), os.getenv(key, "dflt"), key in os.environ)
os.environ[key] = "value"
print(os.environ[key], os.getenv(key), key in os.environ)
os.environ.setdefault(key, "other")
print(os.environ.get(key), os.environ.pop(key), key in os.environ)
try:
    os.environ[key]
except KeyError as e:
    print("KeyError", e)
try:
    os.environ[key] = 1
except TypeError as e:
    print("TypeError", e)
print(type(os.environ.copy()).__name__, "PATH" in os.environ)

p = os.path
print(p.join("a", "b", "c"), p.join("a/", "b"), p.join("a", "/b", "c"), p.join("", "x"), p.join("a", ""))
print(p.split("/a/b/c.txt"), p.split("c.txt"), p.split("/"), p.split("a//b"), p.split("//x"))
print(p.splitext("a/b.tar.gz"), p.splitext(".bashrc"), p.splitext("a.b/c"), p.splitext("x..."), p.splitext(""))
print(p.basename("/a/b/"), p.basename("/a/b"), p.dirname("/a/b"), p.dirname("b"), p.dirname("/"))
print(p.normpath("a//b/./c/../d"), p.normpath("/../x"), p.normpath("../../x/.."), p.normpath(""), p.normpath("//a"), p.normpath("///a"))
print(p.isabs("/x"), p.isabs("x"), p.abspath("x") == p.join(os.getcwd(), "x"), p.abspath("/a/../b"))
print(p.relpath("/a/b/c", "/a"), p.relpath("/a", "/a/b/c"), p.relpath("/a", "/a"), p.relpath("x/y", "x"))
print(p.commonprefix(["/usr/lib", "/usr/local"]), repr(p.commonprefix([])))
print(p.realpath(".") == os.getcwd(), p.realpath("/a/../b/./c"))
home = os.environ.get("HOME")
os.environ["HOME"] = "/home/someone"
print(p.expanduser("~/x"), p.expanduser("~"), p.expanduser("x/~"), p.expanduser("~other/x"))
if home is None:
    del os.environ["HOME"]
else:
    os.environ["HOME"] = home
for call in [lambda: p.join(1), lambda: p.relpath(""), lambda: p.split(None)]:
    try:
        call()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
