"""`productcodes users add` and `productcodes serve`'s refusals, as a person types them."""

from __future__ import annotations

import os
import subprocess

from tests.web.server import CLI, ROOT


def run(*args: str, env: dict | None = None, cwd=ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*CLI, *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
        timeout=120,
    )


def test_users_add_stores_an_argon2_hash_that_signs_in(tmp_path):
    from productcodes.db import make_engine
    from productcodes.migrate import upgrade
    from productcodes.web.auth import check_password

    url = f"sqlite:///{tmp_path / 'r.sqlite'}"
    engine = make_engine(url)
    upgrade(engine)
    done = run(
        "--db",
        url,
        "users",
        "add",
        "anna",
        "--role",
        "maintainer",
        env={"PRODUCTCODES_PASSWORD": "lang-genoeg"},
    )
    assert done.returncode == 0, done.stderr
    stored = engine.connect().exec_driver_sql("SELECT password_hash FROM web_user").scalar_one()
    assert stored.startswith("$argon2id$") and "lang-genoeg" not in stored
    assert check_password(engine, "anna", "lang-genoeg") == "maintainer"
    assert check_password(engine, "anna", "verkeerd") is None
    again = run(
        "--db",
        url,
        "users",
        "add",
        "anna",
        "--role",
        "viewer",
        env={"PRODUCTCODES_PASSWORD": "nieuw-wachtwoord"},
    )
    assert again.returncode == 0 and check_password(engine, "anna", "nieuw-wachtwoord") == "viewer"
    engine.dispose()


def test_users_add_refuses_a_short_password_and_an_unknown_role(tmp_path):
    from productcodes.db import make_engine
    from productcodes.migrate import upgrade

    url = f"sqlite:///{tmp_path / 'r.sqlite'}"
    upgrade(make_engine(url))
    short = run("--db", url, "users", "add", "bob", "--role", "viewer", env={"PRODUCTCODES_PASSWORD": "kort"})
    role = run(
        "--db", url, "users", "add", "bob", "--role", "admin", env={"PRODUCTCODES_PASSWORD": "lang-genoeg"}
    )
    assert short.returncode == 2 and short.stderr.startswith("fout: ") and "Traceback" not in short.stderr
    assert role.returncode == 2 and "admin" in role.stderr


def test_serve_on_an_unmigrated_database_is_one_clear_error(tmp_path):
    done = run("--db", f"sqlite:///{tmp_path / 'leeg.sqlite'}", "serve", "--port", "0")
    assert done.returncode == 2
    assert done.stderr.startswith("fout: ") and "Traceback" not in done.stderr
