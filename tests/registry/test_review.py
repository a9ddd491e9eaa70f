"""Issue 17.4: the review workflow — proposals, reject, approve several, audit, ids and versions everywhere,
and every write in the name of who did it (SQLite and PostgreSQL)."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, timedelta

import pytest
from click.testing import CliRunner

from productcodes.audit import read_audit
from productcodes.cli import cli
from productcodes.db import session_scope
from productcodes.protocol import Registry, next_change_date
from productcodes.records import MunicipalProductRow, Suggestion
from productcodes.review import list_proposals

# The CLI works on the calendar's today: proposals are made relative to it so approving them stays possible.
ON = str(next_change_date(date.today()) + timedelta(days=150))


def run(url: str, *args: str, code: int = 0) -> str:
    result = CliRunner().invoke(cli, ["--db", url, *args])
    assert result.exit_code == code, result.output
    return result.output


@pytest.fixture
def proposed(filled, db_url):
    """Three suggestions stored as proposals (7001 twice, 7002 once) with different confidences."""
    rows = [
        MunicipalProductRow(
            "7001", "45", "45C11", "Individuele begeleiding", "inspanningsgericht", "01", date(2026, 1, 1)
        ),
        MunicipalProductRow("7001", "44", "44C02", "Pleegzorg", "inspanningsgericht", "14", date(2024, 1, 1)),
        MunicipalProductRow("7002", "45", "J1234", "Diagnostiek", "outputgericht", "82", date(2024, 1, 1)),
    ]
    found = [
        Suggestion(rows[0], "45N01", 0.95, "woorden en eenheid kloppen"),
        Suggestion(rows[1], "44N20", 0.55, "categorie klopt"),
        Suggestion(rows[2], "45N06", 0.7, "outputgericht"),
    ]
    with session_scope(filled) as session:
        Registry(session, door="suggester", today=date.today()).propose_many(found)
    return db_url


def test_proposals_list_filters_sorts_and_formats(proposed):
    url = proposed
    data = json.loads(run(url, "registry", "proposals", "--format", "json"))
    assert [p["confidence"] for p in data] == [0.55, 0.7, 0.95]  # default: least confident first
    first = data[0]
    assert {"id", "version", "confidence", "reden", "gemeentecode", "jeugdregio"} <= set(first)
    assert (
        first["reden"] == "categorie klopt" and first["jeugdregio"] == "Regio Test" and first["version"] == 1
    )
    only = json.loads(run(url, "registry", "proposals", "--gemeente", "7002", "--format", "json"))
    assert [p["productcode"] for p in only] == ["J1234"]
    by_name = json.loads(
        run(url, "registry", "proposals", "--gemeente", "testdam", "--sort", "code", "--format", "json")
    )
    assert [p["productcode"] for p in by_name] == ["44C02", "45C11"]
    assert (
        json.loads(run(url, "registry", "proposals", "--jeugdregio", "Andere regio", "--format", "json"))
        == []
    )
    table = list(
        csv.DictReader(
            io.StringIO(
                run(
                    url,
                    "registry",
                    "proposals",
                    "--min-confidence",
                    "0.6",
                    "--sort",
                    "confidence",
                    "--desc",
                    "--format",
                    "csv",
                )
            )
        )
    )
    assert [r["productcode"] for r in table] == ["45C11", "J1234"]
    text = run(url, "registry", "proposals")
    assert "reden: categorie klopt" in text and "Regio Test" in text


def test_reject_approve_several_and_audit(proposed):
    url = proposed
    with_ids = {
        p["productcode"]: p for p in json.loads(run(url, "registry", "proposals", "--format", "json"))
    }
    keep, drop, other = with_ids["45C11"], with_ids["44C02"], with_ids["J1234"]
    assert "--reason" in run(url, "registry", "reject", str(drop["id"]), code=2)
    out = run(
        url,
        "registry",
        "reject",
        str(drop["id"]),
        "--version",
        "1",
        "--reason",
        "verkeerde eenheid",
        "--by",
        "r.reviewer",
    )
    assert "afgewezen" in out
    rejected = json.loads(run(url, "registry", "proposals", "--status", "rejected", "--format", "json"))
    assert [p["id"] for p in rejected] == [drop["id"]] and "verkeerde eenheid" in rejected[0]["reden"]
    # several at once, all or nothing: one wrong version and nothing is approved
    assert "version" in run(url, "registry", "approve", f"{keep['id']}:1", f"{other['id']}:7", code=2)
    assert len(json.loads(run(url, "registry", "proposals", "--format", "json"))) == 2
    out = run(url, "registry", "approve", f"{keep['id']}:1", str(other["id"]), "--by", "a.approver")
    assert (
        f"mapping {keep['id']} goedgekeurd (versie 2)" in out and f"mapping {other['id']} goedgekeurd" in out
    )
    assert json.loads(run(url, "registry", "proposals", "--format", "json")) == []
    log = json.loads(run(url, "registry", "audit", "--mapping", str(drop["id"]), "--format", "json"))
    assert [e["actie"] for e in log] == ["suggest", "reject"]
    assert log[-1]["door"] == "r.reviewer" and log[-1]["oud"]["status"] == "proposed"
    assert log[-1]["nieuw"]["status"] == "rejected" and log[-1]["nieuw"]["reden"] == "verkeerde eenheid"
    text = run(url, "registry", "audit", "--gemeente", "7002")
    assert "a.approver: approve mapping 7002/45/J1234->45N06" in text and "voor:" in text and "na:" in text
    today = date.today()
    assert (
        run(
            url, "registry", "audit", "--from", str(today.replace(year=today.year + 1)), "--format", "json"
        ).strip()
        == "[]"
    )
    assert "a.approver" in run(
        url, "registry", "audit", "--from", str(today), "--until", str(today), "--by", "a.approver"
    )


def test_every_write_names_who_did_it(db_url, tmp_path):
    run(db_url, "db", "upgrade")
    path = tmp_path / "g.csv"
    path.write_text("gemeentecode,gemeentenaam,jeugdregio\n7001,Een,R\n")
    run(db_url, "registry", "import-gemeenten", str(path), "--by", "i.importeur")
    from productcodes.db import make_engine

    engine = make_engine(db_url)
    with session_scope(engine) as session:
        assert [e.door for e in read_audit(session, gemeente="7001")] == ["i.importeur"]
    engine.dispose()


def test_review_functions_for_other_callers(proposed):
    from productcodes.db import make_engine

    engine = make_engine(proposed)
    with session_scope(engine) as session:
        found = list_proposals(session, max_confidence=0.7, sort="confidence", descending=True)
        assert [p.confidence for p in found] == [0.7, 0.55]
        reg = Registry(session, door="web", today=date.today())
        reg.approve_many([(found[0].id, found[0].version)])
    with session_scope(engine) as session:
        left = [p.id for p in list_proposals(session)]
        assert found[0].id not in left and found[1].id in left and len(left) == 2
        assert read_audit(session, mapping_id=found[0].id)[-1].door == "web"
    engine.dispose()


def test_lookup_report_and_export_show_ids_and_versions(proposed, tmp_path):
    url = proposed
    [p] = json.loads(run(url, "registry", "proposals", "--gemeente", "7002", "--format", "json"))
    report = json.loads(run(url, "registry", "report", "--on", ON, "--format", "json"))
    waiting = [u for u in report["unmapped"] if u["productcode"] == "J1234"]
    assert waiting[0]["voorstel_id"] == p["id"] and waiting[0]["voorstel_versie"] == 1
    assert f"[voorstel {p['id']} v1 wacht]" in run(url, "registry", "report", "--on", ON, "--unmapped", "50")
    run(url, "registry", "approve", str(p["id"]))
    found = json.loads(run(url, "registry", "lookup", "7002", "J1234", "--on", ON, "--format", "json"))
    assert found["mapping"]["id"] == p["id"] and found["mapping"]["version"] == 2
    run(url, "registry", "export", str(tmp_path / "out"))
    rows = list(csv.DictReader(open(tmp_path / "out" / "mappings.csv", encoding="utf-8")))
    assert {(r["id"], r["version"], r["status"]) for r in rows if r["productcode"] == "J1234"} == {
        (str(p["id"]), "2", "approved")
    }
