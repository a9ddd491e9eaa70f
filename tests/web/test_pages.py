"""The Dutch pages read as a person would, without a browser (the browser tests add clicking)."""

from __future__ import annotations

import html
import re
import urllib.parse

from tests.web.server import MAINTAINER
from tests.web.test_api import BAD, GOOD, JW301
from tests.web.test_security import csrf_of, sign_in


def test_upload_page_groups_findings_per_client_and_prestatie(server):
    with server.client() as client:
        page = client.post(
            "/valideren",
            data={"csrf": csrf_of(client.get("/").text), "today": "2026-12-01"},
            files=[("files", ("bad.xml", BAD.read_bytes())), ("files", ("JW323.xml", GOOD.read_bytes()))],
        )
    text = page.text
    assert page.status_code == 200
    assert text.count('data-oordeel="afgekeurd"') == 1 and text.count('data-oordeel="goed"') == 1
    assert "Client 1 (BSN ******009)" in text and "Prestatie 1" in text
    assert '<a href="/regels/TR346">TR346</a>' in text and "<strong>9346</strong>" in text
    assert "100000009" not in urllib.parse.unquote(text.split("Antwoordbericht")[0])
    report = re.search(
        r'download="bad.xml.rapport.json" href="data:application/json;charset=utf-8,([^"]+)"', text
    )
    assert '"code": "TR346"' in urllib.parse.unquote(report.group(1))
    assert 'download="JW323.JW325.xml"' in text


def _engine_view_of_bad(lang: str):
    """TR346's finding on the bad declaration as the engine words it in `lang`: what the page must show."""
    from datetime import date

    from validators import Options, validate
    from validators.engine.pipeline import EVERY_LEVEL

    report = validate([("bad.xml", BAD.read_bytes())], Options(today=date(2026, 12, 1), levels=EVERY_LEVEL))
    file_report = report.files[0]
    finding = next(f for f in file_report.findings if f.code == "TR346")
    return file_report, finding


def _page_of_bad(server, lang: str | None) -> str:
    data = {"today": "2026-12-01"} | ({"lang": lang} if lang else {})
    with server.client() as client:
        page = client.post(
            "/valideren",
            data={"csrf": csrf_of(client.get("/").text), **data},
            files=[("files", ("bad.xml", BAD.read_bytes()))],
        )
    assert page.status_code == 200
    return html.unescape(page.text)


def test_the_result_explains_each_finding_with_what_to_do_and_the_retourcode(server):
    file_report, finding = _engine_view_of_bad("nl")
    text = _page_of_bad(server, None)
    hint, described = finding.hint("nl"), finding.retourcode_description("nl")
    assert hint and described, "TR346 has a Dutch hint and retourcode description in the catalogue"
    assert f"Wat te doen: {hint}" in re.sub(r"<[^>]+>", "", text)
    assert file_report.message_of(finding, lang="nl") in text
    assert described in text and "What to do" not in text
    assert "100000009" not in text.split("Antwoordbericht")[0]


def test_the_result_lists_the_rules_that_did_not_run_and_why(server):
    file_report, _ = _engine_view_of_bad("nl")
    skipped = file_report.skipped_entries()
    assert skipped, "without history and registry some rules cannot run"
    text = _page_of_bad(server, None)
    block = text.split('class="niet-uitgevoerd"')[1].split("</details>")[0]
    assert f"{len({e.code for e in skipped})} regel(s) niet uitgevoerd" in block
    for entry in skipped:
        assert entry.code in block and entry.reason in block


def test_the_result_page_takes_lang_as_the_cli_does(server):
    file_report, finding = _engine_view_of_bad("en")
    text = _page_of_bad(server, "en")
    assert f"What to do: {finding.hint('en')}" in re.sub(r"<[^>]+>", "", text)
    assert file_report.message_of(finding, lang="en") in text
    assert file_report.message_of(finding, lang="en") != file_report.message_of(finding, lang="nl")
    with server.client() as client:
        wrong = client.post(
            "/valideren",
            data={"csrf": csrf_of(client.get("/").text), "lang": "de"},
            files=[("files", ("bad.xml", BAD.read_bytes()))],
        )
    assert wrong.status_code == 400


def test_reading_a_message_shows_dutch_labels_and_a_masked_bsn(server):
    with server.client() as client:
        token = csrf_of(client.get("/lezen").text)
        page = client.post(
            "/lezen", data={"csrf": token}, files=[("files", ("JW301.xml", JW301.read_bytes()))]
        )
        answer = client.post(
            "/api/v1/respond?today=2026-12-01", files=[("files", ("bad.xml", BAD.read_bytes()))]
        )
        read_answer = client.post(
            "/lezen", data={"csrf": token}, files=[("files", ("antwoord.xml", answer.content))]
        )
        garbage = client.post("/lezen", data={"csrf": token}, files=[("files", ("x.xml", b"geen xml"))])
    assert page.status_code == 200 and "JW301" in page.text
    assert "<dt>BSN</dt><dd>******009</dd>" in page.text and "100000009" not in page.text
    assert "<dt>Toewijzing nummer</dt>" in page.text
    assert (
        read_answer.status_code == 200
        and "JW325" in read_answer.text
        and "<dt>Retourcode</dt>" in read_answer.text
    )
    assert garbage.status_code == 422 and 'role="alert"' in garbage.text


