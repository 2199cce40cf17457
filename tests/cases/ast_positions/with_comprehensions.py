with a as b, c as (d, e): pass
with (a as b, c): pass
with (a) as b: pass
[x for x, y in z if a if b for q in r]
{k: v for k, v in d}
{x for (x) in y}
[x for x, in y]
async def f():
    async with a as b: pass
    async for x in y: pass
    await z
