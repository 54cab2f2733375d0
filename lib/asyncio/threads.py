"""Running blocking functions in a thread from a coroutine."""

__all__ = ('to_thread',)

import functools

try:
    import contextvars
except ImportError:
    contextvars = None

from . import events


async def to_thread(func, /, *args, **kwargs):
    """Run func(*args, **kwargs) in the loop's default executor and await its result."""
    loop = events.get_running_loop()
    if contextvars is not None:
        func_call = functools.partial(contextvars.copy_context().run, func, *args, **kwargs)
    else:
        func_call = functools.partial(func, *args, **kwargs)
    return await loop.run_in_executor(None, func_call)
