"""Small helpers that built-in functions written in C delegate to."""


async def anext_default(awaitable, default):
    """Await the result of anext(it); return `default` when the iterator is exhausted."""
    try:
        return await awaitable
    except StopAsyncIteration:
        return default
