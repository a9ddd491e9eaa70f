"""What the service refuses: writes without user or CSRF token, oversized and hostile uploads, path names."""

from __future__ import annotations

import json
import re

import httpx
import pytest

from tests.web.server import MAINTAINER, VIEWER, start, stop
from tests.web.test_api import BAD, GOOD, cli_report

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<Bericht xmlns="http://www.istandaarden.nl/ijw/3_2/jw323/schema">&lol3;</Bericht>"""
EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE x [<!ENTITY geheim SYSTEM "file:///etc/passwd">]>
<Bericht xmlns="http://www.istandaarden.nl/ijw/3_2/jw323/schema">&geheim;</Bericht>"""


def csrf_of(page: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', page).group(1)


def sign_in(client: httpx.Client, user: tuple[str, str]) -> None:
    token = csrf_of(client.get("/inloggen").text)
    answer = client.post("/inloggen", data={"csrf": token, "naam": user[0], "wachtwoord": user[1]})
    assert answer.status_code == 303


def test_forms_without_the_csrf_token_are_refused(server):
    with server.client() as client:
        sign_in(client, MAINTAINER)
        page = client.get("/register/voorstellen")
        choice = re.search(r'name="kies" value="([^"]+)"', page.text).group(1)
        no_token = client.post("/register/voorstellen", data={"actie": "goedkeuren", "kies": choice})
        other_token = client.post(
            "/register/voorstellen", data={"actie": "goedkeuren", "kies": choice, "csrf": "x" * 43}
        )
        upload = client.post("/valideren", files=[("files", ("a.xml", GOOD.read_bytes()))])
        after = client.get("/register/voorstellen").text
    assert (no_token.status_code, other_token.status_code, upload.status_code) == (403, 403, 403)
    assert f'value="{choice}"' in after  # still open at the same version


def test_a_session_is_not_enough_for_api_writes_without_the_csrf_header(server):
    with server.client() as client:
        sign_in(client, MAINTAINER)
        target = client.get("/api/v1/registry/proposals").json()[0]
        url = f"/api/v1/registry/proposals/{target['id']}/approve"
        refused = client.post(url, json={"version": target["version"]})
        token = csrf_of(client.get("/").text)
        accepted = client.post(url, json={"version": target["version"]}, headers={"x-csrf-token": token})
    assert refused.status_code == 403
    assert accepted.status_code == 200 and accepted.json()["status"] == "approved"


def test_a_viewer_cannot_decide_on_proposals(server):
    with server.client() as client:
        sign_in(client, VIEWER)
        page = client.get("/register/voorstellen")
        assert page.status_code == 200 and 'name="kies"' not in page.text
        target = client.get("/api/v1/registry/proposals", auth=VIEWER).json()[0]
        answer = client.post(
            "/register/voorstellen",
            data={
                "csrf": csrf_of(page.text),
                "actie": "goedkeuren",
                "kies": f"{target['id']}:{target['version']}",
            },
        )
    assert answer.status_code == 403


def test_unknown_names_and_wrong_passwords_do_not_sign_in(server):
    with server.client() as client:
        token = csrf_of(client.get("/inloggen").text)
        wrong = client.post("/inloggen", data={"csrf": token, "naam": MAINTAINER[0], "wachtwoord": "fout"})
        unknown = client.post("/inloggen", data={"csrf": token, "naam": "niemand", "wachtwoord": "fout"})
        assert client.get("/register/audit").status_code == 401
    assert wrong.status_code == unknown.status_code == 401


@pytest.mark.parametrize(
    "hostile", [BILLION_LAUGHS, EXTERNAL_ENTITY], ids=["billion-laughs", "external-entity"]
)
def test_hostile_xml_gets_the_cli_verdict(server, tmp_path, hostile):
    sample = tmp_path / "hostile.xml"
    sample.write_bytes(hostile)
    expected = cli_report(tmp_path, [sample], "--format", "json")
    with server.client() as client:
        answer = client.post(
            "/api/v1/validate", files=[("files", ("hostile.xml", hostile, "application/xml"))]
        )
        page = client.post(
            "/valideren",
            data={"csrf": csrf_of(client.get("/").text)},
            files=[("files", ("hostile.xml", hostile, "application/xml"))],
        )
    assert answer.status_code == 200 and answer.json() == json.loads(expected)
    assert answer.json()["files"][0]["valid"] is False
    assert page.status_code == 200 and "Afgekeurd" in page.text and "root:" not in page.text


@pytest.mark.parametrize("name", ["../../etc/cron.d/evil.xml", "C:\\Users\\x\\evil.xml", "/tmp/evil.xml"])
def test_file_names_lose_their_folders(server, name):
    with server.client() as client:
        answer = client.post(
            "/api/v1/validate", files=[("files", (name, BAD.read_bytes(), "application/xml"))]
        )
    assert answer.json()["files"][0]["file"] == "evil.xml"


def test_the_server_log_has_no_bsn(server):
    with server.client() as client:
        client.post("/api/v1/validate", files=[("files", ("a.xml", GOOD.read_bytes()))])
        client.post(
            "/valideren",
            data={"csrf": csrf_of(client.get("/").text)},
            files=[("files", ("a.xml", GOOD.read_bytes()))],
        )
    log = (server.db_url.split("sqlite:///")[1].rsplit("/", 1)[0]) + "/server.log"
    assert "100000009" not in open(log, encoding="utf-8", errors="replace").read()


@pytest.fixture(scope="module")
def small_server(tmp_path_factory):
    running = start(tmp_path_factory.mktemp("klein"), "--max-upload", "1")
    yield running
    stop(running)


def test_an_upload_over_the_limit_gets_413(small_server):
    big = b"<x>" + b"a" * (1024 * 1024 + 10) + b"</x>"
    with small_server.client() as client:
        declared = client.post("/api/v1/validate", files=[("files", ("groot.xml", big, "application/xml"))])
        streamed = client.post(
            "/api/v1/validate",
            content=iter([big[:500_000], big[500_000:]]),
            headers={"content-type": "application/xml"},
        )
        page = client.post(
            "/valideren",
            files=[("files", ("groot.xml", big, "application/xml"))],
            headers={"accept": "text/html"},
        )
        fits = client.post("/api/v1/validate", files=[("files", ("a.xml", GOOD.read_bytes()))])
    assert declared.status_code == streamed.status_code == page.status_code == 413
    assert "1 MB" in declared.json()["detail"] and "1 MB" in page.text
    assert fits.status_code == 200


def test_validation_can_be_closed_to_signed_in_users(tmp_path):
    closed = start(tmp_path, "--closed")
    try:
        with closed.client() as client:
            anonymous = client.post("/api/v1/validate", files=[("files", ("a.xml", GOOD.read_bytes()))])
            viewer = client.post(
                "/api/v1/validate", files=[("files", ("a.xml", GOOD.read_bytes()))], auth=VIEWER
            )
    finally:
        stop(closed)
    assert anonymous.status_code == 401
    assert viewer.status_code == 200 and viewer.json()["files"][0]["file"] == "a.xml"


def test_a_database_behind_on_migrations_is_a_clear_503_not_a_traceback(tmp_path):
    from fastapi.testclient import TestClient

    from productcodes.web.app import create_app
    from productcodes.web.settings import Settings

    app = create_app(Settings(db_url=f"sqlite:///{tmp_path / 'leeg.sqlite'}", pool_size=0))
    with TestClient(app) as client:
        api = client.get("/api/v1/registry/lookup", params={"gemeente": "7001", "code": "45C11"})
        page = client.get("/register/dashboard", headers={"accept": "text/html"})
    assert api.status_code == 503 and "upgrade" in api.json()["detail"]
    assert page.status_code == 503 and 'role="alert"' in page.text


def test_a_dead_validation_process_is_one_503_then_a_fresh_pool(tmp_path):
    import os
    import signal
    import time

    from fastapi.testclient import TestClient

    from productcodes.web.app import create_app
    from productcodes.web.settings import Settings

    app = create_app(Settings(db_url=f"sqlite:///{tmp_path / 'leeg.sqlite'}", pool_size=1))
    files = [("files", ("a.xml", GOOD.read_bytes()))]
    with TestClient(app) as client:
        assert client.post("/api/v1/validate", files=files).status_code == 200
        for pid in list(app.state.pool.executor()._processes):  # only this pool's processes
            os.kill(pid, signal.SIGKILL)
        time.sleep(1)
        broken = client.post("/api/v1/validate", files=files)
        again = client.post("/api/v1/validate", files=files)
    assert broken.status_code == 503 and "opnieuw" in broken.json()["detail"]
    assert again.status_code == 200 and again.json()["files"][0]["valid"] is True


def test_pages_cannot_be_framed_and_run_no_scripts(server):
    with server.client() as client:
        page = client.get("/register/voorstellen")
        api = client.get("/api/v1/rules")
    for answer in (page, api):
        assert answer.headers["x-frame-options"] == "DENY"
        assert answer.headers["x-content-type-options"] == "nosniff"
    policy = page.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in policy and "script-src 'none'" in policy
