"""Batch validation for back offices: thousands of files, resumable, on local processes or Dask.

Each file's verdict is written as its own JSON report the moment it is known (atomically,
via a temporary file), so an interrupted run loses at most the files in flight and a rerun
skips every file whose report matches the file's size and modification time.
"""

from __future__ import annotations

import gc
import json
import os
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from lxml import etree

from productcodes.errors import UserError

REPORTS = "reports"
SUMMARY = "summary.json"
# Small files dominate a monthly batch; sending them in chunks keeps inter-process overhead low.
CHUNK = 32


@dataclass(frozen=True)
class BatchSettings:
    """Everything a worker needs to build its validation options once, picklable for processes and Dask."""

    today: date
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    schema_dir: str | None = None
    history_paths: tuple[str, ...] = ()
    history_complete: bool = False  # the history files hold every message from their first Dagtekening
    show_bsn: bool = False
    db_url: str | None = None  # registry and message store, when used
    use_store: bool = False
    use_registry: bool = False
    lang: str | None = None  # language of the reports' messages and hints (None: PRODUCTCODES_LANG or nl)


@dataclass
class Outcome:
    """What the summary needs from one file; the full report is already on disk."""

    file: str
    valid: bool
    failed: bool  # not a readable message at all (parse or detection error)
    message_type: str | None
    afzender: str | None
    codes: list[tuple[str, str | None, str]] = field(default_factory=list)  # (code, retourcode, severity)
    skipped: bool = False  # done in an earlier run

    @classmethod
    def from_report(cls, data: dict, skipped: bool = False) -> Outcome:
        """The outcome of one file, from its JSON report (as written, or found from an earlier run)."""
        findings = data.get("findings", [])
        return cls(
            file=data["file"],
            valid=bool(data.get("valid")),
            failed=data.get("message_type") is None,
            message_type=data.get("message_type"),
            afzender=data.get("afzender"),
            codes=[(f["code"], f.get("retourcode"), f["severity"]) for f in findings],
            skipped=skipped,
        )


def discover(paths: Iterable[str | os.PathLike]) -> list[Path]:
    """.xml/.XML files below the given folders (and given files), in a stable order, as `validate`
    has them."""
    from validators.sources.files import message_files

    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(message_files(path))
        elif path.is_file():
            found.append(path)
        else:
            raise UserError(f"{path}: no such file or folder")
    return found


def key_root(paths: list[str | os.PathLike]) -> Path | None:
    """The folder report names are spelled from when several inputs are given: their common
    ancestor, so a/x.xml and b/x.xml keep their folders (and their own reports). None for one
    input, whose files are named from the input itself, as they always were."""
    if len(paths) < 2:
        return None
    roots = [str(Path(p).resolve() if Path(p).is_dir() else Path(p).resolve().parent) for p in paths]
    return Path(os.path.commonpath(roots))


def report_path(out_dir: Path, root: Path, file: Path) -> Path:
    """Where the report of a file goes: its path below root, mirrored under out_dir."""
    try:
        # Files found below root are spelled from it: no filesystem lookup needed (10k files).
        relative = file.relative_to(root)
    except ValueError:
        try:
            relative = file.resolve().relative_to(root.resolve())
        except ValueError:
            relative = Path(file.name)
    return out_dir / REPORTS / relative.with_name(relative.name + ".json")


def _stamp(file: Path) -> dict:
    stat = file.stat()
    return {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns}


