"""Issue 17.5: `registry impact`.

Declarations translated by the mappings on their dates, per national product, with tariff spreads
and what could not be translated; streamed (SQLite and PostgreSQL).
"""

from __future__ import annotations

import csv
import io
import json
import tracemalloc
from datetime import date
from fractions import Fraction
from pathlib import Path

import pytest
from click.testing import CliRunner

from productcodes.cli import cli
from productcodes.db import make_engine, session_scope
from productcodes.migrate import upgrade
from productcodes.protocol import Registry
from productcodes.records import GemeenteRow, MappingRow, MunicipalProductRow, NationalProductRow

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = (ROOT / "tests" / "fixtures" / "messages" / "JW323.xml").read_text(encoding="utf-8")
HEAD = TEMPLATE[: TEMPLATE.index("<Client>")]
TAIL = TEMPLATE[TEMPLATE.rindex("</Client>") + len("</Client>") :]
# per gemeente: tariff per minute in cents (7006 is far above the others)
TARIEVEN = {"7001": 137, "7002": 140, "7003": 135, "7004": 138, "7005": 136, "7006": 300}


def prestatie(
    code: str, begin: str, volume: int, eenheid: str, tarief: int, debet: bool = True, n: int = 1
) -> str:
    categorie = code[:2] if code[:2].isdigit() else "45"
    return f"""<Prestatie><ProductReferentie><b:ReferentieNummer>R{n:07d}</b:ReferentieNummer>
</ProductReferentie><ToewijzingNummer>260101</ToewijzingNummer><ProductCategorie>{categorie}</ProductCategorie>
<ProductCode>{code}</ProductCode><ProductPeriode><b:Begindatum>{begin}</b:Begindatum>
<b:Einddatum>{begin}</b:Einddatum></ProductPeriode><GeleverdVolume>{volume}</GeleverdVolume>
<Eenheid>{eenheid}</Eenheid><ProductTarief>{tarief}</ProductTarief><IngediendBedrag>
<b:Bedrag>{volume * tarief}</b:Bedrag><b:DebetCredit>{"D" if debet else "C"}</b:DebetCredit></IngediendBedrag>
</Prestatie>"""


def declaration(path: Path, gemeente: str, prestaties: list[str], clients: int = 1) -> Path:
    client = "<Client><Bsn>100000009</Bsn><Prestaties>" + "".join(prestaties) + "</Prestaties></Client>"
    head = HEAD.replace("<Ontvanger>7003</Ontvanger>", f"<Ontvanger>{gemeente}</Ontvanger>")
    path.write_text(head + client * clients + TAIL, encoding="utf-8")
    return path


@pytest.fixture
def registry(db_url):
    engine = make_engine(db_url)
    upgrade(engine)
    with session_scope(engine) as session:
        reg = Registry(session, door="test", today=date(2025, 12, 1))
        reg.add_gemeenten(
            [GemeenteRow(g, f"Gemeente {g}", "Regio Oost" if g < "7004" else "Regio West") for g in TARIEVEN]
        )
        reg.add_national(
            "LPJ",
            [
                NationalProductRow(
                    "45N01",
                    "Ambulante begeleiding",
                    "45",
                    "inspanningsgericht",
                    ("04",),
                    geldig_van=date(2026, 1, 1),
                )
            ],
        )
        reg.add_municipal(
            [
                MunicipalProductRow(
                    g, "45", "45C01", "Begeleiding", "inspanningsgericht", "01", date(2024, 1, 1)
                )
                for g in TARIEVEN
            ]
        )
        reg.add_mappings(
            [
                MappingRow(
                    g, "45", "45C01", "45N01", date(2026, 1, 1), factor=Fraction(1, 60), status="approved"
                )
                for g in TARIEVEN
            ]
        )
    yield db_url, engine
    engine.dispose()


@pytest.fixture
def folder(tmp_path):
    out = tmp_path / "declaraties"
    out.mkdir()
    for g, tarief in TARIEVEN.items():
        lines = [prestatie("45C01", "2026-03-01", 120, "01", tarief, n=1)]
        if g == "7001":
            lines += [
                prestatie("45C01", "2025-06-01", 60, "01", tarief, n=2),  # before the mapping
                prestatie("ZZ999", "2026-03-01", 1, "82", 5000, n=3),  # no such code
                prestatie("45C01", "2026-03-01", 60, "01", tarief, debet=False, n=4),
            ]  # a credit
        declaration(out / f"JW323-{g}.xml", g, lines)
    declaration(out / "JW323-7999.xml", "7999", [prestatie("45C01", "2026-03-01", 60, "01", 137)])
    (out / "notes.txt").write_text("geen bericht")
    return out


