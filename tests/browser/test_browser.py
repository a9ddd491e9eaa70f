"""A person in a browser: upload declarations, sign in, approve and reject, meet a conflict."""

from __future__ import annotations

import httpx

from tests.web.server import MAINTAINER
from tests.web.test_api import BAD, GOOD

# Form fields a screen reader could not name: neither a <label> nor aria-label.
UNLABELLED = """[...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
    .filter(e => e.labels.length === 0 && !e.getAttribute('aria-label')).map(e => e.name || e.id)"""


def sign_in(page, server) -> None:
    page.goto(f"{server.url}/inloggen")
    page.shot("inloggen")
    page.get_by_label("Naam").fill(MAINTAINER[0])
    page.get_by_label("Wachtwoord").fill(MAINTAINER[1])
    page.get_by_role("button", name="Aanmelden").click()
    page.wait_for_url("**/register/voorstellen")


def test_upload_a_good_and_a_bad_declaration(page, server):
    page.goto(server.url)
    page.shot("start")
    assert page.evaluate(UNLABELLED) == []
    page.get_by_label("Bestanden (XML)").set_input_files([str(GOOD), str(BAD)])
    page.get_by_label("Systeemdatum voor datumregels").fill("2026-12-01")
    page.get_by_role("button", name="Controleren").click()
    page.wait_for_url("**/valideren")
    page.shot("uitslag")
    verdicts = page.locator("[data-oordeel]")
    assert verdicts.count() == 2
    assert verdicts.nth(0).inner_text().startswith("Goedgekeurd")
    assert verdicts.nth(1).inner_text().startswith("Afgekeurd")
    bad = page.locator("section.bestand").nth(1)
    assert "TR346" in bad.inner_text() and "9346" in bad.inner_text() and "******009" in bad.inner_text()
    assert "100000009" not in page.locator("main").inner_text()
    hint = bad.locator("p.hint").first
    assert hint.is_visible() and hint.inner_text().startswith("Wat te doen:") and len(hint.inner_text()) > 20
    assert "regel(s) niet uitgevoerd" in bad.locator("details.niet-uitgevoerd summary").inner_text()
    with page.expect_download() as download:
        bad.get_by_role("link", name="Rapport als JSON").click()
    assert '"TR346"' in open(download.value.path(), encoding="utf-8").read()


def test_the_upload_form_works_with_the_keyboard_alone(page, server):
    page.goto(server.url)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Naar de inhoud"
    page.get_by_label("Bestanden (XML)").set_input_files([str(BAD)])
    page.get_by_label("Bestanden (XML)").focus()
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent") == "Controleren":
            break
    page.keyboard.press("Enter")
    page.wait_for_url("**/valideren")
    page.shot("toetsenbord")
    assert page.locator("[data-oordeel]").first.inner_text().startswith("Afgekeurd")


def test_sign_in_approve_and_reject_and_read_the_audit_log(page, server):
    sign_in(page, server)
    page.shot("voorstellen")
    assert page.evaluate(UNLABELLED) == []
    boxes = page.locator('input[name="kies"]')
    first, second = boxes.nth(0).get_attribute("value"), boxes.nth(1).get_attribute("value")
    boxes.nth(0).check()
    page.get_by_role("button", name="Goedkeuren").click()
    page.shot("goedgekeurd")
    assert f"Voorstel {first.split(':')[0]} is goedgekeurd." in page.locator("[role=status]").inner_text()
    page.locator(f'input[value="{second}"]').check()
    page.get_by_role("button", name="Afwijzen").click()
    page.shot("afwijzen-zonder-reden")
    assert "reden nodig" in page.locator("[role=status]").inner_text()
    page.locator(f'input[value="{second}"]').check()
    page.get_by_label("Reden (verplicht bij afwijzen)").fill("dubbel met een ander voorstel")
    page.get_by_role("button", name="Afwijzen").click()
    page.shot("afgewezen")
    assert f"Voorstel {second.split(':')[0]} is afgewezen." in page.locator("[role=status]").inner_text()
    page.get_by_role("link", name="Auditlog").click()
    page.shot("auditlog")
    log = page.locator("main table").inner_text()
    assert "approve" in log and "reject" in log and "dubbel met een ander voorstel" in log


def test_a_stale_approval_shows_the_conflict(page, server):
    sign_in(page, server)
    choice = page.locator('input[name="kies"]').nth(0).get_attribute("value")
    mapping_id, version = choice.split(":")
    # Someone else approves the same proposal after this page was loaded.
    other = httpx.post(
        f"{server.url}/api/v1/registry/proposals/{mapping_id}/approve",
        json={"version": int(version)},
        auth=MAINTAINER,
        timeout=60,
    )
    assert other.status_code == 200
    page.locator(f'input[value="{choice}"]').check()
    page.get_by_role("button", name="Goedkeuren").click()
    page.shot("conflict")
    status = page.locator("[role=status]").inner_text()
    assert "Conflict" in status and f"voorstel {mapping_id} is gewijzigd" in status


def test_every_page_renders(page, server):
    for path, heading in [
        ("/lezen", "Bericht lezen"),
        ("/regels?q=TR346", "Regels"),
        ("/regels/TR346", "Regel TR346"),
        ("/register?gemeente=7001&code=45C11&on=2026-06-01", "Register: een productcode opzoeken"),
        ("/register/dashboard?on=2026-06-01", "Reductie van productcodes op 2026-06-01"),
        ("/docs", None),
    ]:
        page.goto(server.url + path)
        page.wait_for_load_state("networkidle")
        page.shot(path.strip("/").split("?")[0].replace("/", "-") or "start")
        if heading:
            assert page.locator("h1").inner_text() == heading
            assert page.evaluate(UNLABELLED) == [], path
        else:  # Swagger UI drew the API from files this server serves (no CDN, no network)
            assert "productcodes" in page.locator(".swagger-ui .info .title").inner_text()
            assert page.locator(".opblock-summary-path", has_text="/api/v1/validate").count() >= 1
    page.goto(server.url + "/lezen")
    page.get_by_label("Bericht (XML)").set_input_files(str(GOOD))
    page.get_by_role("button", name="Tonen").click()
    page.shot("gelezen")
    assert "******009" in page.locator("main").inner_text()
