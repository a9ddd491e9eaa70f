"""Pausing Python's cyclic garbage collector while a large batch of long-lived objects is built."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """A large message or a month's history makes millions of objects that all live until the
    work is done: the cyclic collector would walk them again and again (a tenth to a fifth of
    the time) and free nothing. Reference counting still frees everything as usual."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
