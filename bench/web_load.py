"""Load on the web service: 200 uploads, 20 at a time, against `productcodes serve --workers 2`.

A mix of small JW301 and JW323 messages and one JW323 of 10,000 Prestaties. Every answer is
compared with the CLI's JSON verdict for the same file; it prints throughput, p50/p95/p99
latency and the peak RSS of the server (uvicorn, its workers and their validation pools).
The baseline, measured in the same run, is the same 200 files validated one after the other
in this process through the public API: the ratio says what the server adds or saves.

    .venv/bin/python bench/web_load.py            # the documented run
    .venv/bin/python bench/web_load.py --uploads 10 --big 200 --concurrency 4   # a quick look
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.generate import write_jw301, write_jw323  # noqa: E402
from tests.web.server import free_port  # noqa: E402

TODAY = "2026-12-01"


def make_files(folder: Path, small: int, prestaties: int, big: int) -> list[Path]:
    """`small` JW301 and `small` JW323 files, and one JW323 of `big` Prestaties."""
    files = []
    for i in range(small):
        jw301 = folder / f"jw301-{i:03d}.xml"
        write_jw301(jw301, client=i + 1)
        jw323 = folder / f"jw323-{i:03d}.xml"
        write_jw323(jw323, prestaties, seed=1000 + i, first_client=i * prestaties)
        files += [jw301, jw323]
    large = folder / f"jw323-groot-{big}.xml"
    write_jw323(large, big, seed=9999)
    return files + [large]


def cli_verdicts(folder: Path, files: list[Path]) -> dict[str, dict]:
    """The CLI's JSON report per file (one run over all of them)."""
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "productcodes",
            "validate",
            "--format",
            "json",
            "--today",
            TODAY,
            *[f.name for f in files],
        ],
        cwd=folder,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    if done.returncode not in (0, 1):
        raise SystemExit(f"the CLI failed: {done.stderr}")
    return {item["file"]: item for item in json.loads(done.stdout)["files"]}


def baseline(files: list[Path], order: list[int]) -> float:
    """Seconds to validate the uploads one after the other in this process (the public API)."""
    from datetime import date

    from validators import Options, validate

    options = Options(today=date.fromisoformat(TODAY))
    validate([(files[0].name, files[0].read_bytes())], options)  # warm: schemas and rules loaded once
    started = time.perf_counter()
    for i in order:
        validate([(files[i].name, files[i].read_bytes())], options)
    return time.perf_counter() - started


def _tree_rss(pid: int) -> int:
    """Resident bytes of a process and all its descendants (Linux /proc)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                ppid = int(Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            for line in Path(f"/proc/{current}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
        except OSError:
            pass
        todo += children.get(current, [])
    return total


class PeakRss(threading.Thread):
    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak, self.running = pid, 0, True

    def run(self) -> None:
        while self.running:
            self.peak = max(self.peak, _tree_rss(self.pid))
            time.sleep(0.1)


def start_server(folder: Path, workers: int, pool: int) -> tuple[subprocess.Popen, str]:
    from productcodes.db import make_engine
    from productcodes.migrate import upgrade

    db_url = f"sqlite:///{folder / 'registry.sqlite'}"
    engine = make_engine(db_url)
    upgrade(engine)
    engine.dispose()
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "productcodes",
            "--db",
            db_url,
            "serve",
            "--port",
            str(port),
            "--workers",
            str(workers),
            "--pool",
            str(pool),
        ],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                return process, url
        except httpx.TransportError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit("the server did not start")


def warm(url: str, sample: Path, count: int) -> None:
    """One request per validation process, so the first uploads do not measure imports."""
    with ThreadPoolExecutor(count) as threads:
        list(
            threads.map(
                lambda _: httpx.post(
                    f"{url}/api/v1/validate",
                    params={"today": TODAY},
                    timeout=300,
                    files=[("files", (sample.name, sample.read_bytes()))],
                ),
                range(count),
            )
        )


def load(
    url: str, files: list[Path], order: list[int], concurrency: int, expected: dict[str, dict]
) -> tuple[float, list[float], int]:
    """Send the uploads `concurrency` at a time; returns wall seconds, latencies and mismatches."""
    payloads = {i: files[i].read_bytes() for i in set(order)}

    def one(i: int) -> tuple[float, bool]:
        started = time.perf_counter()
        answer = client.post(
            "/api/v1/validate",
            params={"today": TODAY},
            files=[("files", (files[i].name, payloads[i], "application/xml"))],
        )
        elapsed = time.perf_counter() - started
        return elapsed, answer.status_code == 200 and answer.json()["files"][0] == expected[files[i].name]

    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    with (
        httpx.Client(base_url=url, timeout=600, limits=limits) as client,
        ThreadPoolExecutor(concurrency) as pool,
    ):
        started = time.perf_counter()
        results = list(pool.map(one, order))
        wall = time.perf_counter() - started
    return wall, [r[0] for r in results], sum(not r[1] for r in results)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--uploads", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--small", type=int, default=20, help="distinct small JW301 and JW323 files (each)")
    parser.add_argument("--prestaties", type=int, default=40, help="Prestaties per small JW323")
    parser.add_argument("--big", type=int, default=10_000, help="Prestaties of the one large JW323")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--pool", type=int, default=1, help="validation processes per worker")
    parser.add_argument("--workdir", type=Path)
    args = parser.parse_args()

    folder = args.workdir or Path(tempfile.mkdtemp(prefix="productcodes-webload-"))
    folder.mkdir(parents=True, exist_ok=True)
    files = make_files(folder, args.small, args.prestaties, args.big)
    # The large file once, early (a late one would only measure its own latency); the rest round-robin.
    order = [len(files) - 1] + [i % (len(files) - 1) for i in range(args.uploads - 1)]
    expected = cli_verdicts(folder, files)
    base = baseline(files, order)
    process, url = start_server(folder, args.workers, args.pool)
    try:
        warm(url, files[1], args.workers * max(args.pool, 1) * 2)
        watcher = PeakRss(process.pid)
        watcher.start()
        wall, latencies, wrong = load(url, files, order, args.concurrency, expected)
        watcher.running = False
        watcher.join()
    finally:
        process.terminate()
        process.wait(timeout=60)
    print(
        f"web load: {args.uploads} uploads ({args.small} JW301 + {args.small} JW323 of {args.prestaties} "
        f"Prestaties, one JW323 of {args.big}), {args.concurrency} at a time, {args.workers} workers x "
        f"{args.pool} pool"
    )
    print(f"  throughput        {args.uploads / wall:8.1f} uploads/s   wall {wall:.2f} s")
    print(
        f"  latency           p50 {percentile(latencies, 50):.3f} s   "
        f"p95 {percentile(latencies, 95):.3f} s   p99 {percentile(latencies, 99):.3f} s   "
        f"max {max(latencies):.3f} s"
    )
    print(f"  baseline          {base:.2f} s in-process one after the other   ratio {base / wall:.2f}x")
    print(f"  server peak RSS   {watcher.peak / 2**20:.0f} MB (uvicorn, workers and pools together)")
    print(f"  answers equal to the CLI verdict: {args.uploads - wrong}/{args.uploads}")
    if wrong:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
