"""Loading from the store only what a message's keys reach, as a History.

A cross-message rule looks earlier records up by the numbers the message under test names
(ToewijzingNummers, ReferentieNummers, Bsns, DeclaratieNummers, ReferentieAanbieders, its
Identificatie) and by what those records name in turn (a line's declaration and its answer,
a request's retour, the other versions of a toewijzing: codec.follow). So the records of the
message's keys are loaded, then those their follow-up keys reach, until nothing new comes:
every record any rule can reach is in the History, in arrival order, and its verdicts are
those of a History of the whole store (tests/validators/test_store_keyed.py compares them for
every cross-rule fixture). What rules ask without a key ("has this aanbieder ever sent a
request?") is answered from the small table of parties (History.note_scope).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from sqlalchemy import and_, func, select

from iwmo_ijw.parsing import ParsedMessage
from iwmo_ijw.xpath import find, text
from productcodes.store_models import OntvangenBericht, OpslagPartij, OpslagRecord, OpslagSleutel
from validators.engine._gcpause import collector_paused
from validators.sources.history import BerichtKey, History
from validators.sources.history.loaders import HEADER_FIELDS, load_file
from validators.sources.store.codec import cut, decode, follow, pair_key

# The elements whose texts rules look earlier records up by.
KEY_ELEMENTS = (
    "ToewijzingNummer",
    "ReferentieNummer",
    "VorigReferentieNummer",
    "ReferentieAanbieder",
    "DeclaratieNummer",
    "Bsn",
    "Identificatie",
)
_KEY_TAGS = tuple(f"{{*}}{name}" for name in KEY_ELEMENTS)
_CHUNK = 500  # keys per query: well below every database's limit on parameters


def message_keys(message: ParsedMessage) -> set[str]:
    """The keys a message's rules look earlier records up by, and its parties' pair keys."""
    found = {cut(t) for el in message.root.iter(*_KEY_TAGS) if (t := (el.text or "").strip())}
    header = find(message.root, "Header")
    afzender = text(header, "Afzender") if header is not None else None
    ontvanger = text(header, "Ontvanger") if header is not None else None
    if afzender and ontvanger:
        found |= {pair_key(afzender, ontvanger), pair_key(ontvanger, afzender)}
    return found


def load_history(session, keys: Iterable[str]) -> History:
    """A History of the stored records `keys` reach (and those their follow-up keys reach), with the
    stored messages whose Identificatie is among them, the parties' scopes and the store's coverage."""
    records: dict[tuple[int, int], object] = {}
    berichten: dict[int, tuple] = {}
    asked: set[str] = set()
    todo = set(keys)
    connection = session.connection()  # Core rows: no ORM bookkeeping for thousands of records
    postgres = connection.dialect.name == "postgresql"
    records_by_key, berichten_by_identificatie = _QUERIES[postgres]
    if postgres:
        # A load is a few hundred index probes. PostgreSQL's default costs (spinning disks) make a
        # store of some 100k keys look cheaper to scan whole: 50 ms instead of 2. For this transaction only.
        connection.exec_driver_sql("SET LOCAL random_page_cost = 1.1")
    while todo:
        asked |= todo
        found: set[str] = set()
        for chunk in _chunks(sorted(todo), postgres):
            for bericht_id, volgnummer, soort, inhoud in connection.execute(records_by_key, {"keys": chunk}):
                if (bericht_id, volgnummer) not in records:
                    record = records[(bericht_id, volgnummer)] = decode(soort, inhoud, bericht_id)
                    found.update(follow(record))
            for row in connection.execute(berichten_by_identificatie, {"keys": chunk}):
                berichten[row[0]] = row
        found.discard(None)
        found.discard("")
        todo = {cut(k) for k in found} - asked
    history = History()
    with collector_paused():
        _fill(history, berichten, records)
    for soort, afzender, ontvanger, eerste in connection.execute(_PARTIES):
        history.note_scope((soort, afzender, ontvanger) if soort == "relatie" else (soort, afzender), eerste)
    history._seq = max(history._seq, session.scalar(select(func.max(OntvangenBericht.id))) or 0)
    from validators.sources.store import complete_from

    since = complete_from(session)
    if since is not None:
        history.declare_complete("store", since)
    return history


def _fill(history: History, berichten: dict[int, tuple], records: dict[tuple[int, int], object]) -> None:
    # In arrival order, each message before its records: as History.add would have met them.
    order = sorted([*((b, -1) for b in berichten), *records])
    for bericht_id, volgnummer in order:
        if volgnummer < 0:
            (
                _,
                afzender,
                ontvanger,
                berichttype,
                identificatie,
                dagtekening,
                digest,
                basis,
                bericht,
                retour,
            ) = berichten[bericht_id]
            history.add_bericht(
                BerichtKey(afzender, ontvanger, berichttype, identificatie, dagtekening),
                bericht_id,
                digest,
                (basis, bericht),
                retour=bool(retour),
            )
        else:
            history.add_record(records[(bericht_id, volgnummer)])


def _chunks(values: list[str], postgres: bool) -> Iterable[list[str]]:
    if postgres:  # one array parameter: no limit, and no placeholder per key for the driver to parse
        yield values
        return
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


def _keys_param(postgres: bool):
    from sqlalchemy import String, any_, bindparam

    if postgres:
        from sqlalchemy.dialects.postgresql import ARRAY

        return lambda column: column == any_(bindparam("keys", type_=ARRAY(String)))
    return lambda column: column.in_(bindparam("keys", expanding=True))


def _records_by_key(postgres: bool):
    matches = _keys_param(postgres)
    return (
        select(OpslagRecord.bericht_id, OpslagRecord.volgnummer, OpslagRecord.soort, OpslagRecord.inhoud)
        .join(
            OpslagSleutel,
            and_(
                OpslagSleutel.bericht_id == OpslagRecord.bericht_id,
                OpslagSleutel.volgnummer == OpslagRecord.volgnummer,
            ),
        )
        .where(matches(OpslagSleutel.waarde))
    )


def _berichten_by_identificatie(postgres: bool):
    b = OntvangenBericht
    return select(
        b.id,
        b.afzender,
        b.ontvanger,
        b.berichttype,
        b.identificatie,
        b.dagtekening,
        b.controlegetal,
        b.basisschema_xsd_versie,
        b.bericht_xsd_versie,
        b.retour,
    ).where(_keys_param(postgres)(b.identificatie))


# Per dialect (PostgreSQL or not): the two queries a load repeats.
_QUERIES = {
    postgres: (_records_by_key(postgres), _berichten_by_identificatie(postgres)) for postgres in (False, True)
}
_PARTIES = select(OpslagPartij.soort, OpslagPartij.afzender, OpslagPartij.ontvanger, OpslagPartij.eerste)


class StoreHistory:
    """The store as a history: each message validated gets a History of what its keys reach.

    Stands where a History stands (Options.history): the engine asks `before_message` for every
    message. History files given besides the store are read once and added after the stored
    records (they arrived later). A streamed message asks per chunk; what a rule asks once the
    stream has ended goes to a History of every chunk's keys (attribute access, below)."""

    def __init__(self, engine) -> None:
        self._engine = engine
        self._pid = os.getpid()
        self._files: list[ParsedMessage] = []
        self._declared: list[tuple[str, date]] = []
        self._last: tuple[frozenset[str], History] | None = None
        self._source: tuple[str | None, set[str]] = (None, set())

    # -- the files after the store -------------------------------------------------------

    def add(self, message: ParsedMessage) -> date | None:
        """Add a history file's message (after everything stored); gives its Dagtekening."""
        self._files.append(message)
        self._last = None
        header = find(message.root, "Header")
        return HEADER_FIELDS.of(header)["dagtekening"] if header is not None else None

    def add_paths(self, paths: Iterable[str | Path]) -> date | None:
        """Add files and folders as History.add_paths does; gives the earliest Dagtekening."""
        from validators.sources.files import message_files
        from validators.sources.history.index import _parts

        earliest = None
        for path in map(Path, paths):
            files = sorted(message_files(path), key=_parts) if path.is_dir() else [path]
            for file in files:
                day = self.add(load_file(file))
                if day is not None and (earliest is None or day < earliest):
                    earliest = day
        return earliest

    def declare_complete(self, source: str, since: date) -> None:
        """As History.declare_complete, for every History this one gives."""
        self._declared.append((source, since))
        self._last = None

    # -- per message ---------------------------------------------------------------------

    def history_for(self, keys: Iterable[str]) -> History:
        """A History of the store's records these keys reach, then the history files."""
        keys = frozenset(keys)
        if self._last is not None and self._last[0] == keys:
            return self._last[1]
        from productcodes.db import session_scope

        if self._pid != os.getpid():  # a forked worker: the parent's connections are not ours
            self._engine.dispose(close=False)
            self._pid = os.getpid()
        with session_scope(self._engine) as session:
            history = load_history(session, keys)
        history.add_messages(self._files)
        for source, since in self._declared:
            history.declare_complete(source, since)
        self._last = (keys, history)
        return history

    def before_message(self, message: ParsedMessage) -> History:
        """What came before `message`, of what its keys reach (History.before_message)."""
        keys = message_keys(message)
        source, seen = self._source
        if source != message.source or source is None:
            seen = set()
        self._source = (message.source, seen | keys)
        return self.history_for(keys).before_message(message)

    def __getattr__(self, name: str):
        # Asked directly (not through before_message): a History of every key of the message at hand.
        if name.startswith("__") or name in ("_engine", "_source", "_last", "_files", "_declared", "_pid"):
            raise AttributeError(name)
        return getattr(self.history_for(self._source[1]), name)

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        state["_engine"] = self._engine.url.render_as_string(hide_password=False)
        state["_last"] = None
        return state

    def __setstate__(self, state: dict) -> None:
        from productcodes.db import make_engine

        self.__dict__.update(state)
        self._engine = make_engine(state["_engine"])
        self._pid = os.getpid()
