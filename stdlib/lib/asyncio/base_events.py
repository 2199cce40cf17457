"""The event loop, as CPython's selector event loop: a deque of ready
callbacks, a heap of timers keyed by time.monotonic() deadlines, and a
selector waited on for IO readiness (or until the next timer is due).

One pass of the loop (_run_once) moves due timers to the ready deque and
runs exactly the callbacks that were ready when it began; callbacks
scheduled meanwhile wait for the next pass. Other threads wake a blocked
select through a socketpair (call_soon_threadsafe)."""

import heapq
import selectors
import socket
import sys
import threading
import time

from . import coroutines
from . import events
from . import futures
from . import tasks

__all__ = ("BaseEventLoop",)

# A cancelled timer is dropped from the heap at once when more than this
# share of the heap is cancelled (and the heap has at least 100 entries).
_MIN_SCHEDULED_TIMER_HANDLES = 100
_MIN_CANCELLED_TIMER_HANDLES_FRACTION = 0.5
_MAXIMUM_SELECT_TIMEOUT = 24 * 3600


def _run_until_complete_cb(fut):
    if not fut.cancelled():
        exc = fut.exception()
        if isinstance(exc, (SystemExit, KeyboardInterrupt)):
            return
    fut.get_loop().stop()


class BaseEventLoop(events.AbstractEventLoop):
    """A single-threaded event loop over a selector."""

    def __init__(self, selector=None):
        self._selector = selectors.DefaultSelector() if selector is None else selector
        # Callbacks for the next pass; _run_once swaps in a fresh list.
        self._ready = []
        self._scheduled = []
        self._timer_cancelled_count = 0
        self._closed = False
        self._stopping = False
        self._thread_id = None
        self._default_executor = None
        self._executor_shutdown_called = False
        self._exception_handler = None
        self._task_factory = None
        self._debug = False
        self._clock_resolution = 1e-09
        # Futures whose exception nobody has retrieved yet, reported at close.
        self._unretrieved = set()
        self._make_self_pipe()

    def __repr__(self):
        return (f"<{self.__class__.__name__} running={self.is_running()} "
                f"closed={self.is_closed()} debug={self.get_debug()}>")

    # The self-pipe: a byte written from any thread wakes select().

    def _make_self_pipe(self):
        self._ssock, self._csock = socket.socketpair()
        self._ssock.setblocking(False)
        self._csock.setblocking(False)
        self._add_reader(self._ssock.fileno(), self._read_from_self)

    def _close_self_pipe(self):
        self._remove_reader(self._ssock.fileno())
        self._ssock.close()
        self._csock.close()
        self._ssock = self._csock = None

    def _read_from_self(self):
        while True:
            try:
                if not self._ssock.recv(4096):
                    break
            except InterruptedError:
                continue
            except BlockingIOError:
                break

    def _write_to_self(self):
        csock = self._csock
        if csock is None:
            return
        try:
            csock.send(b"\0")
        except OSError:
            pass

    # State.

    def _check_closed(self):
        if self._closed:
            raise RuntimeError("Event loop is closed")

    def _check_running(self):
        if self.is_running():
            raise RuntimeError("This event loop is already running")
        if events._get_running_loop() is not None:
            raise RuntimeError(
                "Cannot run the event loop while another loop is running")

    def is_running(self):
        return self._thread_id is not None

    def is_closed(self):
        return self._closed

    def get_debug(self):
        return self._debug

    def set_debug(self, enabled):
        self._debug = enabled

    def time(self):
        """The loop's clock: time.monotonic()."""
        return time.monotonic()

    def close(self):
        """Close the loop: drop pending callbacks, shut the default executor."""
        if self.is_running():
            raise RuntimeError("Cannot close a running event loop")
        if self._closed:
            return
        self._report_unretrieved()
        self._closed = True
        self._ready.clear()
        self._scheduled.clear()
        self._executor_shutdown_called = True
        executor = self._default_executor
        if executor is not None:
            self._default_executor = None
            executor.shutdown(wait=False)
        if self._selector is not None:
            self._close_self_pipe()
            self._selector.close()
            self._selector = None

    def _report_unretrieved(self):
        while self._unretrieved:
            pending = list(self._unretrieved)
            self._unretrieved.clear()
            for fut in pending:
                fut._report_unretrieved()

    # Futures and tasks.

    def create_future(self):
        return futures.Future(loop=self)

    def create_task(self, coro, *, name=None, context=None):
        """Schedule coroutine `coro` as a Task on this loop."""
        self._check_closed()
        if self._task_factory is None:
            task = tasks.Task(coro, loop=self, name=name, context=context)
        else:
            if context is None:
                task = self._task_factory(self, coro)
            else:
                task = self._task_factory(self, coro, context=context)
            if name is not None:
                task.set_name(name)
        return task

    def set_task_factory(self, factory):
        if factory is not None and not callable(factory):
            raise TypeError("task factory must be a callable or None")
        self._task_factory = factory

    def get_task_factory(self):
        return self._task_factory

    # Running.

    def run_forever(self):
        """Run callbacks until stop() is called."""
        self._check_closed()
        self._check_running()
        self._thread_id = threading.get_ident()
        events._set_running_loop(self)
        try:
            while True:
                self._run_once()
                if self._stopping:
                    break
        finally:
            self._stopping = False
            self._thread_id = None
            events._set_running_loop(None)

    def run_until_complete(self, future):
        """Run until `future` (or a coroutine, made a task) is done; return
        its result or raise its exception."""
        self._check_closed()
        self._check_running()
        new_task = not futures.isfuture(future)
        future = tasks.ensure_future(future, loop=self)
        if new_task:
            # An exception here is re-raised below; the task need not log it.
            future._log_destroy_pending = False
        future.add_done_callback(_run_until_complete_cb)
        try:
            self.run_forever()
        except BaseException:
            if new_task and future.done() and not future.cancelled():
                future.exception()
            raise
        finally:
            future.remove_done_callback(_run_until_complete_cb)
        if not future.done():
            raise RuntimeError("Event loop stopped before Future completed.")
        return future.result()

    def stop(self):
        """Stop after the current pass."""
        self._stopping = True

    def _run_once(self):
        scheduled = self._scheduled
        if (len(scheduled) > _MIN_SCHEDULED_TIMER_HANDLES and
                self._timer_cancelled_count / len(scheduled) >
                _MIN_CANCELLED_TIMER_HANDLES_FRACTION):
            kept = []
            for handle in scheduled:
                if handle._cancelled:
                    handle._scheduled = False
                else:
                    kept.append(handle)
            heapq.heapify(kept)
            self._scheduled = scheduled = kept
            self._timer_cancelled_count = 0
        else:
            while scheduled and scheduled[0]._cancelled:
                self._timer_cancelled_count -= 1
                handle = heapq.heappop(scheduled)
                handle._scheduled = False

        timeout = None
        if self._ready or self._stopping:
            timeout = 0
        elif scheduled:
            timeout = min(max(0, scheduled[0]._when - self.time()),
                          _MAXIMUM_SELECT_TIMEOUT)
        self._process_events(self._selector.select(timeout))

        end_time = self.time() + self._clock_resolution
        ready = self._ready
        while scheduled:
            handle = scheduled[0]
            if handle._when >= end_time:
                break
            handle = heapq.heappop(scheduled)
            handle._scheduled = False
            ready.append(handle)

        # Exactly these run in this pass: call_soon from a callback appends to
        # the fresh list, for the next pass.
        self._ready = []
        index = 0
        try:
            for handle in ready:
                index += 1
                if not handle._cancelled:
                    handle._run()
        except BaseException:
            self._ready[:0] = ready[index:]
            raise
        handle = None

    def _process_events(self, event_list):
        for key, mask in event_list:
            reader, writer = key.data
            if mask & selectors.EVENT_READ and reader is not None:
                if reader._cancelled:
                    self._remove_reader(key.fd)
                else:
                    self._ready.append(reader)
            if mask & selectors.EVENT_WRITE and writer is not None:
                if writer._cancelled:
                    self._remove_writer(key.fd)
                else:
                    self._ready.append(writer)

    # Scheduling callbacks.

    def _check_callback(self, callback, method):
        # CPython 3.11 checks callbacks in debug mode only.
        if not self._debug:
            return
        if coroutines.iscoroutine(callback) or coroutines.iscoroutinefunction(callback):
            raise TypeError(f"coroutines cannot be used with {method}()")
        if not callable(callback):
            raise TypeError(f"a callable object was expected by {method}(), "
                            f"got {callback!r}")

    def call_soon(self, callback, *args, context=None):
        """Run callback(*args) on the next pass; returns its Handle."""
        self._check_closed()
        self._check_callback(callback, "call_soon")
        handle = events.Handle(callback, args, self, context)
        self._ready.append(handle)
        return handle

    def call_soon_threadsafe(self, callback, *args, context=None):
        """call_soon from any thread: also wakes the loop's select()."""
        self._check_closed()
        self._check_callback(callback, "call_soon_threadsafe")
        handle = events.Handle(callback, args, self, context)
        self._ready.append(handle)
        self._write_to_self()
        return handle

    def call_later(self, delay, callback, *args, context=None):
        """Run callback(*args) after `delay` seconds; returns a TimerHandle."""
        if delay is None:
            raise TypeError("delay must not be None")
        return self.call_at(self.time() + delay, callback, *args, context=context)

    def call_at(self, when, callback, *args, context=None):
        """Run callback(*args) at loop time `when`; returns a TimerHandle."""
        if when is None:
            raise TypeError("when cannot be None")
        self._check_closed()
        self._check_callback(callback, "call_at")
        timer = events.TimerHandle(when, callback, args, self, context)
        heapq.heappush(self._scheduled, timer)
        timer._scheduled = True
        return timer

    def _timer_handle_cancelled(self, handle):
        if handle._scheduled:
            self._timer_cancelled_count += 1

    # Threads.

    def run_in_executor(self, executor, func, *args):
        """Run func(*args) in `executor` (default: a ThreadPoolExecutor);
        returns an asyncio Future of its result."""
        self._check_closed()
        self._check_callback(func, "run_in_executor")
        if executor is None:
            executor = self._default_executor
            if executor is None:
                if self._executor_shutdown_called:
                    raise RuntimeError("Executor shutdown has been called")
                import concurrent.futures
                executor = concurrent.futures.ThreadPoolExecutor(
                    thread_name_prefix="asyncio")
                self._default_executor = executor
        return futures.wrap_future(executor.submit(func, *args), loop=self)

    def set_default_executor(self, executor):
        self._default_executor = executor

    async def shutdown_default_executor(self):
        """Wait, in a helper thread, for the default executor to finish."""
        self._executor_shutdown_called = True
        executor = self._default_executor
        if executor is None:
            return
        future = self.create_future()

        def shut():
            try:
                executor.shutdown(wait=True)
                self.call_soon_threadsafe(future.set_result, None)
            except BaseException as exc:
                self.call_soon_threadsafe(future.set_exception, exc)

        thread = threading.Thread(target=shut)
        thread.start()
        try:
            await future
        finally:
            thread.join()

    async def shutdown_asyncgens(self):
        """Async generators are not tracked; nothing to finalize."""

    # Errors.

    def get_exception_handler(self):
        return self._exception_handler

    def set_exception_handler(self, handler):
        if handler is not None and not callable(handler):
            raise TypeError(f"A callable object or None is expected, got {handler!r}")
        self._exception_handler = handler

    def default_exception_handler(self, context):
        """Report `context` on stderr (through logging when it is present)."""
        message = context.get("message") or "Unhandled exception in event loop"
        exception = context.get("exception")
        lines = [message]
        for key in sorted(context):
            if key in ("message", "exception"):
                continue
            lines.append(f"{key}: {context[key]!r}")
        text = "\n".join(lines)
        try:
            import logging
        except ImportError:
            logging = None
        if logging is not None:
            exc_info = (type(exception), exception, exception.__traceback__) \
                if exception is not None else False
            logging.getLogger("asyncio").error(text, exc_info=exc_info)
            return
        print(text, file=sys.stderr)
        if exception is not None:
            _print_exception(exception)

    def call_exception_handler(self, context):
        """Pass `context` to the handler set, else the default one."""
        if self._exception_handler is None:
            try:
                self.default_exception_handler(context)
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException:
                print("Exception in default exception handler", file=sys.stderr)
            return
        try:
            self._exception_handler(self, context)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            try:
                self.default_exception_handler({
                    "message": "Unhandled error in exception handler",
                    "exception": exc,
                    "context": context,
                })
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException:
                print("Exception in default exception handler", file=sys.stderr)

    # IO readiness.

    def _add_reader(self, fd, callback, *args):
        handle = events.Handle(callback, args, self, None)
        self._update(fd, handle, 0)
        return handle

    def _add_writer(self, fd, callback, *args):
        handle = events.Handle(callback, args, self, None)
        self._update(fd, handle, 1)
        return handle

    def _update(self, fd, handle, slot):
        """Put `handle` in slot 0 (read) or 1 (write) of fd's registration."""
        try:
            key = self._selector.get_key(fd)
        except KeyError:
            data = [None, None]
            data[slot] = handle
            event = selectors.EVENT_READ if slot == 0 else selectors.EVENT_WRITE
            self._selector.register(fd, event, tuple(data))
            return
        data = list(key.data)
        old = data[slot]
        data[slot] = handle
        event = selectors.EVENT_READ if slot == 0 else selectors.EVENT_WRITE
        self._selector.modify(fd, key.events | event, tuple(data))
        if old is not None:
            old.cancel()

    def _remove(self, fd, slot):
        if self._selector is None:
            return False
        try:
            key = self._selector.get_key(fd)
        except KeyError:
            return False
        data = list(key.data)
        old = data[slot]
        data[slot] = None
        event = selectors.EVENT_READ if slot == 0 else selectors.EVENT_WRITE
        mask = key.events & ~event
        if not mask:
            self._selector.unregister(fd)
        else:
            self._selector.modify(fd, mask, tuple(data))
        if old is not None:
            old.cancel()
            return True
        return False

    def _remove_reader(self, fd):
        return self._remove(fd, 0)

    def _remove_writer(self, fd):
        return self._remove(fd, 1)

    def add_reader(self, fd, callback, *args):
        """Call callback(*args) whenever `fd` is readable."""
        self._check_closed()
        self._check_callback(callback, "add_reader")
        self._add_reader(fd, callback, *args)

    def remove_reader(self, fd):
        return self._remove_reader(fd)

    def add_writer(self, fd, callback, *args):
        """Call callback(*args) whenever `fd` is writable."""
        self._check_closed()
        self._check_callback(callback, "add_writer")
        self._add_writer(fd, callback, *args)

    def remove_writer(self, fd):
        return self._remove_writer(fd)

    # Sockets (non-blocking ones).

    def _check_sock(self, sock):
        if self._debug and sock.gettimeout() != 0:
            raise ValueError("the socket must be non-blocking")

    async def sock_recv(self, sock, n):
        """Receive up to n bytes from non-blocking `sock`."""
        self._check_sock(sock)
        try:
            return sock.recv(n)
        except (BlockingIOError, InterruptedError):
            pass
        fut = self.create_future()
        fd = sock.fileno()
        self._add_reader(fd, self._sock_recv, fut, sock, n)
        fut.add_done_callback(lambda _: self._remove_reader(fd))
        return await fut

    def _sock_recv(self, fut, sock, n):
        if fut.done():
            return
        try:
            data = sock.recv(n)
        except (BlockingIOError, InterruptedError):
            return
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            fut.set_exception(exc)
        else:
            fut.set_result(data)

    async def sock_sendall(self, sock, data):
        """Send all of `data` on non-blocking `sock`."""
        self._check_sock(sock)
        try:
            n = sock.send(data)
        except (BlockingIOError, InterruptedError):
            n = 0
        if n == len(data):
            return
        fut = self.create_future()
        fd = sock.fileno()
        self._add_writer(fd, self._sock_sendall, fut, sock, bytes(data), [n])
        fut.add_done_callback(lambda _: self._remove_writer(fd))
        return await fut

    def _sock_sendall(self, fut, sock, view, pos):
        if fut.done():
            return
        start = pos[0]
        try:
            n = sock.send(view[start:] if start else view)
        except (BlockingIOError, InterruptedError):
            return
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            fut.set_exception(exc)
            return
        start += n
        if start == len(view):
            fut.set_result(None)
        else:
            pos[0] = start

    async def sock_accept(self, sock):
        """Accept a connection on non-blocking listening `sock`: (conn, address),
        conn non-blocking."""
        self._check_sock(sock)
        fut = self.create_future()
        self._sock_accept(fut, sock)
        return await fut

    def _sock_accept(self, fut, sock):
        fd = sock.fileno()
        try:
            conn, address = sock.accept()
            conn.setblocking(False)
        except (BlockingIOError, InterruptedError):
            self._add_reader(fd, self._sock_accept_ready, fut, sock)
            fut.add_done_callback(lambda _: self._remove_reader(fd))
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            fut.set_exception(exc)
        else:
            fut.set_result((conn, address))

    def _sock_accept_ready(self, fut, sock):
        if fut.done():
            return
        try:
            conn, address = sock.accept()
            conn.setblocking(False)
        except (BlockingIOError, InterruptedError):
            return
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            fut.set_exception(exc)
        else:
            fut.set_result((conn, address))

    async def sock_connect(self, sock, address):
        """Connect non-blocking `sock` to `address`."""
        self._check_sock(sock)
        try:
            sock.connect(address)
            return
        except (BlockingIOError, InterruptedError):
            pass
        fut = self.create_future()
        fd = sock.fileno()
        self._add_writer(fd, self._sock_connect_done, fut, sock, address)
        fut.add_done_callback(lambda _: self._remove_writer(fd))
        return await fut

    def _sock_connect_done(self, fut, sock, address):
        if fut.done():
            return
        try:
            err = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
            if err != 0:
                raise OSError(err, f"Connect call failed {address}")
        except (BlockingIOError, InterruptedError):
            return
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            fut.set_exception(exc)
        else:
            fut.set_result(None)


def _print_exception(exc):
    """A traceback on stderr, for when neither logging nor traceback exists."""
    try:
        import traceback
    except ImportError:
        traceback = None
    if traceback is not None:
        traceback.print_exception(type(exc), exc, exc.__traceback__, file=sys.stderr)
        return
    lines = ["Traceback (most recent call last):"]
    tb = exc.__traceback__
    while tb is not None:
        code = tb.tb_frame.f_code
        lines.append(f'  File "{code.co_filename}", line {tb.tb_lineno}, in {code.co_name}')
        tb = tb.tb_next
    text = str(exc)
    name = type(exc).__name__
    lines.append(f"{name}: {text}" if text else name)
    print("\n".join(lines), file=sys.stderr)
