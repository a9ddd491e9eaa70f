"""Records as the store keeps them: a kind code, the fields as compact JSON, and the keys they are found by.

One row per record, with its keys in a table of their own, is simpler than a table with a
column per field for eight kinds of record, and the records never get queried by field: a
validation asks for every record a key reaches and gives them to a History as they are. The
JSON is a list of the dataclass's fields in their order (without `seq`, which is the arrival
position of the record's message: its row id).
"""

from __future__ import annotations

import json
from dataclasses import fields
from datetime import date
from decimal import Decimal

from productcodes.errors import UserError
from productcodes.store_models import SLEUTEL_LENGTE
from validators.sources.history.records import (
    Declaratie,
    DeclaratieAntwoord,
    Prestatie,
    StartStop,
    Toewijzing,
    Verzoek,
    VerzoekAntwoord,
)
from validators.sources.lifecycle import LifecycleFact

KINDS: dict[type, str] = {
    Toewijzing: "TW",
    StartStop: "SS",
    Prestatie: "PR",
    Declaratie: "DC",
    DeclaratieAntwoord: "DA",
    Verzoek: "VZ",
    VerzoekAntwoord: "VA",
    LifecycleFact: "LV",
}
_CLASSES = {code: cls for cls, code in KINDS.items()}
_FIELDS = {cls: tuple(f.name for f in fields(cls) if f.name != "seq") for cls in KINDS}
# Where `seq` stands among the constructor's positional arguments (not always last: Verzoek).
_SEQ_AT = {cls: [f.name for f in fields(cls)].index("seq") for cls in KINDS}


class StoredRecordError(UserError):
    """A stored record that cannot be read back (the database was changed outside this program)."""


# -- encoding -------------------------------------------------------------------------


def encode(record) -> tuple[str, str]:
    """(kind code, JSON of the fields) of a record."""
    cls = type(record)
    values = [
        value if value is None or type(value) in _AS_IS else _plain(value)
        for value in map(record.__getattribute__, _FIELDS[cls])
    ]
    return KINDS[cls], _ENCODE(values)


# One encoder for every record: json.dumps with options builds a new one per call.
_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False).encode
_AS_IS = frozenset({str, int, bool})


def _plain(value):
    if value is None or type(value) in _AS_IS:
        return value
    if isinstance(value, date):
        return {"d": value.isoformat()}
    if isinstance(value, Decimal):
        return {"n": str(value)}
    if isinstance(value, frozenset):
        return {"s": sorted(value, key=str)}
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    raise TypeError(f"a record field of type {type(value).__name__} cannot be stored")


def decode(kind: str, payload: str, seq: int):
    """The record a row holds, at arrival position `seq`."""
    try:
        cls = _CLASSES[kind]
        values = list(map(_tuples, _DECODE(payload)))
        values.insert(_SEQ_AT[cls], seq)
        record = cls(*values)
    except (KeyError, TypeError, ValueError) as exc:
        raise StoredRecordError(
            f"een opgeslagen gegeven ({kind}) van bericht {seq} in de berichtenopslag kan niet gelezen "
            f"worden ({exc}); `productcodes store reindex --opnieuw` haalt het opnieuw uit het "
            "bewaarde bericht"
        ) from None
    return record


def _tagged(obj: dict):
    # Only values `_plain` wrote come as objects: a date, a number with decimals, a set.
    if "d" in obj:
        return date.fromisoformat(obj["d"])
    if "n" in obj:
        return Decimal(obj["n"])
    if "s" in obj:
        return frozenset(obj["s"])
    raise ValueError(f"unknown value {obj!r}")


_DECODE = json.JSONDecoder(object_hook=_tagged).decode


def _tuples(value):
    return tuple(map(_tuples, value)) if type(value) is list else value


# -- keys -----------------------------------------------------------------------------


def pair_key(afzender: str, ontvanger: str) -> str:
    """The key of what passed between two parties (declarations): no number looks like it."""
    return f"paar|{afzender}|{ontvanger}"


def cut(value: str) -> str:
    """A key value as the key column holds it (its first SLEUTEL_LENGTE characters)."""
    return value[:SLEUTEL_LENGTE]


def keys_of(record) -> set[str]:
    """What a record is found by: the values the History indexes it by, and those the lifecycle's
    questions name (a declaration's Identificatie, a toewijzing's number)."""
    found = _KEYS[type(record)](record)
    return {cut(k) for k in found if k}


def follow(record) -> tuple[str | None, ...]:
    """Keys a rule looks up next with what it found in this record (a line's declaration, a request's
    retour, another version of a toewijzing), so these records come along in the same load."""
    return _FOLLOW[type(record)](record)


def scopes_of(record) -> tuple[tuple[str, str, str], ...]:
    """(kind, afzender, ontvanger) of the questions without a key this record answers (see
    History.note_scope): who has sent requests, declarations, notices; which relations exist."""
    cls = type(record)
    if cls is Toewijzing:
        return (("relatie", record.afzender, record.ontvanger),)
    if cls is Verzoek:
        return (("verzoek", record.afzender, ""),)
    if cls is Declaratie:
        return (("declaratie", record.afzender, ""),)
    if cls is StartStop:
        return ((record.berichtcode[-3:], record.afzender, ""),)
    return ()


def _fact_keys(fact: LifecycleFact) -> tuple:
    key = fact.key
    if fact.kind in ("declaraties", "declaratie_xsd", "geheel_bericht"):
        return (key[1],)  # (aanbieder, Identificatie, Dagtekening)
    if fact.kind == "nummers":
        return (key[1], fact.value[1])  # (aanbieder, DeclaratieNummer) -> the declaration's key
    if fact.kind in ("geheel", "toewijzingen"):
        return (key[1],)
    if fact.kind == "regels":
        return (key[1], key[2])
    if fact.kind == "berichten":
        return (key[2],)
    if fact.kind == "klassen":
        return (key[0][2],)
    raise StoredRecordError(f"unknown lifecycle fact {fact.kind!r}")


def _fact_follow(fact: LifecycleFact) -> tuple:
    if fact.kind in ("declaraties", "declaratie_xsd"):
        return (fact.key[1],)
    if fact.kind == "nummers":
        return (fact.value[1],)  # whether the declaration was rejected: by its Identificatie
    return ()


_KEYS = {
    Toewijzing: lambda r: (r.nummer, r.bsn, r.referentie_aanbieder),
    StartStop: lambda r: (r.toewijzing_nummer,),
    Prestatie: lambda r: (r.referentie, r.vorig_referentie, r.toewijzing_nummer),
    Declaratie: lambda r: (r.nummer, pair_key(r.afzender, r.ontvanger)),
    DeclaratieAntwoord: lambda r: (r.declaratie_nummer,),
    Verzoek: lambda r: (r.referentie_aanbieder, r.bsn),
    VerzoekAntwoord: lambda r: (r.referentie_aanbieder,),
    LifecycleFact: _fact_keys,
}

_FOLLOW = {
    Toewijzing: lambda r: (r.nummer,),  # every version of it, and whether its JW302 rejected it
    StartStop: lambda r: (r.identificatie,),  # its retour (JW306/JW308)
    Prestatie: lambda r: (r.declaratie_nummer, r.referentie),  # its declaration, answer, credits
    Declaratie: lambda r: (r.nummer,),
    DeclaratieAntwoord: lambda r: (),
    Verzoek: lambda r: (r.referentie_aanbieder, r.identificatie),  # answers, toewijzingen, its retour
    VerzoekAntwoord: lambda r: (),
    LifecycleFact: _fact_follow,
}
