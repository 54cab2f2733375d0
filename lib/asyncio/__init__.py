"""Asynchronous I/O, event loop, coroutines and tasks (Krait's implementation).

The loop (events.py) runs callbacks, timers and a selector; selector_events.py adds
sockets, transports and servers, streams.py the StreamReader/StreamWriter layer."""
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
from .protocols import *
from .transports import *
from .streams import *
from .threads import *
from .selector_events import *
from .subprocess import *

from . import (exceptions, events, futures, tasks, queues, locks, timeouts, runners, coroutines,
               taskgroups, protocols, transports, streams, threads, selector_events, subprocess)

__all__ = (exceptions.__all__ + events.__all__ + futures.__all__ + tasks.__all__ +
           queues.__all__ + locks.__all__ + timeouts.__all__ + runners.__all__ +
           coroutines.__all__ + taskgroups.__all__ + protocols.__all__ + transports.__all__ +
           streams.__all__ + threads.__all__ + selector_events.__all__ + subprocess.__all__)