def test_rules_are_searchable_and_a_rule_marks_its_fault(server):
    with server.client() as client:
        search = client.get("/regels", params={"q": "tr346"}).text
        by_element = client.get("/regels", params={"q": "IngediendBedrag"}).text
        rule = client.get("/regels/TR346").text
    assert 'href="/regels/TR346"' in search and 'href="/regels/TR002"' not in search
    assert 'href="/regels/TR346"' in by_element
    assert "9346" in rule and rule.count('data-fout="ja"') >= 1
    marked = re.search(r'<mark data-fout="ja">(.*?)</mark>', rule, re.S).group(1)
    assert "Bedrag" in marked
    assert "Fout voorbeeld" in rule and "waarschuwing" not in rule.lower()


def test_a_rule_that_only_warns_shows_its_example_as_a_warning(server):
    with server.client() as client:
        rule = client.get("/regels/OP087").text
    assert "Voorbeeld met waarschuwing" in rule and "Fout voorbeeld" not in rule
    assert rule.count('data-fout="ja"') >= 1


def test_registry_lookup_and_dashboard(server):
    with server.client() as client:
        found = client.get("/register", params={"gemeente": "7001", "code": "45C11", "on": "2026-06-01"}).text
        missing = client.get("/register", params={"gemeente": "7001", "code": "ZZZZZ"}).text
        dashboard = client.get("/register/dashboard", params={"on": "2026-06-01"}).text
    assert "Individuele begeleiding" in found
    assert 'role="alert"' in missing
    assert "Regio Test" in dashboard and 'src="/api/v1/registry/report.png?on=2026-06-01"' in dashboard


def test_bulk_approve_and_a_reject_without_reason(server):
    with server.client() as client:
        sign_in(client, MAINTAINER)
        page = client.get("/register/voorstellen", params={"sort": "code"}).text
        choices = re.findall(r'name="kies" value="([^"]+)"', page)[:2]
        token = csrf_of(page)
        no_reason = client.post(
            "/register/voorstellen", data={"csrf": token, "actie": "afwijzen", "kies": choices}
        )
        bulk = client.post(
            "/register/voorstellen", data={"csrf": token, "actie": "goedkeuren", "kies": choices}
        )
        stale = client.post(
            "/register/voorstellen", data={"csrf": token, "actie": "goedkeuren", "kies": choices[0]}
        )
        audit = client.get("/register/audit").text
        still_open = re.findall(r'name="kies" value="([^"]+)"', client.get("/register/voorstellen").text)
    assert "reden nodig" in no_reason.text
    assert bulk.text.count("is goedgekeurd") == 2
    assert stale.status_code == 409 and "Conflict" in stale.text
    assert not set(choices) & set(still_open) and still_open
    assert audit.count("<td>approve</td>") >= 2 and "<td>anna</td>" in audit


def test_a_cross_message_rule_marks_its_fault_with_its_history_and_masks_bsns(server):
    with server.client() as client:
        rule = client.get("/regels/TR019").text
    assert rule.count('data-fout="ja"') >= 1
    assert "999911120" not in rule and "******120" in rule


def test_proposals_filter_by_jeugdregio_and_confidence(server):
    with server.client() as client:
        sign_in(client, MAINTAINER)
        region = client.get("/register/voorstellen", params={"jeugdregio": "Regio Test"}).text
        sure = client.get("/register/voorstellen", params={"zekerheid": "0,6"}).text
        nothing = client.get("/register/voorstellen", params={"jeugdregio": "Elders"}).text
        wrong = client.get("/register/voorstellen", params={"zekerheid": "veel"})
    confidences = [float(c) for c in re.findall(r"<td>(0\.\d\d)</td>", sure)]
    assert '<option value="Regio Test" selected>' in region and region.count('name="kies"') >= 1
    assert confidences and min(confidences) >= 0.6 and sure.count('name="kies"') < region.count('name="kies"')
    assert "0 open voorstel(len)" in nothing and wrong.status_code == 400


def test_a_decision_keeps_the_filter_and_sort_of_the_list(server):
    with server.client() as client:
        sign_in(client, MAINTAINER)
        page = client.get("/register/voorstellen", params={"zoek": "variant 1", "sort": "code"}).text
        choices = re.findall(r'name="kies" value="([^"]+)"', page)
        assert choices, page
        after = client.post(
            "/register/voorstellen",
            data={
                "csrf": csrf_of(page),
                "actie": "afwijzen",
                "reden": "test",
                "kies": choices[-1],
                "zoek": "variant 1",
                "sort": "code",
            },
        ).text
    assert "is afgewezen" in after
    assert 'name="zoek" value="variant 1"' in after and '<option value="code" selected>' in after
    assert "Begeleiding variant 2<" not in after
