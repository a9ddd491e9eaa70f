"""Time to import the demo landscape (~4,000 municipal codes plus mappings) and to produce
the reduction report, on SQLite and, when given, on PostgreSQL. Target: < 2 s each.

    .venv/bin/python bench/registry_import.py [--pg postgresql+psycopg://user@host/db]

On PostgreSQL the benchmark creates a database of its own on that server (and drops it
afterwards): the database in the URL is never touched, so a team's registry there is safe.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _mapping_file(files, folder: Path) -> Path:
    """What a standardisation team would import: a mapping for every confidently suggested code."""
    import csv

    from productcodes.codelists import format_number
    from productcodes.demo import landscape, national_products
    from productcodes.suggest import suggest

    land = landscape()
    done = {(m.gemeentecode, m.productcategorie, m.productcode) for m in land.mappings}
    path = folder / "all-mappings.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            [
                "gemeentecode",
                "productcategorie",
                "productcode",
                "nationale_code",
                "geldig_van",
                "geldig_tot",
                "factor",
                "status",
            ]
        )
        for s in suggest(land.municipal, national_products()):
            m = s.municipal
            if (
                s.confidence >= 0.8
                and m.geldig_tot is None
                and (m.gemeentecode, m.productcategorie, m.productcode) not in done
            ):
                writer.writerow(
                    [
                        m.gemeentecode,
                        m.productcategorie,
                        m.productcode,
                        s.nationale_code,
                        max(m.geldig_van, date(2026, 1, 1)),
                        "",
                        "" if s.factor is None else format_number(s.factor),
                        "approved",
                    ]
                )
    return path


def run(url: str, files, mappings: Path) -> dict[str, float]:
    from productcodes.commands.demo import _load
    from productcodes.db import make_engine, session_scope
    from productcodes.importers import read_csv
    from productcodes.migrate import downgrade, upgrade
    from productcodes.protocol import Registry
    from productcodes.report import reduction

    engine = make_engine(url)
    downgrade(engine, "base")
    upgrade(engine)
    start = time.perf_counter()
    counts = _load(engine, files)
    with session_scope(engine) as session:
        # The team's mappings as they stood: a record of what was in force, so --history.
        counts["mappings"] += Registry(session, door="bench").add_mappings(
            read_csv(mappings, "mappings"), lijst=files.national_list, history=True
        )
    imported = time.perf_counter() - start
    start = time.perf_counter()
    with session_scope(engine) as session:
        result = reduction(session, date(2026, 6, 1), files.national_list)
    reported = time.perf_counter() - start
    engine.dispose()
    return {
        "import": imported,
        "report": reported,
        "codes": counts["municipal codes"],
        "mappings": counts["mappings"],
        "mapped": result.mapped,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pg", default=os.environ.get("PRODUCTCODES_TEST_PG"))
    args = parser.parse_args()
    from productcodes.demo import generate

    with tempfile.TemporaryDirectory() as tmp:
        files = generate(Path(tmp) / "demo")
        mappings = _mapping_file(files, Path(tmp))
        _print("SQLite", run(f"sqlite:///{Path(tmp) / 'bench.sqlite'}", files, mappings))
        if args.pg:
            from productcodes.db import scratch_database

            with scratch_database(args.pg, "pc_bench") as url:
                _print("PostgreSQL", run(url, files, mappings))


def _print(name: str, r: dict) -> None:
    print(
        f"{name:<11} import {r['codes']} codes + {r['mappings']} mappings: {r['import']:.2f} s"
        f"   report: {r['report']:.2f} s   (target < 2 s each)"
    )


if __name__ == "__main__":
    main()
