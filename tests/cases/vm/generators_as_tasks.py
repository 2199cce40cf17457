# Generators as cooperative tasks: a round-robin scheduler, as concurrency tutorials write it.
def worker(name, steps):
    total = 0
    for i in range(steps):
        got = yield f"{name} step {i}"
        if got is not None:
            total += got
    return f"{name} done total={total}"
def scheduler(tasks):
    queue = list(tasks)
    log = []
    results = []
    turn = 0
    while queue:
        task = queue.pop(0)
        try:
            msg = task.send(turn if turn % 2 else None) if turn else next(task)
            log.append(msg)
            queue.append(task)
        except StopIteration as stop:
            results.append(stop.value)
        turn += 1
    return log, results
tasks = [worker("a", 3), worker("b", 1), worker("c", 2)]
for t in tasks:
    next(t)
log, results = scheduler(tasks)
print(log)
print(results)
def countdown(n):
    while n > 0:
        yield n
        n -= 1
def pipeline():
    yield from countdown(3)
    yield "liftoff"
print(list(pipeline()))
g = countdown(5)
print(next(g), next(g), g.close(), list(g))
