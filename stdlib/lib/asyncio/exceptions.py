"""The exceptions asyncio raises, as CPython's asyncio.exceptions."""

__all__ = ("BrokenBarrierError", "CancelledError", "InvalidStateError",
           "TimeoutError", "IncompleteReadError", "LimitOverrunError",
           "SendfileNotAvailableError")


class CancelledError(BaseException):
    """The task or future was cancelled."""


TimeoutError = TimeoutError


class InvalidStateError(Exception):
    """The operation is not allowed in the future's current state."""


class SendfileNotAvailableError(RuntimeError):
    """sendfile is not available for the given socket or file."""


class IncompleteReadError(EOFError):
    """The stream ended before `expected` bytes were read; `partial` holds
    what was read."""

    def __init__(self, partial, expected):
        r_expected = "undefined" if expected is None else repr(expected)
        super().__init__(f"{len(partial)} bytes read on a total of "
                         f"{r_expected} expected bytes")
        self.partial = partial
        self.expected = expected

    def __reduce__(self):
        return type(self), (self.partial, self.expected)


class LimitOverrunError(Exception):
    """A separator was not found within the buffer limit; `consumed` bytes
    are to be skipped."""

    def __init__(self, message, consumed):
        super().__init__(message)
        self.consumed = consumed

    def __reduce__(self):
        return type(self), (self.args[0], self.consumed)


class BrokenBarrierError(RuntimeError):
    """A barrier was reset or broken while a task waited on it."""
