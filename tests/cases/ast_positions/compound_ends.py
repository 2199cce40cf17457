# A compound statement ends at the last token of its last block, a `;` included.
def f():
    if a:
        pass
    elif b:
        x;
    else:
        y ;  # comment

while a: b; c;
for a in b:
    pass
else:
    z;
try:
    pass
except A as e:
    pass
except (B, C):
    pass;
else:
    pass
finally:
    z;
try:
    pass
except* A:
    w;
class K: x = 1;
with a: b;
match x:
    case 1: y;
