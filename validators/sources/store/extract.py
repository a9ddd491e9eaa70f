"""What a History keeps of one message, taken out as rows for the store.

The loaders' own adders (validators.sources.history.loaders) read the message, into a
collector instead of a History, and the lifecycle notes it into an empty Lifecycle whose
entries become facts: the store keeps exactly what a History built from the files keeps.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from iwmo_ijw.parsing import ParsedMessage
from iwmo_ijw.xpath import find
from validators.sources.history.loaders import ADDERS, HEADER_FIELDS, bericht_key
from validators.sources.history.records import BerichtKey
from validators.sources.lifecycle import Lifecycle


@dataclass
class Extract:
    """One message as the History sees it: its key and header facts, its records in order."""

    key: BerichtKey
    xsd: tuple[str | None, str | None]
    retour: bool
    records: list


class _Collector:
    """Stands in for a History while an adder reads a message: keeps the records in the order given."""

    _seq = 0  # records are stored without position; the store's row id is their seq

    def __init__(self) -> None:
        self.records: list = []
        self.add_toewijzing = self.add_prestatie = self.add_declaratie = self.records.append
        appender = _Appender(self.records)
        self.start_stops = self.antwoorden = self.verzoeken = self.verzoek_antwoorden = appender


class _Appender(defaultdict):
    """`history.start_stops[nummer].append(record)` as the adders write it, into one list."""

    def __init__(self, records: list) -> None:
        super().__init__()
        self._records = records

    def __missing__(self, key):
        return self._records


def extract(message: ParsedMessage) -> Extract:
    """The records a History would keep of `message`, and the lifecycle facts it would note."""
    header = find(message.root, "Header")
    texts = HEADER_FIELDS.of(header) if header is not None else HEADER_FIELDS.absent()
    key = bericht_key(message, texts)
    adder = ADDERS.get(str(message.message_type.number))
    sink = _Collector()
    if adder is not None:
        adder(sink, message, key)
    lifecycle = Lifecycle()
    lifecycle.note(message, key, 0)
    return Extract(
        key=key,
        xsd=(texts["basisschema_xsd_versie"], texts["bericht_xsd_versie"]),
        retour=adder is None and message.message_type.is_retour,
        records=sink.records + lifecycle.facts(),
    )
