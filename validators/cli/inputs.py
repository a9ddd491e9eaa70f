"""What the commands read: the message files named on the command line, and the history.

Kept apart from the options so `store ingest`, `validate`, `respond` and `batch` take files from
a folder the same way.
"""

from __future__ import annotations

from pathlib import Path

from productcodes.errors import UserError


def collect(paths: tuple[str, ...]) -> list[str]:
    """Files in argument order, each once; folders expand to their .xml/.XML files, sorted, recursively."""
    from validators.sources.files import Seen, message_files

    found: list[str] = []
    seen = Seen()
    for raw in paths:
        if raw == "-":
            found.append(raw)
            continue
        path = Path(raw)
        if path.is_dir():
            found.extend(str(p) for p in message_files(path) if seen.first(p))
        elif path.is_file():
            if seen.first(path):
                found.append(raw)
        else:
            raise UserError(f"{raw}: bestand of map bestaat niet")
    return found


def load_history(paths: tuple[str, ...], store_app=None, complete: bool = False):
    """History from --history files (oldest first) after the message store, when asked for."""
    if store_app is None:
        # Without the store module: files alone need no SQLAlchemy.
        if not paths:
            return None
        from validators.sources.history import History

        return History.from_paths([Path(p) for p in paths], complete=complete)
    from productcodes.commands import engine_for
    from validators.sources.store import build_history

    return build_history(engine_for(store_app), [Path(p) for p in paths], complete=complete)
