"""The benchmark still runs end to end on tiny inputs and prints every figure it promises.

Nothing here is about speed (timing belongs in bench/, never in tests): this only keeps the
one documented command from rotting while the code under it changes.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_bench_prints_every_scenario(tmp_path: Path):
    run = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "run_all.py"),
            "--sizes",
            "300",
            "--month",
            "40,40",
            "--batch-files",
            "40",
            "--repeat",
            "1",
            "--stream",
            "600",
            "--store",
            "20,40",
            "--store-lines",
            "8",
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
    assert re.search(r"bare lxml parse \+ XSD\s+[\d.]+ s\s+peak RSS", out), out
    assert re.search(r"full validation\s+[\d.]+ s .* ratio [\d.]+x .* Prestaties/s .* cpu ratio", out), out
    # Streamed, the same file and a larger one, against the tree's rate, every rule evaluated.
    assert re.search(
        r"streaming validation\s+[\d.]+ s .* Prestaties/s = \d+% of the same file's .* "
        r"rules not evaluated: 0",
        out,
    ), out
    assert re.search(r"600 Prestaties .* streamed\n\s+streaming validation .* of the 300 tree's", out), out
    assert re.search(r"cross-message validation\s+[\d.]+ s .* ratio [\d.]+x .* findings 0", out), out
    assert re.search(r"speed-up\s+[\d.]+x best of 1 against best of 1", out), out
    # What findings cost, beside the clean figures: one TR346 on every 10th, then on every Prestatie.
    assert re.search(
        r"every 10th Prestatie wrong\s+[\d.]+ s .* 30 TR346 of \d+ findings\s+ratio [\d.]+x .*2\.5x", out
    ), out
    assert re.search(
        r"every Prestatie wrong\s+[\d.]+ s .* 300 TR346 of \d+ findings\s+ratio [\d.]+x .*4\.0x", out
    ), out
    # The message store (bench/store.py) in the same run, each figure beside its target.
    assert re.search(r"store of\s+40 JW301\s+[\d.]+ s\s+[\d.]+x without history .*target <= 2x", out), out
    assert re.search(r"ingest on SQLite\s+\d+ messages/s \(target >= 1,000\)", out), out
    assert re.search(r"40 against 20 stored\s+[\d.]+x \(target <= 1\.3x\)", out), out
    # The command line as a user runs it, a process per run.
    assert re.search(r"10 Prestaties\s+bare\s+[\d.]+ s\s+productcodes\s+[\d.]+ s\s+ratio [\d.]+x", out), out
    # The generated files are schema-valid and fault-free: a finding or an invalid run would
    # mean the benchmark measures error paths, not validation.
    assert "error" not in out.lower() and "skipped" not in out.lower(), out
