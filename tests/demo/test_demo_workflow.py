"""The README's workflow story on the demo data.

Review, approve, audit and impact work on the demo registry.
"""

from __future__ import annotations

import json

from click.testing import CliRunner

from productcodes.cli import cli
from productcodes.demo import landscape
from productcodes.demo.declaraties import write_declaraties


def test_demo_declarations_are_deterministic_and_valid(tmp_path):
    from iwmo_ijw.parsing import load
    from iwmo_ijw.schemas import load_schema

    a = write_declaraties(tmp_path / "a", landscape())
    b = write_declaraties(tmp_path / "b", landscape())
    assert len(a) >= 10 and [p.read_bytes() for p in a] == [p.read_bytes() for p in b]
    message = load(a[0].read_bytes(), name=str(a[0]))
    assert load_schema(message.message_type).validate(message.tree)


def test_the_workflow_on_the_demo_registry(tmp_path):
    url = f"sqlite:///{tmp_path / 'demo.sqlite'}"
    demo = CliRunner().invoke(cli, ["demo", "--db", url, "--out", str(tmp_path / "files")])
    assert demo.exit_code == 0, demo.output

    def run(*args):
        result = CliRunner().invoke(cli, ["--db", url, *args])
        assert result.exit_code == 0, result.output
        return result.output

    assert "niets veranderd" in run("registry", "import-municipal", str(tmp_path / "files" / "municipal.csv"))
    waiting = json.loads(
        run("registry", "proposals", "--max-confidence", "0.65", "--limit", "2", "--format", "json")
    )
    assert len(waiting) == 2 and all(p["geldig_van"] == "2026-01-01" for p in waiting)
    # the demo registry lives on 2025-12-01, so its proposals for 1 January 2026 can still be approved
    assert "goedgekeurd (versie 2)" in run(
        "registry", "approve", *(f"{p['id']}:1" for p in waiting), "--by", "j"
    )
    assert "j: approve" in run("registry", "audit", "--mapping", str(waiting[0]["id"]))
    data = json.loads(run("registry", "impact", str(tmp_path / "files" / "declaraties"), "--format", "json"))
    named = {
        o["naam"]
        for p in data["producten"]
        if p["tarief_per_gemeente"]
        for o in p["tarief_per_gemeente"]["uitschieters"]
    }
    assert named == {"7117"} and data["vertaald"] > data["prestaties"] / 2
