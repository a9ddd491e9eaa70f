"""One real server per module: starting uvicorn and its validation process takes a few seconds."""

from __future__ import annotations

import pytest

from tests.web.server import start, stop


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    running = start(tmp_path_factory.mktemp("web"))
    yield running
    stop(running)
