"""The store benchmark still runs end to end on tiny stores and prints every figure beside its target.

Nothing here is about speed (timing belongs in bench/, never in tests).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_store_bench_prints_every_figure(tmp_path: Path):
    run = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "store.py"),
            "--stores",
            "30,60",
            "--lines",
            "20",
            "--repeat",
            "1",
            "--workdir",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=ROOT,
    )
    assert run.returncode == 0, run.stderr
    out = run.stdout
    assert re.search(r"without history\s+[\d.]+ s", out), out
    assert (
        len(
            re.findall(
                r"store of\s+\d+ JW301\s+[\d.]+ s\s+[\d.]+x without history \([\d.]+ s; target <= 2x\)", out
            )
        )
        == 2
    )
    assert re.search(r"ingest on SQLite\s+\d+ messages/s \(target >= 1,000\)", out), out
    assert re.search(r"the whole store parsed\s+[\d.]+ s", out), out
    assert re.search(r"60 against 30 stored\s+[\d.]+x \(target <= 1.3x\)", out), out
    assert len(re.findall(r"same records in memory\s+[\d.]+ s", out)) == 2, out
    assert "refused" not in out  # the generated messages are schema-valid: the store holds them all