def run(url: str, *args: str, code: int = 0) -> str:
    result = CliRunner().invoke(cli, ["--db", url, *args])
    assert result.exit_code == code, result.output
    return result.output


def test_impact_per_national_product(registry, folder):
    url, _ = registry
    data = json.loads(run(url, "registry", "impact", str(folder), "--format", "json"))
    [product] = data["producten"]
    assert product["code"] == "45N01" and product["eenheid"] == "04"
    assert len(product["gemeentelijke_codes"]) == 6 and "7006/45/45C01" in product["gemeentelijke_codes"]
    assert product["volume"] == "11"  # 6 x 120 minutes = 12 hours, less a 1-hour credit
    expected = sum(120 * t for t in TARIEVEN.values()) - 60 * 137
    assert product["bedrag_centen"] == expected
    spread = product["tarief_per_gemeente"]
    assert spread["min"] == 135 * 60 and spread["max"] == 300 * 60 and spread["mediaan"] == 137.5 * 60
    assert [o["naam"] for o in spread["uitschieters"]] == ["7006"]
    regio = product["tarief_per_jeugdregio"]
    assert regio["groepen"] == 2 and regio["uitschieters"] == []
    reasons = {r["reden"]: r for r in data["niet_vertaald"]}
    assert reasons["niet gemapt (geen goedgekeurde mapping op die datum)"]["prestaties"] == 1
    assert reasons["code onbekend bij deze gemeente"]["codes"] == [{"code": "7001/45/ZZ999", "prestaties": 1}]
    assert reasons["gemeente 7999 onbekend in het register"]["bedrag_centen"] == 60 * 137
    assert data["prestaties"] == 10 and data["vertaald"] == 7


def test_impact_text_csv_and_chart(registry, folder, tmp_path):
    url, _ = registry
    text = run(url, "registry", "impact", str(folder))
    assert "45N01 Ambulante begeleiding (eenheid 04)" in text and "uitschieters: 7006 € 180,00" in text
    assert "Niet vertaald:" in text
    rows = list(
        csv.DictReader(
            io.StringIO(
                run(
                    url,
                    "registry",
                    "impact",
                    str(folder / "JW323-7002.xml"),
                    str(folder / "JW323-7003.xml"),
                    "--format",
                    "csv",
                )
            )
        )
    )
    assert [(r["nationale_code"], r["prestaties"], r["tarief_min"]) for r in rows] == [
        ("45N01", "2", "8100.00")
    ]
    out = run(url, "registry", "impact", str(folder), "--chart", str(tmp_path / "impact.png"))
    assert (tmp_path / "impact.png").read_bytes()[:4] == b"\x89PNG" and "grafiek" in out
    run(url, "registry", "impact", str(folder), "--chart", str(tmp_path / "impact.html"))
    assert "45N01 (04)" in (tmp_path / "impact.html").read_text()


def test_impact_errors_are_one_line(registry, tmp_path):
    url, _ = registry
    assert "bestaat niet" in run(url, "registry", "impact", str(tmp_path / "nergens"), code=2)
    assert "--store" in run(url, "registry", "impact", code=2)
    out = run(url, "registry", "impact", str(tmp_path), "--chart", str(tmp_path / "x.gif"), code=2)
    assert out.startswith("fout:") and ".gif" in out


def test_impact_reads_the_message_store(registry, folder):
    url, engine = registry
    from validators.sources.store import ingest

    with session_scope(engine) as session:
        result = ingest(session, sorted(str(p) for p in folder.glob("*.xml")))
        assert not result.refused, result.refused
    from_files = json.loads(run(url, "registry", "impact", str(folder), "--format", "json"))
    from_store = json.loads(run(url, "registry", "impact", "--store", "--format", "json"))
    assert from_store["producten"] == from_files["producten"]
    assert from_store["prestaties"] == from_files["prestaties"]


def _peak(registry_engine, path: Path) -> int:
    from productcodes.impact import run_impact

    with session_scope(registry_engine) as session:
        tracemalloc.start()
        impact = run_impact(session, [path])
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    assert impact.prestaties > 0
    return peak


def test_impact_streams(registry, tmp_path):
    """Ten times the Prestaties must not take ten times the memory (a list of all of them would)."""
    _, engine = registry
    line = prestatie("45C01", "2026-03-01", 120, "01", 137)
    small = declaration(tmp_path / "small.xml", "7001", [line] * 4, clients=300)
    large = declaration(tmp_path / "large.xml", "7001", [line] * 4, clients=3000)
    _peak(engine, small)  # warm-up: imports and caches are not what is measured
    assert _peak(engine, large) < 2 * _peak(engine, small)
