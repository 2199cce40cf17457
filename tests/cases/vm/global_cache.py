# LOAD_GLOBAL remembers where a name is; assignments, deletions and names
# added to builtins (through the builtins module) are all seen.
x = 1
def f(): return x
print(f()); x = 2; print(f())
del x
try: f()
except NameError as e: print(e)
x = 3; print(f())
def g(): return len
print(g()([1]))
len = lambda s: 42
print(g()([1]))
del len
print(g()([1, 2]))
import builtins
builtins.newname = 'b'
def h(): return newname
print(h())
newname = 'g'
print(h()); del newname; print(h())
del builtins.newname
try: h()
except NameError as e: print(e)
g2 = {'__builtins__': builtins}
code = compile("def k(): return y\n", "<s>", "exec")
exec(code, g2); g2['y'] = 5; print(g2['k']())
g3 = dict(g2); g3['y'] = 6; print(g3['k']())
