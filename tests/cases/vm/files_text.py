# Text files: open() modes, reading and writing, newline translation,
# seek/tell, encodings. Writes one scratch file under target/ (there is no
# os.remove yet, so it is overwritten on every run rather than deleted).
PATH = "target/gilt_test_files_text.txt"

# Writing returns the number of characters; the file is UTF-8 by default.
with open(PATH, "w") as f:
    print(repr(f))
    print(f.name, f.mode, f.encoding, f.errors, f.line_buffering, f.closed)
    print(f.write("héllo\n"), f.write("wörld\n"), f.write(""))
    print(f.tell())
    f.writelines(["a\n", "b\n", "last"])
print(f.closed, repr(f))

with open(PATH) as f:
    print(repr(f.read()))
with open(PATH, "rb") as f:
    print(f.read())

# read(n) counts characters, readline(limit) stops early.
with open(PATH) as f:
    print(repr(f.read(3)), repr(f.read(2)), repr(f.readline()))
    print(repr(f.readline(2)), repr(f.readline()), repr(f.readline()))
    print(f.readlines())
    print(repr(f.read()), repr(f.readline()), f.readlines())

# Iteration by line, and readlines with a hint.
with open(PATH) as f:
    for i, line in enumerate(f):
        print(i, repr(line))
with open(PATH) as f:
    print(f.readlines(8))
    print(next(f), list(f))

# tell() gives byte positions; seek() goes back to one.
with open(PATH) as f:
    print(f.tell(), repr(f.readline()), f.tell())
    mark = f.tell()
    print(repr(f.readline()), f.tell())
    print(f.seek(mark), repr(f.readline()))
    print(f.seek(0), repr(f.read(1)), f.tell())
    print(f.seek(0, 2), repr(f.read()))
    print(f.seek(0, 1) == f.tell())

# Append and read-write modes.
with open(PATH, "a") as f:
    print(f.tell(), f.write("\nmore"))
with open(PATH, "r+") as f:
    print(repr(f.readline()))
    f.seek(7)
    f.write("W")
    f.seek(0)
    print(f.readlines())
with open(PATH, "r+") as f:
    # The text read ahead is dropped: the write lands after it (CPython too).
    print(repr(f.read(2)), f.write("!"))
    f.seek(0)
    print(repr(f.read()))
with open(PATH, "w+") as f:
    f.write("one\ntwo\n")
    f.seek(0)
    print(f.readlines())
    f.seek(4)
    print(f.truncate(), f.tell())
    f.seek(0)
    print(repr(f.read()))
with open(PATH, "a+") as f:
    f.write("three")
    f.seek(0)
    print(repr(f.read()))

# Newline translation on reading.
with open(PATH, "wb") as f:
    f.write(b"a\nb\r\nc\rd")
for nl in (None, "", "\n", "\r", "\r\n"):
    with open(PATH, newline=nl) as f:
        print(repr(nl), f.readlines())
with open(PATH) as f:
    print(repr(f.read()))

# ... and on writing.
for nl in (None, "", "\n", "\r", "\r\n"):
    with open(PATH, "w", newline=nl) as f:
        f.write("x\ny\r\nz")
    with open(PATH, "rb") as f:
        print(repr(nl), f.read())

# Other encodings, and error handlers.
with open(PATH, "w", encoding="latin-1") as f:
    print(repr(f))
    f.write("café ÿ")
with open(PATH, "rb") as f:
    print(f.read())
with open(PATH, encoding="latin-1") as f:
    print(repr(f.read()))
with open(PATH, "w", encoding="ascii", errors="replace") as f:
    f.write("naïve €")
with open(PATH, "rb") as f:
    print(f.read())
with open(PATH, "wb") as f:
    f.write(b"ok \xff\xfe bad \xc3")
for errors in ("replace", "ignore", "backslashreplace"):
    with open(PATH, errors=errors) as f:
        print(errors, repr(f.read()))
with open(PATH, "w", encoding="utf8") as f:
    print(f.encoding)

# A large file read in pieces: characters split across chunk boundaries.
text = "".join(f"line {i}: {'é€' * (i % 7)}\n" for i in range(3000))
with open(PATH, "w") as f:
    f.write(text)
with open(PATH) as f:
    print(f.read() == text)
with open(PATH) as f:
    lines = f.readlines()
print(len(lines), lines[-1] == "line 2999: " + "é€" * (2999 % 7) + "\n")
with open(PATH) as f:
    pieces = []
    while True:
        piece = f.read(1000)
        if not piece:
            break
        pieces.append(piece)
print("".join(pieces) == text, len(pieces))
with open(PATH) as f:
    for _ in range(1500):
        f.readline()
    where = f.tell()
    line = f.readline()
    f.seek(where)
    print(repr(line), f.readline() == line)

# A file written without close() still gets its data once it is freed.
def scribble():
    g = open(PATH, "w")
    g.write("kept")
scribble()
with open(PATH) as f:
    print(repr(f.read()))
