"""The HTTP API against a real uvicorn: same reports as the CLI, rules, registry, proposals with locking."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.web.server import CLI, MAINTAINER, ROOT, VIEWER

FIXTURES = ROOT / "tests" / "fixtures"
GOOD = FIXTURES / "messages" / "JW323.xml"
BAD = FIXTURES / "rules" / "TR346" / "bad.xml"
JW301 = FIXTURES / "messages" / "JW301.xml"


def cli_report(tmp_path: Path, files: list[Path], *options: str, db_url: str | None = None) -> str:
    """`productcodes validate` on copies named like the uploads (the report carries the name as given)."""
    names = []
    for path in files:
        (tmp_path / path.name).write_bytes(path.read_bytes())
        names.append(path.name)
    db = ["--db", db_url] if db_url else []
    done = subprocess.run(
        [*CLI, *db, "validate", *names, *options],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode in (0, 1), done.stderr
    return done.stdout


def upload(paths: list[Path]) -> list:
    return [("files", (p.name, p.read_bytes(), "application/xml")) for p in paths]


@pytest.mark.parametrize("lang", [None, "en"])
@pytest.mark.parametrize("fmt", ["json", "sarif", "junit"])
def test_validate_answers_what_the_cli_prints(server, tmp_path, fmt, lang):
    chosen = ["--lang", lang] if lang else []
    expected = cli_report(tmp_path, [GOOD, BAD, JW301], "--format", fmt, "--today", "2026-12-01", *chosen)
    with server.client() as client:
        answer = client.post(
            "/api/v1/validate",
            params={"today": "2026-12-01", "format": fmt} | ({"lang": lang} if lang else {}),
            files=upload([GOOD, BAD, JW301]),
        )
    assert answer.status_code == 200
    assert answer.headers["x-productcodes-valid"] == "false"
    assert answer.text == expected


def test_lang_changes_the_words_not_the_verdict(server):
    with server.client() as client:
        dutch, english = (
            client.post(
                "/api/v1/validate", params={"today": "2026-12-01", "lang": lang}, files=upload([BAD])
            ).json()["files"][0]
            for lang in ("nl", "EN")
        )
        unknown = client.post("/api/v1/validate", params={"lang": "de"}, files=upload([BAD]))
    assert [f["code"] for f in dutch["findings"]] == [f["code"] for f in english["findings"]]
    tr346 = [next(f for f in report["findings"] if f["code"] == "TR346") for report in (dutch, english)]
    assert tr346[0]["message"] != tr346[1]["message"] and tr346[0]["hint"] != tr346[1]["hint"]
    assert unknown.status_code == 400 and "'de'" in unknown.json()["detail"]


def test_select_ignore_and_registry_are_the_cli_options(server, tmp_path):
    options = ["--today", "2026-12-01", "--select", "TR,RS", "--ignore", "TR358", "--registry"]
    expected = cli_report(tmp_path, [BAD, GOOD], "--format", "json", *options, db_url=server.db_url)
    with server.client() as client:
        answer = client.post(
            "/api/v1/validate",
            params={"today": "2026-12-01", "select": ["TR", "RS"], "ignore": "TR358", "registry": "true"},
            files=upload([BAD, GOOD]),
        )
    assert answer.json() == json.loads(expected)
    codes = {f["code"] for f in answer.json()["files"][0]["findings"]}
    assert "TR346" in codes and "TR358" not in codes


def test_a_raw_xml_body_is_one_message(server):
    with server.client() as client:
        answer = client.post(
            "/api/v1/validate?today=2026-12-01",
            content=BAD.read_bytes(),
            headers={"content-type": "application/xml"},
        )
    report = answer.json()
    assert [f["file"] for f in report["files"]] == ["<body>"]
    assert not report["files"][0]["valid"]


def test_bsns_are_masked_in_the_report(server):
    bsn = "100000009"
    assert bsn.encode() in GOOD.read_bytes()
    broken = GOOD.read_bytes().replace(
        b"<ProductCode>45N01</ProductCode>", b"<ProductCode>45N01X</ProductCode>"
    )
    with server.client() as client:
        text = client.post("/api/v1/validate", files=[("files", ("x.xml", broken, "application/xml"))]).text
    assert bsn not in text


def test_bad_options_are_one_clear_400(server):
    with server.client() as client:
        wrong_day = client.post("/api/v1/validate?today=gisteren", files=upload([GOOD]))
        wrong_format = client.post("/api/v1/validate?format=pdf", files=upload([GOOD]))
        nothing = client.post("/api/v1/validate")
    assert wrong_day.status_code == 400 and "gisteren" in wrong_day.json()["detail"]
    assert wrong_format.status_code == 400 and "pdf" in wrong_format.json()["detail"]
    assert nothing.status_code == 400


def test_respond_returns_the_answer_message_of_the_cli(server, tmp_path):
    (tmp_path / "bad.xml").write_bytes(BAD.read_bytes())
    done = subprocess.run(
        [*CLI, "respond", "bad.xml", "--today", "2026-12-01", "--out", "antwoord"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 0, done.stderr
    with server.client() as client:
        answer = client.post("/api/v1/respond?today=2026-12-01", files=upload([BAD]))
        refused = client.post(
            "/api/v1/respond", files=[("files", ("x.xml", b"<not-a-message/>", "text/xml"))]
        )
    assert answer.status_code == 200
    assert answer.content == (tmp_path / "antwoord" / "bad.JW325.xml").read_bytes()
    assert b"<RetourCode>0001</RetourCode>" in answer.content
    assert 'filename="bad.JW325.xml"' in answer.headers["content-disposition"]
    assert refused.status_code == 422


def test_rules_list_and_show(server):
    with server.client() as client:
        rows = client.get("/api/v1/rules", params={"message": "JW323"}).json()
        one = client.get("/api/v1/rules/tr346").json()
        missing = client.get("/api/v1/rules/XX999")
    assert any(r["code"] == "TR346" for r in rows) and all("JW323" in r["messages"] for r in rows)
    assert one["retourcode"] == "9346" and "<Bericht" in one["bad_example"]
    assert missing.status_code == 404


def test_docs_load_swagger_ui_from_this_server_only(server):
    import re

    with server.client() as client:
        page = client.get("/docs")
        urls = re.findall(r"""(?:src|href)=["']([^"']+)["']|url:\s*'([^']+)'""", page.text)
        found = [a or b for a, b in urls]
        assets = {url: client.get(url) for url in found}
    assert page.status_code == 200 and len(found) >= 3, found
    assert not [url for url in found if "//" in url], "every asset and the spec from this server"
    assert any(url.endswith(".js") for url in found) and any(url.endswith(".css") for url in found)
    assert all(answer.status_code == 200 and answer.content for answer in assets.values())
    assert "connect-src 'self'" in page.headers["content-security-policy"]