def already_done(file: Path, target: Path) -> dict | None:
    """The earlier report if it was made from this very file (same size and mtime)."""
    try:
        data = json.loads(target.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if data.get("source") == _stamp(file) else None


TMP_PREFIX = ".tmp-"


def write_atomic(target: Path, text: str) -> None:
    """Write text to target through a temporary file, so a report is whole or absent, never half."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=TMP_PREFIX, suffix=target.suffix)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def header_afzender(file: Path) -> str | None:
    """Afzender from the header without building the tree: summaries are per sender."""
    try:
        for _, el in etree.iterparse(
            str(file),
            events=("end",),
            tag="{*}Afzender",
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
        ):
            return (el.text or "").strip() or None
    except (etree.XMLSyntaxError, OSError):
        return None
    return None


# --- worker side -------------------------------------------------------------------------

_worker_options: dict[BatchSettings, Any] = {}


def _options_for(settings: BatchSettings) -> Any:
    """Built once per worker process: history and registry loading is the expensive part."""
    options = _worker_options.get(settings)
    if options is None:
        from validators.engine.pipeline import EVERY_LEVEL, Options
        from validators.rules.registry import RuleSet

        options = Options(
            levels=EVERY_LEVEL,
            today=settings.today,
            ruleset=RuleSet(select=settings.select, ignore=settings.ignore),
            schema_dir=settings.schema_dir,
            history=_history(settings),
            registry=_registry(settings),
        )
        _worker_options[settings] = options
    return options


def _migrated_engine(settings: BatchSettings):
    from productcodes.db import make_engine
    from productcodes.migrate import require_current

    engine = make_engine(settings.db_url)
    require_current(engine)
    return engine


# Per settings: the history files that could not be read, as (file, reason). Filled where the
# history is built (the driver warms up before its workers fork; Dask asks the driver too).
_refused_history: dict[BatchSettings, list[tuple[str, str]]] = {}


def _history(settings: BatchSettings) -> Any:
    """The history of the store and the --history files. A broken history file does not stop
    the batch: it is left out and reported as refused, with the rules it may affect."""
    from validators.sources.history import History

    history = None
    if settings.use_store:
        from validators.sources.store import build_history

        engine = _migrated_engine(settings)
        try:
            history = build_history(engine, [])
        finally:
            engine.dispose()
    refused: list[tuple[str, str]] = []
    if settings.history_paths:
        from iwmo_ijw.parsing import MessageError, load

        history = history or History()
        earliest = None
        for file in discover(settings.history_paths):
            try:
                message = load(file)
            except MessageError as exc:
                refused.append((str(file), str(exc)))
                continue
            day = history.add(message)
            if day is not None and (earliest is None or day < earliest):
                earliest = day
        if settings.history_complete and earliest is not None:
            history.declare_complete("--history-complete", earliest)
    _refused_history[settings] = refused
    return history


def refused_history(settings: BatchSettings) -> list[tuple[str, str]]:
    """History files left out, each with the reason (built on first use)."""
    if settings not in _refused_history:
        _options_for(settings)
    return _refused_history.get(settings, [])


def rules_needing_history(message_types: Iterable[str]) -> list[str]:
    """The codes of the rules that read the history for these message types."""
    from validators.rules.registry import all_rules

    types = set(message_types)
    return sorted(
        code
        for code, r in all_rules().items()
        if "history" in r.needs and any(r.applies_to(t) for t in types)
    )


def _registry(settings: BatchSettings) -> Any:
    if not settings.use_registry:
        return None
    from validators.sources.snapshot_db import snapshot_from_engine

    engine = _migrated_engine(settings)
    try:
        return snapshot_from_engine(engine)
    finally:
        engine.dispose()


def validate_one(settings: BatchSettings, file: str, target: str) -> dict:
    """Validate one file and write its report; returns the summary record. Never raises for bad input."""
    from validators.engine.stream import validate_auto

    path = Path(file)
    report = validate_auto(path, _options_for(settings))
    data = report.as_dict(show_bsn=settings.show_bsn, lang=settings.lang)
    data["afzender"] = (report.afzender or header_afzender(path)) if report.message_type else None
    data["source"] = _stamp(path)
    write_atomic(Path(target), json.dumps(data, ensure_ascii=False, indent=2))
    return data


def validate_chunk(settings: BatchSettings, jobs: list[tuple[str, str]]) -> list[Outcome]:
    """Validate a worker's share of the files; return only what the summary needs."""
    # Only what the summary needs travels back: the reports are on disk already, and
    # unpickling them whole would keep the driver busy while the workers wait.
    return [Outcome.from_report(validate_one(settings, file, target)) for file, target in jobs]


# --- driver side -------------------------------------------------------------------------


@dataclass
class BatchResult:
    """What a batch found: one outcome per file, where the reports are, and history files refused."""

    outcomes: list[Outcome]
    out_dir: Path
    refused_history: list[tuple[str, str]] = field(default_factory=list)

    @property
    def has_errors(self) -> bool:
        """Whether any file was rejected."""
        return any(not o.valid for o in self.outcomes)

    def summary(self) -> dict:
        """Counts per rule code, retourcode and sender, for the summary report."""
        per_code: Counter[str] = Counter()
        per_retourcode: Counter[str] = Counter()
        per_sender: dict[str, Counter[str]] = {}
        for o in self.outcomes:
            sender = per_sender.setdefault(o.afzender or "(unknown)", Counter())
            sender["files"] += 1
            sender["invalid"] += 0 if o.valid else 1
            for code, retourcode, severity in o.codes:
                if severity != "error":
                    continue
                per_code[code] += 1
                if retourcode:
                    per_retourcode[retourcode] += 1
        return {
            "files": len(self.outcomes),
            "valid": sum(o.valid for o in self.outcomes),
            "invalid": sum(not o.valid and not o.failed for o in self.outcomes),
            "unreadable": [o.file for o in self.outcomes if o.failed],
            "resumed": sum(o.skipped for o in self.outcomes),
            "errors_per_code": dict(sorted(per_code.items())),
            "errors_per_retourcode": dict(sorted(per_retourcode.items())),
            "per_afzender": {k: dict(v) for k, v in sorted(per_sender.items())},
            "refused_history": [{"file": f, "reason": r} for f, r in self.refused_history],
            "rules_affected_by_refused_history": rules_needing_history(
                {o.message_type for o in self.outcomes if o.message_type}
            )
            if self.refused_history
            else [],
        }


Progress = Callable[[int], None]


def plan(paths: Iterable[str | os.PathLike], out_dir: Path) -> tuple[list[tuple[str, str]], list[Outcome]]:
    """Split the work into files still to do and outcomes recovered from an earlier run."""
    from validators.sources.files import Seen

    todo: list[tuple[str, str]] = []
    done: list[Outcome] = []
    paths = list(paths)
    common = key_root(paths)
    seen = Seen()
    for raw in paths:
        root = common or (Path(raw) if Path(raw).is_dir() else Path(raw).parent)
        for file in discover([raw]):
            if not seen.first(file):
                continue  # reached twice (a folder and a file in it): validated and reported once
            target = report_path(out_dir, root, file)
            earlier = already_done(file, target)
            if earlier is not None:
                done.append(Outcome.from_report(earlier, skipped=True))
            else:
                todo.append((str(file), str(target)))
    return todo, done


def remove_temporary(out_dir: Path) -> int:
    """Delete the temporary files this tool leaves when interrupted mid-write (only its own prefix)."""
    removed = 0
    for tmp in out_dir.rglob(f"{TMP_PREFIX}*"):
        if tmp.is_file():
            tmp.unlink(missing_ok=True)
            removed += 1
    return removed


def _chunks(jobs: list[tuple[str, str]], size: int) -> Iterator[list[tuple[str, str]]]:
    for start in range(0, len(jobs), size):
        yield jobs[start : start + size]


def run_local(
    settings: BatchSettings, jobs: list[tuple[str, str]], workers: int, progress: Progress
) -> list[Outcome]:
    """Run the jobs on this machine, in worker processes when workers > 1, reporting progress."""
    results: list[Outcome] = []
    # What is loaded once (rules, schemas, history, registry snapshot) lives for the whole
    # batch: frozen, the collector never walks it again, and forked workers (Linux) start with
    # it and keep its pages shared instead of copying them.
    _warm_up(settings)
    gc.freeze()
    try:
        if workers <= 1:
            for job in jobs:
                results.append(Outcome.from_report(validate_one(settings, *job)))
                progress(1)
            return results
        pool = ProcessPoolExecutor(max_workers=workers, initializer=_leave_interrupts_to_the_driver)
        try:
            futures = [pool.submit(validate_chunk, settings, chunk) for chunk in _chunks(jobs, CHUNK)]
            for future in futures:
                chunk_results = future.result()
                results.extend(chunk_results)
                progress(len(chunk_results))
        except BaseException:
            # Ctrl-C: the chunks not started are dropped, the running ones end with their reports.
            pool.shutdown(wait=True, cancel_futures=True)
            raise
        pool.shutdown(wait=True)
    finally:
        gc.unfreeze()
    return results


def _leave_interrupts_to_the_driver() -> None:
    # A worker stopped mid-report would leave the driver waiting on a broken pool; the
    # driver stops handing out work instead, and the workers finish what they hold.
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _warm_up(settings: BatchSettings) -> None:
    from iwmo_ijw.namespaces import MESSAGE_TYPES
    from iwmo_ijw.schemas import load_schema
    from productcodes.errors import ConfigurationError
    from validators.engine.stream import validate_auto  # noqa: F401  (imports the engine and the reporting path)
    from validators.rules.registry import all_rules

    all_rules()
    _options_for(settings)
    for message_type in MESSAGE_TYPES.values():
        try:
            load_schema(message_type, settings.schema_dir)
        except ConfigurationError:
            continue  # an official folder without this message: reported per file when met


def run_dask(
    settings: BatchSettings, jobs: list[tuple[str, str]], scheduler: str, progress: Progress
) -> list[Outcome]:
    """The same work on a Dask cluster: `scheduler` is an address, or `local:N` for a local N-worker cluster.

    Report paths must be reachable from the workers (a shared folder), as for any Dask file job.
    """
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError as exc:  # pragma: no cover - the dask extra is part of the test install
        raise UserError("the Dask executor needs `pip install productcodes[dask]`") from exc
    # Built once here first: a store with messages not yet extracted is reindexed by the driver,
    # not by every worker at once; the workers then open the store by its URL, per message keyed.
    _options_for(settings)
    cluster = None
    if scheduler.startswith("local:"):
        cluster = LocalCluster(
            n_workers=int(scheduler.split(":", 1)[1]),
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
        )
        client = Client(cluster)
    else:
        try:
            client = Client(scheduler, timeout="10s")
        except OSError as exc:
            raise UserError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
    try:
        futures = [
            client.submit(validate_chunk, settings, chunk, pure=False) for chunk in _chunks(jobs, CHUNK)
        ]
        results: list[Outcome] = []
        for future in as_completed(futures):
            chunk_results = future.result()
            results.extend(chunk_results)
            progress(len(chunk_results))
        return results
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def run_batch(
    paths: Iterable[str | os.PathLike],
    out_dir: str | os.PathLike,
    settings: BatchSettings,
    *,
    workers: int = 1,
    executor: str = "local",
    scheduler: str | None = None,
    progress: Callable[[int, int], Progress] | None = None,
) -> BatchResult:
    """Validate every message file below paths into out_dir, skipping those already reported (resumable)."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    todo, done = plan(list(paths), out)
    tick = progress(len(todo), len(done)) if progress else (lambda n: None)
    try:
        if executor == "dask":
            results = run_dask(settings, todo, scheduler or f"local:{max(workers, 1)}", tick)
        else:
            results = run_local(settings, todo, workers, tick)
    except KeyboardInterrupt:
        # Reports written so far stay (a rerun resumes from them); half-written ones go.
        remove_temporary(out)
        raise
    outcomes = done + results
    outcomes.sort(key=lambda o: o.file)
    result = BatchResult(
        outcomes=outcomes,
        out_dir=out,
        refused_history=refused_history(settings) if settings.history_paths else [],
    )
    write_atomic(out / SUMMARY, json.dumps(result.summary(), indent=2, ensure_ascii=False))
    return result
