# FOR_ITER over ranges and lists: appends while iterating are seen, ranges near
# the end of the machine-int range stop where they should, exhausted iterators stay so.
l = [1, 2, 3]
for x in l:
    if x == 1: l.append(4)
    print(x, end=' ')
print()
for i in range(10, 0, -3): print(i, end=' ')
print(list(range(2**62, 2**63 - 1, 2**61)))
it = iter([1, 2])
for x in it: pass
print(next(it, 'done'))
r = iter(range(3)); next(r)
print(list(r), list(r))