def test_rules_take_lang(server):
    with server.client() as client:
        dutch = client.get("/api/v1/rules/TR346").json()
        english = client.get("/api/v1/rules/TR346", params={"lang": "en"}).json()
        listed = client.get("/api/v1/rules", params={"message": "JW323", "lang": "en"}).json()
    assert dutch["hint"] and english["hint"] and dutch["hint"] != english["hint"]
    assert next(r for r in listed if r["code"] == "TR346")["description"] == english["description"]


def test_registry_lookup_and_report(server):
    with server.client() as client:
        found = client.get(
            "/api/v1/registry/lookup", params={"gemeente": "7001", "code": "45C11", "on": "2026-06-01"}
        )
        unknown = client.get("/api/v1/registry/lookup", params={"gemeente": "7001", "code": "ZZZZZ"})
        report = client.get("/api/v1/registry/report", params={"on": "2026-06-01"}).json()
        png = client.get("/api/v1/registry/report.png", params={"on": "2026-06-01"})
    assert found.json()["gemeentelijk_product"]["omschrijving"] == "Individuele begeleiding"
    assert unknown.status_code == 404
    assert report["municipal_codes"] >= 4 and "Regio Test" in report["per_jeugdregio"]
    assert png.headers["content-type"] == "image/png" and png.content.startswith(b"\x89PNG")


