"""Issue 17.3 and 17.6: re-imports are updates, and bad files get clear errors (SQLite and PostgreSQL).

The same file again changes nothing; changed rows become a new dated version or a conflict with its line.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select

from productcodes.cli import cli
from productcodes.db import make_engine, session_scope
from productcodes.models import AuditLog, GemeentelijkProduct, NationaalProduct
from productcodes.protocol import next_change_date

DAY = timedelta(days=1)
GEMEENTEN = "gemeentecode,gemeentenaam,jeugdregio\n7001,Testdam,Regio Test\n7002,Proefwijk,Regio Test\n"
NATIONAL = (
    "code,naam,productcategorie,uitvoeringsvariant,eenheden\n"
    "45N01,Ambulante begeleiding,45,inspanningsgericht,04\n"
    "44N20,Pleegzorg,44,inspanningsgericht,14\n"
)
MUNICIPAL = (
    "gemeentecode,productcategorie,productcode,omschrijving,uitvoeringsvariant,eenheid,geldig_van\n"
    "7001,45,45C01,Begeleiding,inspanningsgericht,04,2024-01-01\n"
    "7001,44,44C02,Pleegzorg,inspanningsgericht,14,2024-01-01\n"
    "7002,45,45C01,Begeleiding,inspanningsgericht,04,2024-01-01\n"
)


def run(url: str, *args: str, code: int = 0) -> str:
    result = CliRunner().invoke(cli, ["--db", url, *args])
    assert result.exit_code == code, result.output
    return result.output


@pytest.fixture
def imported(db_url, tmp_path):
    run(db_url, "db", "upgrade")
    files = {}
    for name, text in (("gemeenten", GEMEENTEN), ("national", NATIONAL), ("municipal", MUNICIPAL)):
        files[name] = tmp_path / f"{name}.csv"
        files[name].write_text(text)
    run(db_url, "registry", "import-gemeenten", str(files["gemeenten"]))
    run(db_url, "registry", "import-national", str(files["national"]), "--list", "LPJ")
    run(db_url, "registry", "import-municipal", str(files["municipal"]))
    engine = make_engine(db_url)
    yield db_url, files, engine
    engine.dispose()


def _audit_rows(engine) -> int:
    with session_scope(engine) as session:
        return session.scalar(select(func.count()).select_from(AuditLog))


def test_the_same_files_again_change_nothing_and_say_so(imported):
    url, files, engine = imported
    before = _audit_rows(engine)
    assert "niets veranderd (2 rijen ongewijzigd)" in run(
        url, "registry", "import-gemeenten", str(files["gemeenten"])
    )
    assert "niets veranderd" in run(
        url, "registry", "import-national", str(files["national"]), "--list", "LPJ"
    )
    assert "niets veranderd (3 rijen" in run(url, "registry", "import-municipal", str(files["municipal"]))
    with session_scope(engine) as session:
        assert session.scalar(select(func.count()).select_from(GemeentelijkProduct)) == 3
    assert _audit_rows(engine) == before + 1  # only the list import's own summary line


def test_a_changed_row_from_a_future_date_is_a_new_version(imported, tmp_path):
    url, files, engine = imported
    start = next_change_date(date.today())
    changed = tmp_path / "municipal2.csv"
    changed.write_text(MUNICIPAL + f"7001,45,45C01,Begeleiding (nieuw),inspanningsgericht,01,{start}\n")
    out = run(url, "registry", "import-municipal", str(changed))
    assert "0 nieuw, 1 nieuwe versie(s), 3 ongewijzigd" in out
    with session_scope(engine) as session:
        versions = session.scalars(
            select(GemeentelijkProduct)
            .where(GemeentelijkProduct.gemeentecode == "7001", GemeentelijkProduct.productcode == "45C01")
            .order_by(GemeentelijkProduct.geldig_van)
        ).all()
        assert [(v.eenheid, v.geldig_tot) for v in versions] == [("04", start - DAY), ("01", None)]


def test_national_list_without_dates_changes_from_the_next_change_date(imported, tmp_path):
    url, files, engine = imported
    changed = tmp_path / "national2.csv"
    changed.write_text(NATIONAL.replace("Ambulante begeleiding", "Ambulante begeleiding individueel"))
    assert "1 nieuwe versie(s)" in run(url, "registry", "import-national", str(changed), "--list", "LPJ")
    start = next_change_date(date.today())
    with session_scope(engine) as session:
        rows = session.scalars(
            select(NationaalProduct)
            .where(NationaalProduct.code == "45N01")
            .order_by(NationaalProduct.geldig_van)
        ).all()
        assert [r.naam for r in rows] == ["Ambulante begeleiding", "Ambulante begeleiding individueel"]
        assert rows[1].geldig_van == start and rows[0].geldig_tot == start - DAY


def test_all_conflicts_of_a_file_at_once_with_lines_and_no_placeholder_dates(imported, tmp_path):
    url, files, engine = imported
    bad = tmp_path / "municipal3.csv"
    bad.write_text(
        MUNICIPAL.replace("7001,45,45C01,Begeleiding,", "7001,45,45C01,Begeleiding anders,").replace(
            "7002,45,45C01,Begeleiding,", "7002,45,45C01,Begeleiding ook anders,"
        )
        + "7003,45,45C01,Onbekende gemeente,inspanningsgericht,04,2024-01-01\n"
    )
    before = _audit_rows(engine)
    out = run(url, "registry", "import-municipal", str(bad), code=2)
    assert "3 conflict(en)" in out
    for line in (2, 4, 5):
        assert f"municipal3.csv:{line}:" in out
    assert "terugwerkende kracht" in out and "onbekend" in out
    assert "1900" not in out and "IntegrityError" not in out and "Traceback" not in out
    assert _audit_rows(engine) == before
    gemeenten = tmp_path / "g2.csv"
    gemeenten.write_text(GEMEENTEN.replace("Testdam", "Testdam aan Zee"))
    out = run(url, "registry", "import-gemeenten", str(gemeenten))
    assert "1 nieuwe versie(s)" in out  # undated: a new version from the next change date, not 1900


def test_empty_csv_and_unclosed_quote_are_clear_errors(imported, tmp_path):
    url, _, _ = imported
    empty = tmp_path / "leeg.csv"
    empty.write_text("")
    out = run(url, "registry", "import-gemeenten", str(empty), code=2)
    assert out.startswith("fout:") and "leeg" in out
    header_only = tmp_path / "kop.csv"
    header_only.write_text("gemeentecode,gemeentenaam\n")
    assert "geen rijen" in run(url, "registry", "import-gemeenten", str(header_only), code=2)
    quoted = tmp_path / "quote.csv"
    quoted.write_text('gemeentecode,gemeentenaam\n7001,Een\n7002,"Twee\n7004,Vier\n7005,Vijf\n')
    out = run(url, "registry", "import-gemeenten", str(quoted), code=2)
    assert "quote.csv:3" in out and "aanhalingsteken" in out
