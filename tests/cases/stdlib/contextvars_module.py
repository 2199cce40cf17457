# contextvars: ContextVar get/set/reset, Token, copy_context, Context.run and
# the mapping methods; tasks run in copies of the creating context.
import asyncio
import contextvars
import threading

var = contextvars.ContextVar("var", default="dflt")
nodef = contextvars.ContextVar("nodef")

print(var.name, var.get(), var.get("other"), nodef.get(None))
try:
    nodef.get()
except LookupError as e:
    print("LookupError", type(e.args[0]).__name__)
tok = var.set("one")
print(var.get(), tok.var is var, tok.old_value is contextvars.Token.MISSING)
tok2 = var.set("two")
print(var.get(), tok2.old_value)
var.reset(tok2)
print(var.get())
try:
    var.reset(tok2)
except RuntimeError as e:
    print("RuntimeError", "has already been used once" in str(e))
try:
    nodef.reset(tok)
except ValueError as e:
    print("ValueError", "was created by a different ContextVar" in str(e))
var.reset(tok)
print(var.get())
try:
    var.reset("not a token")
except TypeError as e:
    print("TypeError", e)

# copy_context and Context.run isolate changes
var.set("outer")
ctx = contextvars.copy_context()
print(ctx[var], var in ctx, nodef in ctx, len(ctx))


def inside(x):
    var.set(x)
    nodef.set("n")
    return var.get(), nodef.get()


print(ctx.run(inside, "inner"))
print(var.get(), nodef.get("unset"))
print(ctx[var], ctx.get(nodef), ctx.get(contextvars.ContextVar("z"), "zz"))
print(sorted(v.name for v in ctx), sorted(v.name for v in ctx.keys()))
print(sorted(ctx.values()), sorted((k.name, v) for k, v in ctx.items()))
try:
    ctx[1]
except TypeError as e:
    print("TypeError", e)
try:
    ctx[contextvars.ContextVar("missing")]
except KeyError:
    print("KeyError")


def reenter():
    ctx.run(print, "nested")


try:
    ctx.run(reenter)
except RuntimeError as e:
    print("RuntimeError", "is already entered" in str(e))
empty = contextvars.Context()
print(len(empty), list(empty))
print(empty.run(var.get))
try:
    contextvars.ContextVar(5)
except TypeError as e:
    print("TypeError", e)
c2 = ctx.copy()
print(c2[var], c2 == ctx)

# threads start with an empty context
result = []
t = threading.Thread(target=lambda: result.append(var.get()))
t.start()
t.join()
print(result)

# asyncio tasks get a copy of the creating context
request = contextvars.ContextVar("request", default=None)


async def handle(i):
    request.set(f"req{i}")
    await asyncio.sleep(0.001 * (3 - i))
    return request.get()


async def main():
    request.set("main")
    print(await asyncio.gather(*(handle(i) for i in range(3))))
    print(request.get())
    ctx = contextvars.copy_context()
    ctx.run(request.set, "custom")
    t = asyncio.create_task(asyncio.sleep(0, "x"), context=ctx)
    await t
    print(ctx[request])
    loop = asyncio.get_running_loop()
    seen = []
    loop.call_soon(lambda: seen.append(request.get()), context=ctx)
    loop.call_soon(lambda: seen.append(request.get()))
    await asyncio.sleep(0)
    print(seen)


asyncio.run(main())
print(request.get())
