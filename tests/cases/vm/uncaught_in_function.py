# An exception escaping nested calls: finally blocks run, exit code 1,
# and the last stderr line names the exception.
def level3(d):
    return d["missing"]
def level2(d):
    try:
        return level3(d)
    finally:
        print("level2 finally")
def level1():
    print("starting")
    return level2({"present": 1})
level1()
print("never printed")
