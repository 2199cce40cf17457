if (n := len(data)) > 10:
    print(f"too long ({n} elements)")

while (chunk := read(1024)):
    process(chunk)

results = [y for x in data if (y := f(x)) is not None]
print(total := 10, (w := 5))
foo(x := 3, cat="vector")
values = [(z := i * i) for i in range(5)]
lst[(j := 1)]
assert (k := 2)
def f(a=(b := 3)):
    return (c := a)
lambda: (d := 1)
{(e := 1): (g := 2)}
