# Binary files: BufferedReader / BufferedWriter / BufferedRandom, and FileIO
# for buffering=0. Writes one scratch file under target/ (overwritten on
# every run: there is no os.remove yet).
import io

PATH = "target/gilt_test_files_binary.bin"

with open(PATH, "wb") as f:
    print(repr(f), f.mode, f.name, f.closed)
    print(f.write(b"abc"), f.write(bytearray(b"def")), f.write(b""), f.tell())
    print(f.writable(), f.readable(), f.seekable(), f.isatty())
    f.writelines([b"\n", b"line two\n", b"three"])
print(f.closed, repr(f))

with open(PATH, "rb") as f:
    print(repr(f), f.read(2), f.read1(3), f.tell())
    print(f.readline(), f.readline(3), f.readline(), f.readline(), f.readline())
    print(f.seek(0), f.read(), f.read(), f.read(5))
    print(f.seek(-5, 2), f.read(), f.seek(-3, 1), f.read(2), f.tell())
    print(f.seek(2), f.peek(1)[:1], f.read(1))
    f.seek(0)
    print(f.readlines())
    f.seek(0)
    print(list(f))
    f.seek(0)
    print(f.readlines(5))
    buf = bytearray(4)
    f.seek(1)
    print(f.readinto(buf), buf)
    f.seek(0)
    print(f.read(None)[:3], f.read(-1))

# Read-write: reads and writes share one position.
with open(PATH, "r+b") as f:
    print(repr(f), f.mode, f.read(3))
    print(f.write(b"XY"), f.tell())
    print(f.read(2))
    f.seek(0)
    print(f.read())
    print(f.truncate(4), f.tell())
    f.seek(0)
    print(f.read())
    f.seek(10)
    f.write(b"!")
    f.seek(0)
    print(f.read())
with open(PATH, "w+b") as f:
    print(f.mode, f.read())
    f.write(b"0123456789")
    print(f.seek(3), f.read(2), f.seek(0, 1))
with open(PATH, "ab") as f:
    print(f.mode, f.tell(), f.write(b"END"), f.tell())
with open(PATH, "a+b") as f:
    print(f.mode, f.tell(), f.read())
    f.seek(0)
    print(f.read(4))
    f.write(b"+")
with open(PATH, "rb") as f:
    # Append mode writes at the end, wherever the position was.
    print(f.read())
with open(PATH, "rb", buffering=0) as f:
    print(repr(f), f.read(3), f.readall())
print(repr(f))

# Exclusive creation.
try:
    open(PATH, "xb")
except FileExistsError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename == PATH)

# Larger than the buffer: reads and writes in several pieces.
data = bytes(range(256)) * 100
with open(PATH, "wb") as f:
    for i in range(0, len(data), 1000):
        f.write(data[i:i + 1000])
    print(f.tell())
with open(PATH, "rb") as f:
    print(f.read() == data)
with open(PATH, "rb") as f:
    got = b""
    while True:
        piece = f.read(3000)
        if not piece:
            break
        got += piece
    print(got == data, f.tell())
    f.seek(20000)
    print(f.read(4), f.tell())

# A bytes path works too.
with open(PATH.encode(), "rb") as f:
    print(repr(f)[:40], f.read(3))

# Text over binary: the buffer of a text file.
with open(PATH, "w") as f:
    f.buffer.write(b"raw ")
    f.write("text")
with open(PATH, "rb") as f:
    print(f.read())
w = io.TextIOWrapper(io.BytesIO("línea 1\nlínea 2\n".encode()), encoding="utf-8")
print(repr(w), w.readlines())
