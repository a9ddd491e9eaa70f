"""The web load benchmark still runs end to end on tiny inputs (nothing timed, only the figures' presence)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_web_load_prints_its_figures_and_every_answer_matches_the_cli(tmp_path: Path):
    run = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "web_load.py"),
            "--uploads",
            "8",
            "--small",
            "2",
            "--prestaties",
            "5",
            "--big",
            "60",
            "--concurrency",
            "3",
            "--workdir",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=ROOT,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    out = run.stdout
    assert re.search(r"throughput\s+[\d.]+ uploads/s", out), out
    assert re.search(r"p50 [\d.]+ s\s+p95 [\d.]+ s\s+p99 [\d.]+ s", out), out
    assert re.search(r"server peak RSS\s+\d+ MB", out) and "ratio" in out, out
    assert "answers equal to the CLI verdict: 8/8" in out, out
