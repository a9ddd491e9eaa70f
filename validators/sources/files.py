"""Which files are messages: one answer for `validate`, `batch` and `store ingest`."""

from __future__ import annotations

import os
from pathlib import Path


def is_message_file(path: Path) -> bool:
    """A file named *.xml in any case: OP192 asks for the extension, not for its case."""
    return path.suffix.lower() == ".xml" and path.is_file()


def message_files(folder: str | os.PathLike) -> list[Path]:
    """The message files below `folder`, recursively, in a stable (sorted) order."""
    return sorted(p for p in Path(folder).rglob("*") if is_message_file(p))


class Seen:
    """Files already listed, by their real path: a file reached twice (a folder and a file in
    it, or a link) is validated and reported once."""

    def __init__(self) -> None:
        self._real: set[str] = set()

    def first(self, path: str | os.PathLike) -> bool:
        """True the first time a file is met, by its real path (a file given twice is judged once)."""
        real = os.path.realpath(path)
        if real in self._real:
            return False
        self._real.add(real)
        return True
