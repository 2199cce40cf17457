"""gevent's exceptions."""

from greenlet import GreenletExit

__all__ = ["LoopExit", "BlockingSwitchOutError", "InvalidSwitchError",
           "ConcurrentObjectUseError", "InvalidThreadUseError", "HubDestroyed"]


class LoopExit(Exception):
    """The loop has nothing left to wait for, yet a greenlet waits."""

    @property
    def hub(self):
        return self.args[1] if len(self.args) > 1 else None

    def __str__(self):
        return str(self.args[0]) if self.args else ""


class BlockingSwitchOutError(AssertionError):
    pass


class InvalidSwitchError(AssertionError):
    pass


class ConcurrentObjectUseError(AssertionError):
    pass


class InvalidThreadUseError(RuntimeError):
    pass


class HubDestroyed(GreenletExit):
    pass
