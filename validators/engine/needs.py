"""What a rule needs, and whether a validation has it: the one place that decides which rules run.

A rule declares what it needs from outside the message on its decorator (`needs=`), in this
vocabulary:

- "history": earlier messages of the same parties (--history, --store);
- "registry": a registry snapshot, whatever it holds (--registry);
- "registry:<kind>": a snapshot that holds that kind of data, one of KINDS (implies "registry").

Everything else asks this module: the engine whether a rule runs or why it is skipped (in the
report's words, Dutch), the rule loader which modules it may leave unimported (the rules index
carries the needs), the command line and the web page which kinds of data the registry lacks.
A rule that declared a need may take it for granted: it never runs without it.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Any

HISTORY = "history"
REGISTRY = "registry"
# The kinds of data a registry snapshot may lack (RegistrySnapshot.provides), in the order reports name them.
KINDS = ("gemeenten", "producten", "tarieven")
_KIND_PREFIX = f"{REGISTRY}:"
VOCABULARY = frozenset({HISTORY, REGISTRY, *(_KIND_PREFIX + kind for kind in KINDS)})

# Why a rule did not run, in the report's words (Dutch: the reports' readers are).
_REASONS = {
    HISTORY: "geen eerdere berichten (--history of --store)",
    REGISTRY: "geen register (--registry)",
}


def declared(code: str, needs: Iterable[str]) -> frozenset[str]:
    """A rule's needs as its decorator gives them; a need outside the vocabulary is refused, as
    a misspelt need would otherwise never be met (or never be checked)."""
    found = frozenset(needs)
    unknown = sorted(found - VOCABULARY)
    if unknown:
        raise RuntimeError(
            f"rule {code}: unknown need(s) {', '.join(unknown)}; "
            f"validators.engine.needs knows {', '.join(sorted(VOCABULARY))}"
        )
    return found


def wants(needs: Iterable[str], source: str) -> bool:
    """Whether these needs ask for `source` (HISTORY or REGISTRY) at all; a kind of registry data
    asks for the registry."""
    return any(need == source or need.startswith(f"{source}:") for need in needs)


def available(history: Any, registry: Any) -> frozenset[str]:
    """What a validation with this history and registry has, in the needs vocabulary.

    A registry that cannot say what it provides (no `provides`) is taken to hold everything.
    """
    have = set()
    if history is not None:
        have.add(HISTORY)
    if registry is not None:
        have.add(REGISTRY)
        provides = getattr(registry, "provides", None)
        have.update(_KIND_PREFIX + kind for kind in KINDS if provides is None or provides(kind))
    return frozenset(have)


@lru_cache(maxsize=1024)
def missing(needs: frozenset[str], have: frozenset[str]) -> tuple[str, ...]:
    """The needs not met, sorted, each said once: without any registry its kinds are not named too."""
    gaps = {
        REGISTRY if need.startswith(_KIND_PREFIX) and REGISTRY not in have else need
        for need in needs
        if need not in have
    }
    return tuple(sorted(gaps))


def reason(needs: Iterable[str], have: frozenset[str]) -> str | None:
    """None when a rule with these needs runs; else why it is skipped (Dutch, as reports say it)."""
    gaps = missing(frozenset(needs), have)
    return " en ".join(map(_said, gaps)) if gaps else None


def _said(need: str) -> str:
    if need.startswith(_KIND_PREFIX):
        return f"het register heeft geen {need.removeprefix(_KIND_PREFIX)}"
    return _REASONS.get(need, f"geen {need}")


def registry_gaps(registry: Any) -> dict[str, tuple[str, ...]]:
    """Per kind of data the registry lacks (in KINDS order), the rules therefore not evaluated."""
    from validators.rules import rule_needs  # the index: no rule module needs importing for this

    have = available(None, registry)
    lacking: dict[str, list[str]] = {}
    for code, needs in rule_needs().items():
        for need in needs:
            if need.startswith(_KIND_PREFIX) and need not in have:
                lacking.setdefault(need.removeprefix(_KIND_PREFIX), []).append(code)
    return {kind: tuple(sorted(lacking[kind])) for kind in KINDS if kind in lacking}


def registry_warnings(registry: Any) -> list[str]:
    """One line (Dutch) per kind of data the registry lacks, naming the rules not evaluated."""
    return [
        f"waarschuwing: het register heeft geen {kind}: {', '.join(codes)} niet gecontroleerd"
        for kind, codes in registry_gaps(registry).items()
    ]
