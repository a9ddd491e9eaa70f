"""The project's own XSDs, one per message type, and a cached lxml loader.

`schema_dir` points at another folder laid out like an official release
(JW323.xsd beside basisschema.xsd), for users who want the official files.
"""

from __future__ import annotations

import os
import threading
from functools import lru_cache
from pathlib import Path

from lxml import etree

from iwmo_ijw.namespaces import MessageType
from productcodes.errors import ConfigurationError

SCHEMA_ROOT = Path(__file__).parent
_lock = threading.Lock()


def default_dir(message_type: MessageType) -> Path:
    """The folder of the project's generated XSDs for this message type's standard and release."""
    return SCHEMA_ROOT / f"{message_type.standard.key}-{message_type.standard.release}"


def xsd_path(message_type: MessageType, schema_dir: str | os.PathLike | None = None) -> Path:
    """Path of the message type's XSD in `schema_dir` (default: the project's).

    A missing file is a ConfigurationError.
    """
    folder = Path(schema_dir) if schema_dir is not None else default_dir(message_type)
    path = folder / f"{message_type.code}.xsd"
    if not path.is_file():
        raise ConfigurationError(f"no schema for {message_type.code} in {folder} (expected {path.name})")
    return path


def load_schema(message_type: MessageType, schema_dir: str | os.PathLike | None = None) -> etree.XMLSchema:
    """The compiled XSD of a message type, cached per path."""
    return _load(xsd_path(message_type, schema_dir))


@lru_cache(maxsize=64)
def _load(path: Path) -> etree.XMLSchema:
    # libxml2 resolves the basisschema import relative to the file; nothing is fetched.
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    with _lock:
        try:
            return etree.XMLSchema(etree.parse(str(path), parser))
        except (etree.XMLSchemaParseError, etree.XMLSyntaxError, OSError) as exc:
            raise ConfigurationError(f"cannot load schema {path}: {exc}") from exc
