"""Earlier messages, reduced to small indexed records for cross-message (TR) rules.

A room of three parts: `records` (the frozen facts kept per message), `loaders` (reading a
parsed message into those records) and `index` (the History that looks them up by key). The
message store (validators.sources.store) keeps the same records in its database and fills a
History with only those a message's keys reach.
"""

from validators.sources.history.index import History
from validators.sources.history.loaders import (
    HEADER_FIELDS,
    PRESTATIE_FIELDS,
    TOEWIJZING_FIELDS,
    Fields,
    as_text,
    prestatie_record,
    prestatie_records,
    read_texts,
    start_stop_record,
)
from validators.sources.history.records import (
    BerichtKey,
    Coverage,
    Declaratie,
    DeclaratieAntwoord,
    Prestatie,
    StartStop,
    Toewijzing,
    Verzoek,
    VerzoekAntwoord,
)

__all__ = [
    "HEADER_FIELDS",
    "PRESTATIE_FIELDS",
    "TOEWIJZING_FIELDS",
    "BerichtKey",
    "Coverage",
    "Declaratie",
    "DeclaratieAntwoord",
    "Fields",
    "History",
    "Prestatie",
    "StartStop",
    "Toewijzing",
    "Verzoek",
    "VerzoekAntwoord",
    "as_text",
    "prestatie_record",
    "prestatie_records",
    "read_texts",
    "start_stop_record",
]
