"""Benchmarks of the message store: keyed loading per validated message, and ingest.

    .venv/bin/python bench/store.py                  # 2,500 and 25,000 stored JW301, a 400-line JW323
    .venv/bin/python bench/store.py --huge           # adds a generated 1,000,000-message store on PostgreSQL
    .venv/bin/python bench/store.py --stores 500,5000 --lines 40 --repeat 1   # quick

A 400-line JW323 is fully validated (XSD, in-message and cross-message rules) against a store
of N JW301 messages (4 toewijzingen each; the declaration's 100 clients among them), and
without any history: with keyed loading the store's size should hardly matter. The store is
built by `productcodes store ingest`'s own code, whose rate is printed as well. The huge store
is written straight into PostgreSQL (PRODUCTCODES_TEST_PG or --pg: a scratch database is made
and dropped) from the records the loaders extract of a template message, renumbered per client,
because ingesting a million files one by one takes as long as ingest takes. Timings are the best
of --repeat runs in this process, after one warm-up; nothing is asserted.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import time
import zlib
from datetime import UTC, date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.generate import GENERATION, PRESTATIES_PER_CLIENT, bsn, write_jw301, write_jw323  # noqa: E402

TODAY = date(2026, 12, 1)
TEMPLATE_CLIENT = 999_999  # its numbers occur nowhere else, so they can be replaced per client


def _template(workdir: Path) -> str:
    path = workdir / f"JW301-template-g{GENERATION}.xml"
    if not path.exists():
        write_jw301(path, TEMPLATE_CLIENT)
    return path.read_text(encoding="utf-8")


def _renumbered(template: str, client: int) -> str:
    """The template JW301 as client `client`'s: its BSN, toewijzing numbers and Identificatie."""
    out = template.replace(bsn(TEMPLATE_CLIENT), bsn(client)).replace(
        f"T{TEMPLATE_CLIENT:011d}", f"T{client:011d}"
    )
    for p in range(PRESTATIES_PER_CLIENT):
        out = out.replace(f">{TEMPLATE_CLIENT * 10 + p}<", f">{client * 10 + p}<")
    return out


def _renumbered_json(payload: str, client: int) -> str:
    """A record's JSON (codec.encode) of the template, as client `client`'s."""
    out = payload.replace(f'"{bsn(TEMPLATE_CLIENT)}"', f'"{bsn(client)}"')
    for p in range(PRESTATIES_PER_CLIENT):
        out = out.replace(f'"{TEMPLATE_CLIENT * 10 + p}"', f'"{client * 10 + p}"')
    return out


def _renumbered_key(key: str, client: int) -> str:
    if key == bsn(TEMPLATE_CLIENT):
        return bsn(client)
    number = int(key) if key.isdigit() else None
    if number is not None and 0 <= number - TEMPLATE_CLIENT * 10 < PRESTATIES_PER_CLIENT:
        return str(client * 10 + number - TEMPLATE_CLIENT * 10)
    return key


def jw301_files(count: int, workdir: Path) -> list[Path]:
    """`count` JW301 files, one per client 0.. (kept between runs)."""
    folder = workdir / f"store-jw301-g{GENERATION}"
    folder.mkdir(parents=True, exist_ok=True)
    template = None
    files = []
    for c in range(count):
        path = folder / f"JW301-{c:07d}.xml"
        if not path.exists():
            template = template or _template(workdir)
            path.write_text(_renumbered(template, c), encoding="utf-8")
        files.append(path)
    return files


def _engine(url: str):
    from productcodes.db import make_engine
    from productcodes.migrate import upgrade

    engine = make_engine(url)
    upgrade(engine)
    return engine


def build_store(url: str, files: list[Path]) -> tuple[float, int]:
    """Ingest `files` into a new store; (messages per second, messages refused)."""
    from productcodes.db import session_scope
    from validators.sources.store import ingest

    engine = _engine(url)
    start = time.perf_counter()
    with session_scope(engine) as session:
        result = ingest(session, [str(f) for f in files])
    seconds = time.perf_counter() - start
    engine.dispose()
    return len(result.stored) / seconds, len(result.refused)


def _options(history):
    from validators.engine.pipeline import Options

    return Options(today=TODAY, history=history)


def time_validation(declaration: Path, history, repeat: int) -> tuple[float, list[str]]:
    """Best time of a full validation of `declaration` (with `history`: its keyed load included)."""
    from validators.engine.pipeline import validate

    report = validate(declaration, _options(history))  # warm-up: schemas, rules, first connection
    best = float("inf")
    for _ in range(repeat):
        if hasattr(history, "_last"):
            history._last = None  # a store loads afresh for every message, as for a new one
        start = time.perf_counter()
        report = validate(declaration, _options(history))
        best = min(best, time.perf_counter() - start)
    return best, sorted({f.code for f in report.findings})


