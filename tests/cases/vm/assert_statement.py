# assert: messages, evaluation order and AssertionError.
assert True
assert 1, "never shown"
try:
    assert False
except AssertionError as e:
    print(type(e).__name__, repr(e), e.args)
try:
    assert 1 == 2, "one is not two"
except AssertionError as e:
    print(type(e).__name__, e, e.args)
try:
    assert [], ("tuple", "msg")
except AssertionError as e:
    print(e.args, str(e))
calls = []
def msg():
    calls.append("msg")
    return "computed"
assert True, msg()
print(calls)
try:
    assert 0, msg()
except AssertionError as e:
    print(e, calls)
def check(v):
    assert isinstance(v, int), f"expected int, got {type(v).__name__}"
    return v * 2
print(check(4))
try:
    check("x")
except AssertionError as e:
    print(e)
try:
    assert None, 42
except AssertionError as e:
    print(e.args[0] + 1)
print(issubclass(AssertionError, Exception))
