"""A wheel built from the repository works on its own: migrations, schemas and spec ship inside."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from productcodes.migrate import head

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_installed_wheel_upgrades_a_database_and_runs_the_demo(tmp_path):
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist), str(ROOT)],
        check=True,
        capture_output=True,
        cwd=tmp_path,
    )
    [wheel] = dist.glob("productcodes-*.whl")
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    # The dependencies come from this interpreter's site-packages (no download); the
    # package itself only from the wheel: a path entry does not run the editable finder.
    site = next((venv / "lib").glob("python3*/site-packages"))
    (site / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--quiet", "--target", str(site), str(wheel)],
        check=True,
    )
    python = venv / "bin" / "python"
    where = subprocess.run(
        [python, "-c", "import productcodes, migrations, iwmo_ijw; print(productcodes.__file__)"],
        check=True,
        capture_output=True,
        text=True,
        cwd=tmp_path,
    ).stdout
    assert str(site) in where
    db = f"sqlite:///{tmp_path / 'registry.sqlite'}"
    cli = [python, "-m", "productcodes", "--db", db]
    upgraded = subprocess.run([*cli, "db", "upgrade"], capture_output=True, text=True, cwd=tmp_path)

    assert upgraded.returncode == 0 and head() in upgraded.stdout, upgraded.stderr
    # The web service's pages ship inside too (templates and style sheet are package data).
    assert (site / "productcodes" / "web" / "templates" / "base.html").is_file()
    assert (site / "productcodes" / "web" / "static" / "stijl.css").is_file()
    demo = subprocess.run(
        [python, "-m", "productcodes", "demo", "--db", f"sqlite:///{tmp_path / 'demo.sqlite'}"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert demo.returncode == 0 and "Reductie op" in demo.stdout, demo.stderr
    validated = subprocess.run(
        [python, "-m", "productcodes", "rules", "list", "--message", "JW323"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert validated.returncode == 0 and "regel(s)" in validated.stdout, validated.stderr