def time_load(url: str, declaration: Path, repeat: int) -> tuple[float, int]:
    """Best time of the keyed load alone, and how many records it brought."""
    from iwmo_ijw.parsing import load
    from productcodes.db import session_scope
    from validators.sources.store.keyed import load_history, message_keys

    engine = _engine(url)
    message = load(declaration)
    best, records = float("inf"), 0
    for _ in range(repeat + 1):
        start = time.perf_counter()
        with session_scope(engine) as session:
            history = load_history(session, message_keys(message))
        best = min(best, time.perf_counter() - start)
        records = sum(len(v) for k in history._toewijzingen.by_scope.values() for v in k.values())
    engine.dispose()
    return best, records


def time_in_memory(url: str, declaration: Path, repeat: int) -> float:
    """The same validation against the same records already in memory: what the cross-message rules
    cost by themselves, so the store's own part is the difference."""
    from iwmo_ijw.parsing import load
    from productcodes.db import session_scope
    from validators.sources.store.keyed import load_history, message_keys

    engine = _engine(url)
    with session_scope(engine) as session:
        history = load_history(session, message_keys(load(declaration)))
    engine.dispose()
    return time_validation(declaration, history, repeat)[0]


def time_full_load(url: str, declaration: Path) -> float:
    """The way before keyed loading: every stored message parsed into one History, then validated."""
    from productcodes.db import session_scope
    from validators.engine.pipeline import validate
    from validators.sources.history import History
    from validators.sources.store import stored_messages

    engine = _engine(url)
    start = time.perf_counter()
    with session_scope(engine) as session:
        history = History.from_messages(stored_messages(session))
    validate(declaration, _options(history))
    engine.dispose()
    return time.perf_counter() - start


def bench_sizes(sizes: list[int], lines: int, workdir: Path, repeat: int, full: bool) -> None:
    from validators.sources.store import build_history

    declaration = workdir / f"store-JW323-{lines}-g{GENERATION}.xml"
    write_jw323(declaration, lines, seed=77, first_client=0)
    bare, codes = time_validation(declaration, None, repeat)
    print(f"\na {lines}-line JW323, fully validated (XSD, in-message and cross-message rules)")
    print(f"  without history              {bare:7.3f} s   findings {codes}")
    figures = {}
    for size in sizes:
        files = jw301_files(size, workdir)
        url = f"sqlite:///{workdir / f'store-{size}-g{GENERATION}.sqlite'}"
        Path(url.removeprefix("sqlite:///")).unlink(missing_ok=True)
        rate, refused = build_store(url, files)
        # The baseline again, next to this store's figures: the best of every measurement so far, so a
        # quiet moment for the store and a busy one for the baseline never flatter the ratio.
        bare = min(bare, time_validation(declaration, None, repeat)[0])
        engine = _engine(url)
        keyed, codes = time_validation(declaration, build_history(engine), repeat)
        engine.dispose()
        load_s, records = time_load(url, declaration, repeat)
        memory = time_in_memory(url, declaration, repeat)
        figures[size] = keyed
        print(
            f"  store of {size:>9,} JW301     {keyed:7.3f} s   {keyed / bare:4.2f}x without history "
            f"({bare:.3f} s; target <= 2x)   keyed load {load_s * 1000:6.1f} ms, {records} toewijzingen   "
            f"findings {codes}"
        )
        print(f"    same records in memory   {memory:7.3f} s   {memory / bare:4.2f}x (cross rules' own cost)")
        print(
            f"    ingest on SQLite         {rate:7.0f} messages/s (target >= 1,000)"
            + (f"   refused {refused}" if refused else "")
        )
        if full:
            whole = time_full_load(url, declaration)
            print(f"    the whole store parsed   {whole:7.3f} s (before keyed loading)")
    if len(figures) > 1:
        small, large = min(figures), max(figures)
        print(
            f"  {large:,} against {small:,} stored  {figures[large] / figures[small]:4.2f}x (target <= 1.3x)"
        )


# -- the huge store on PostgreSQL -----------------------------------------------------------------


def _copy_rows(cursor, table: str, columns: tuple[str, ...], rows) -> None:
    with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


