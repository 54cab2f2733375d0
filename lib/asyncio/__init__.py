"""Asynchronous I/O, event loop, coroutines and tasks (Krait's implementation).

The core (events, futures, tasks, queues, locks, timeouts, runners) is complete for
programs that schedule coroutines and timers; network streams and subprocesses build on
the selector-based loop as those modules land."""
import sys

from .exceptions import *
from .events import *
from .futures import *
from .tasks import *
from .queues import *
from .locks import *
from .timeouts import *
from .runners import *
from .coroutines import *
from .taskgroups import *

from . import exceptions, events, futures, tasks, queues, locks, timeouts, runners, coroutines, taskgroups

__all__ = (exceptions.__all__ + events.__all__ + futures.__all__ + tasks.__all__ +
           queues.__all__ + locks.__all__ + timeouts.__all__ + runners.__all__ +
           coroutines.__all__ + taskgroups.__all__)