def test_openapi_and_health(server):
    with server.client() as client:
        spec = client.get("/api/v1/openapi.json").json()
        assert client.get("/healthz").json() == {"status": "ok"}
        assert client.get("/docs").status_code == 200
    assert (
        "/api/v1/validate" in spec["paths"]
        and "/api/v1/registry/proposals/{mapping_id}/approve" in spec["paths"]
    )


def _proposal(client, auth, index: int) -> dict:
    rows = client.get("/api/v1/registry/proposals", params={"sort": "code"}, auth=auth).json()
    return rows[index]


def test_approve_with_the_version_read_and_409_when_stale(server):
    with server.client() as client:
        first = _proposal(client, MAINTAINER, 0)
        ok = client.post(
            f"/api/v1/registry/proposals/{first['id']}/approve",
            json={"version": first["version"]},
            auth=MAINTAINER,
        )
        again = client.post(
            f"/api/v1/registry/proposals/{first['id']}/approve",
            json={"version": first["version"]},
            auth=MAINTAINER,
        )
    assert ok.status_code == 200 and ok.json()["status"] == "approved", ok.text
    assert again.status_code == 409
    assert again.json()["current"]["status"] == "approved"
    assert again.json()["current"]["version"] == first["version"] + 1


def test_proposals_are_the_reviews_list_with_its_filters(server):
    from productcodes.db import make_engine, session_scope
    from productcodes.review import list_proposals

    auth = MAINTAINER
    with server.client() as client:
        everything = client.get("/api/v1/registry/proposals", params={"sort": "code"}, auth=auth).json()
        in_region = client.get("/api/v1/registry/proposals", params={"jeugdregio": "regio test"}, auth=auth)
        elsewhere = client.get("/api/v1/registry/proposals", params={"jeugdregio": "Elders"}, auth=auth)
        sure = client.get("/api/v1/registry/proposals", params={"min_confidence": 0.6}, auth=auth).json()
    engine = make_engine(server.db_url)
    try:
        with session_scope(engine) as session:
            review = [p.as_dict() for p in list_proposals(session, sort="code")]
    finally:
        engine.dispose()
    assert [p["id"] for p in everything] == [p["id"] for p in review] and everything
    assert all(row["jeugdregio"] == "Regio Test" and row["gemeentenaam"] for row in everything)
    assert len(in_region.json()) == len(everything) and elsewhere.json() == []
    assert sure and all(p["confidence"] >= 0.6 for p in sure) and len(sure) < len(everything)


def test_reject_needs_a_reason_and_is_audited(server):
    with server.client() as client:
        target = _proposal(client, MAINTAINER, 1)
        url = f"/api/v1/registry/proposals/{target['id']}/reject"
        no_reason = client.post(url, json={"version": target["version"]}, auth=MAINTAINER)
        ok = client.post(
            url, json={"version": target["version"], "reden": "verkeerde categorie"}, auth=MAINTAINER
        )
    assert no_reason.status_code == 422
    assert ok.status_code == 200 and ok.json()["status"] == "rejected"
    from productcodes.db import make_engine
    from productcodes.web.registry_ops import audit_log

    engine = make_engine(server.db_url)
    try:
        entry = next(a for a in audit_log(engine) if a["actie"] == "reject")
    finally:
        engine.dispose()
    assert entry["door"] == "anna" and entry["nieuw"]["reden"] == "verkeerde categorie"


def test_writes_need_a_maintainer(server):
    with server.client() as client:
        target = _proposal(client, MAINTAINER, 2)
        url = f"/api/v1/registry/proposals/{target['id']}/approve"
        anonymous = client.post(url, json={"version": target["version"]})
        viewer = client.post(url, json={"version": target["version"]}, auth=VIEWER)
        wrong_password = client.post(url, json={"version": target["version"]}, auth=(MAINTAINER[0], "fout"))
        listing = client.get("/api/v1/registry/proposals")
        still = _proposal(client, MAINTAINER, 2)
    assert (anonymous.status_code, viewer.status_code, wrong_password.status_code) == (401, 403, 401)
    assert listing.status_code == 401
    assert still == target  # nothing changed
