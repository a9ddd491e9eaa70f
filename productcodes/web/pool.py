"""Validation off the event loop: a pool of worker processes shared by the requests of one server.

Processes, not threads: the rules are Python and hold the GIL, so a 10k-Prestatie upload in a
thread would slow every other request of the same server. `spawn` because the server process
runs threads (uvicorn, SQLAlchemy pools) that a fork would copy half-way.
"""

from __future__ import annotations

import asyncio
import multiprocessing
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import partial

from fastapi import HTTPException


class WorkerPool:
    """Started lazily on first use, shut down with the application."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._executor: Executor | None = None

    def executor(self) -> Executor:
        """The executor, started on first use: processes, or one thread when size is 0."""
        if self._executor is None:
            if self.size <= 0:  # in-process (one thread), for debugging: still off the event loop
                self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="productcodes-web")
            else:
                self._executor = ProcessPoolExecutor(
                    max_workers=self.size, mp_context=multiprocessing.get_context("spawn")
                )
        return self._executor

    async def run(self, func, *args, **kwargs):
        """Run `func(*args, **kwargs)` in the pool and wait for it without blocking the loop."""
        loop = asyncio.get_running_loop()
        try:
            return await loop.run_in_executor(self.executor(), partial(func, *args, **kwargs))
        except BrokenProcessPool:
            # A validation process died (killed for memory, say): start a fresh pool for the next
            # request and tell this one plainly instead of failing every request from now on.
            self.close()
            raise HTTPException(
                503, "De controle is onderbroken (een werkproces stopte); probeer het opnieuw."
            ) from None

    def close(self) -> None:
        """Shut the executor down, cancelling queued work; it starts again on next use."""
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None
