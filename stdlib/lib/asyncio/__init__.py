"""asyncio: a single-threaded event loop over selectors, with tasks,
futures, synchronization primitives, queues, timeouts, task groups and
socket streams, as CPython 3.11's asyncio package."""

from .barriers import *
from .base_events import *
from .coroutines import *
from .events import *
from .exceptions import *
from .futures import *
from .locks import *
from .queues import *
from .runners import *
from .streams import *
from .taskgroups import *
from .tasks import *
from .threads import *
from .timeouts import *

from .events import _get_running_loop, _set_running_loop

__all__ = (barriers.__all__ + base_events.__all__ + coroutines.__all__ + events.__all__ +
           exceptions.__all__ + futures.__all__ + locks.__all__ +
           queues.__all__ + runners.__all__ + streams.__all__ +
           taskgroups.__all__ + tasks.__all__ + threads.__all__ +
           timeouts.__all__)

SelectorEventLoop = BaseEventLoop
