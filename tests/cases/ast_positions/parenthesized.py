# A parenthesised tuple includes its parentheses; a parenthesised name does not.
x = (a)
y = ((a, b))
z = (a,)
(a) = 1
((a)) += 2
w = ((yield))
v = [(a), (b)]
r = (  x  )
s = (a)(b)
t = (a).b
u = (a)[b]
e = ()
m = (
    a,
    b
)
n = a, b
