"""asyncio.Barrier (3.11): a fixed number of tasks meet at wait(); once the
last arrives they all go on. States: filling -> draining (the meeting is
over, waiters leave) -> filling again; resetting and broken wake every
waiter with BrokenBarrierError."""

from . import exceptions
from . import locks
from . import mixins

__all__ = ("Barrier",)

_FILLING = "filling"
_DRAINING = "draining"
_RESETTING = "resetting"
_BROKEN = "broken"


class Barrier(mixins._LoopBoundMixin):
    """Block `parties` tasks in wait() until all of them have called it."""

    def __init__(self, parties):
        if parties < 1:
            raise ValueError("parties must be > 0")
        self._cond = locks.Condition()
        self._parties = parties
        self._state = _FILLING
        self._count = 0

    def __repr__(self):
        cls = type(self)
        extra = self._state
        if not self.broken:
            extra += f", waiters:{self.n_waiting}/{self.parties}"
        return f"<{cls.__module__}.{cls.__qualname__} object at {id(self):#x} [{extra}]>"

    async def __aenter__(self):
        return await self.wait()

    async def __aexit__(self, *args):
        pass

    async def wait(self):
        """Wait for the others; returns this task's arrival index, 0 to
        parties-1."""
        async with self._cond:
            # A previous meeting may still be emptying out.
            await self._cond.wait_for(lambda: self._state not in (_DRAINING, _RESETTING))
            if self._state == _BROKEN:
                raise exceptions.BrokenBarrierError("Barrier aborted")
            index = self._count
            self._count += 1
            try:
                if index + 1 == self._parties:
                    self._state = _DRAINING
                    self._cond.notify_all()
                else:
                    await self._cond.wait_for(lambda: self._state != _FILLING)
                    if self._state in (_BROKEN, _RESETTING):
                        raise exceptions.BrokenBarrierError("Abort or reset of barrier")
                return index
            finally:
                self._count -= 1
                if self._count == 0:
                    if self._state in (_RESETTING, _DRAINING):
                        self._state = _FILLING
                    self._cond.notify_all()

    async def reset(self):
        """Back to the empty state; current waiters get BrokenBarrierError."""
        async with self._cond:
            self._state = _RESETTING if self._count > 0 else _FILLING
            self._cond.notify_all()

    async def abort(self):
        """Break the barrier: every waiter, now and later, gets
        BrokenBarrierError."""
        async with self._cond:
            self._state = _BROKEN
            self._cond.notify_all()

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        return self._count if self._state == _FILLING else 0

    @property
    def broken(self):
        return self._state == _BROKEN