def generate_huge(url: str, count: int, workdir: Path) -> float:
    """`count` JW301 messages with their records, keys and party row, written by COPY; gives seconds.

    The records are those `extract` gives of the template, renumbered as the message is: checked
    against `extract` of the renumbered message for a sample of clients."""
    import psycopg
    from sqlalchemy.engine import make_url

    from iwmo_ijw.parsing import load
    from validators.sources.store.codec import encode, keys_of
    from validators.sources.store.extract import extract
    from validators.sources.store.writing import header_columns

    template = _template(workdir)
    found = extract(load(template.encode(), name="template.xml"))
    encoded = [encode(r) for r in found.records]
    keys = [sorted(keys_of(r)) for r in found.records]
    header = header_columns(found, 0)
    for client in (0, 7, count - 1):  # the shortcut gives what ingest would store
        data = _renumbered(template, client)
        real = extract(load(data.encode(), name="x.xml"))
        assert [encode(r) for r in real.records] == [
            (kind, _renumbered_json(payload, client)) for kind, payload in encoded
        ], client
        assert [sorted(keys_of(r)) for r in real.records] == [
            sorted(_renumbered_key(k, client) for k in record_keys) for record_keys in keys
        ], client
    now = datetime.now(UTC)
    dsn = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    start = time.perf_counter()
    with psycopg.connect(dsn) as connection, connection.cursor() as cursor:
        _copy_rows(
            cursor,
            "ontvangen_bericht",
            (
                "id",
                "berichttype",
                "afzender",
                "ontvanger",
                "identificatie",
                "dagtekening",
                "bestand",
                "sha256",
                "ontvangen_op",
                "inhoud",
                "controlegetal",
                "basisschema_xsd_versie",
                "bericht_xsd_versie",
                "retour",
                "uitgepakt",
            ),  # fmt: skip
            (
                (
                    c + 1,
                    "JW301",
                    found.key.afzender,
                    found.key.ontvanger,
                    f"T{c:011d}",
                    found.key.dagtekening,
                    f"JW301-{c:07d}.xml",
                    hashlib.sha256(data).hexdigest(),
                    now,
                    zlib.compress(data, 6),
                    zlib.crc32(data),
                    header["basisschema_xsd_versie"],
                    header["bericht_xsd_versie"],
                    header["retour"],
                    header["uitgepakt"],
                )  # fmt: skip
                for c in range(count)
                for data in (_renumbered(template, c).encode(),)
            ),
        )
        _copy_rows(
            cursor,
            "opslag_record",
            ("bericht_id", "volgnummer", "soort", "inhoud"),
            (
                (c + 1, i, kind, _renumbered_json(payload, c))
                for c in range(count)
                for i, (kind, payload) in enumerate(encoded)
            ),
        )
        _copy_rows(
            cursor,
            "opslag_sleutel",
            ("waarde", "bericht_id", "volgnummer"),
            (
                (_renumbered_key(k, c), c + 1, i)
                for c in range(count)
                for i, record_keys in enumerate(keys)
                for k in record_keys
            ),
        )
        cursor.execute(
            "INSERT INTO opslag_partij (soort, afzender, ontvanger, eerste) VALUES ('relatie', %s, %s, 1)",
            (found.key.afzender, found.key.ontvanger),
        )
        cursor.execute(
            "INSERT INTO opslag_dekking (id, volledig_vanaf, bron) VALUES (1, %s, 'eerste bericht')",
            (found.key.dagtekening,),
        )
        cursor.execute("SELECT setval(pg_get_serial_sequence('ontvangen_bericht', 'id'), %s)", (count,))
        cursor.execute("ANALYZE")
    return time.perf_counter() - start


def bench_huge(server_url: str, count: int, lines: int, workdir: Path, repeat: int) -> None:
    from productcodes.db import scratch_database
    from validators.sources.store import build_history

    declaration = workdir / f"store-JW323-{lines}-g{GENERATION}.xml"
    write_jw323(declaration, lines, seed=77, first_client=0)
    bare, _ = time_validation(declaration, None, repeat)
    with scratch_database(server_url, "pc_bench_store") as url:
        engine = _engine(url)
        engine.dispose()
        seconds = generate_huge(url, count, workdir)
        print(f"\na generated store of {count:,} JW301 on PostgreSQL (written in {seconds:.0f} s)")
        engine = _engine(url)
        keyed, codes = time_validation(declaration, build_history(engine), repeat)
        engine.dispose()
        load_s, records = time_load(url, declaration, repeat)
        memory = time_in_memory(url, declaration, repeat)
        print(
            f"  {lines}-line JW323            {keyed:7.3f} s   {keyed / bare:4.2f}x without history "
            f"({bare:.3f} s; target <= 2x)   keyed load {load_s * 1000:6.1f} ms, {records} toewijzingen   "
            f"findings {codes}"
        )
        print(
            f"  same records in memory      {memory:7.3f} s   {memory / bare:4.2f}x (cross rules' own cost)"
        )
        print(f"  per message validated       {keyed * 1000:7.1f} ms, of which {load_s * 1000:.1f} ms store")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--stores", default="2500,25000", help="sizes of the SQLite stores (JW301 messages)")
    parser.add_argument("--lines", type=int, default=400, help="Prestaties of the declaration validated")
    parser.add_argument("--repeat", type=int, default=3, help="best of how many runs per timing")
    parser.add_argument("--no-full", dest="full", action="store_false", help="skip the whole-store parse")
    parser.add_argument("--huge", action="store_true", help="also a generated store on PostgreSQL")
    parser.add_argument("--huge-count", type=int, default=1_000_000)
    parser.add_argument(
        "--pg", default=os.environ.get("PRODUCTCODES_BENCH_PG") or os.environ.get("PRODUCTCODES_TEST_PG")
    )
    parser.add_argument("--workdir", default=os.environ.get("BENCH_DIR", str(ROOT / "bench" / "out")))
    args = parser.parse_args()
    workdir = Path(args.workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    sizes = [int(s) for s in args.stores.split(",") if s]
    if sizes:
        bench_sizes(sizes, args.lines, workdir, max(1, args.repeat), args.full)
    if args.huge:
        if not args.pg:
            print("\nhuge store: skipped (no PostgreSQL: set PRODUCTCODES_TEST_PG or --pg)")
        else:
            bench_huge(args.pg, args.huge_count, args.lines, workdir, max(1, args.repeat))


if __name__ == "__main__":
    main()
