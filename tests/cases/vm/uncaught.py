# An uncaught exception: traceback to stderr, exit code 1.
def inner(x):
    return x["missing"]

def outer():
    return inner({})

print("before")
outer()
print("never")
