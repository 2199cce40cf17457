x = 1
s = 'hello
print(s)
