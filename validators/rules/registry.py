"""Rule registration: one decorated function per rule, collected through explicit import lists."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from validators.engine.needs import declared
from validators.findings import Severity

if TYPE_CHECKING:
    from lxml import etree

    from validators.rules.context import RuleContext


class Level(StrEnum):
    """Controleniveau as the catalogue names it."""

    XSD = "xsd"  # 1: message format
    MESSAGE = "xslt"  # 2: within one message
    CROSS = "berichtoverstijgend"  # 3: needs earlier messages
    EXTERNAL = "externe bron"  # 4: system date, CBS list, product list, contracts
    REGISTRY = "registry"  # the project's harmonisation rules on top of the standard
    # The file itself (OP192: encoding, byte-order mark, line ends, extension), checked before the XSD.
    TECHNICAL = "technisch"


RuleFunc = Callable[["RuleContext", "etree._Element"], Iterable[Any]]
FinishFunc = Callable[["RuleContext", Any], Iterable[Any]]

# How a rule meets a message streamed a chunk of Clients at a time (validators.engine.stream):
# a rule per element judges the elements of each chunk, those around the Clients once; a rule over
# the Bericht declares ONCE when it reads only what stands around the Clients (the Header), or
# EACH_CHUNK when each chunk's Clients can be judged apart. A rule with a `state` is called for
# every chunk and concludes in its `finish` (see `Rule.state`).
ONCE = "once"
EACH_CHUNK = "each chunk"


@dataclass(frozen=True, slots=True, eq=False)
class Rule:
    """A registered rule: its catalogue facts, what it is called for, and what it needs."""

    code: str
    retourcode: str | None
    messages: tuple[str, ...]  # iJw codes ("JW323"); iWmo messages with the same number follow
    level: Level
    # Local name(s) of the element(s) the rule is called for; "Bericht" = once per message.
    target: str | tuple[str, ...]
    func: RuleFunc
    severity: Severity = Severity.ERROR
    standards: tuple[str, ...] = ("iJw", "iWmo")
    # What the rule needs from outside the message ("history", "registry", "registry:producten"...):
    # the vocabulary and the one decision whether a validation has it are validators.engine.needs.
    needs: frozenset[str] = field(default_factory=frozenset)
    # Whether the rule stays correct when a huge message is read one Client at a time (True, ONCE or
    # EACH_CHUNK, see above). Rules per Client/Prestatie are; a rule over the whole Bericht must say so
    # itself, or keep a state.
    streaming: bool | str = True
    # Paths (below the target) whose texts, with the target's name, decide everything the rule
    # says about one element. Declared, the engine may run the rule once per distinct
    # combination of these values on large messages (validators.engine._memo); a test checks that the
    # rule reads nothing else.
    reads: tuple[str, ...] = ()
    # Paths of classes the rule reads as columns (validators.engine._columns): {class name: [path, ...]},
    # or a function of the message type giving that; the engine reads each class once.
    columns: Any = None
    # The accumulator protocol of rules over the whole message (totals, duplicates, sums per
    # product): `state()` makes what the rule keeps about the message (ctx.state; constant or per
    # distinct key, never per line), the rule adds each chunk to it (the whole tree is one chunk) and
    # yields what it can already tell, and `finish(ctx, state)` yields what only the whole message
    # decides. The same code thus gives one verdict whether the message is streamed or not.
    state: Callable[[], Any] | None = None
    finish: FinishFunc | None = None

    @property
    def each_chunk(self) -> bool:
        """Whether a stream calls the rule for every chunk, its targets around the Clients included."""
        return self.state is not None or self.streaming == EACH_CHUNK

    def columns_for(self, message_type: Any) -> dict[str, list[str]]:
        """The columns the rule reads on this message type (column name -> element paths)."""
        wanted = self.columns(message_type) if callable(self.columns) else self.columns
        return dict(wanted or {})

    @property
    def names(self) -> tuple[str, ...]:
        """The local names of the elements the rule is called for."""
        return (self.target,) if isinstance(self.target, str) else tuple(self.target)

    @property
    def description(self) -> str:
        """The docstring's first paragraph, on one line: the rule in the project's own words."""
        doc = (self.func.__doc__ or "").strip()
        return " ".join(line.strip() for line in doc.split("\n\n")[0].splitlines())

    @property
    def numbers(self) -> frozenset[str]:
        """The message numbers ("323") of the rule's messages, standard aside."""
        return frozenset(m[-3:] for m in self.messages)

    def applies_to(self, message_type: Any) -> bool:
        """True for "JW323"-like codes or MessageType objects of a standard the rule covers."""
        code = getattr(message_type, "code", message_type)
        standard = getattr(getattr(message_type, "standard", None), "name", None)
        if standard is None:
            standard = "iWmo" if code.upper().startswith("WMO") else "iJw"
        return standard in self.standards and code[-3:] in self.numbers


RULES: dict[str, Rule] = {}


def rule(
    code: str,
    *,
    retourcode: str | None,
    messages: Iterable[str],
    level: Level,
    target: str | tuple[str, ...] = "Bericht",
    severity: Severity = Severity.ERROR,
    standards: Iterable[str] = ("iJw", "iWmo"),
    needs: Iterable[str] = (),
    streaming: bool | None = None,
    reads: Iterable[str] = (),
    columns: dict[str, Iterable[str]] | Callable[[Any], dict] | None = None,
    state: Callable[[], Any] | None = None,
    finish: FinishFunc | None = None,
) -> Callable[[RuleFunc], RuleFunc]:
    """Register the decorated function as rule `code`, with its catalogue facts and what it reads and needs.

    `target` names the element(s) it is called for ("Bericht": once per message); `reads`/`columns`
    declare the values it reads so large messages can be served by columns and the memo; `state` and
    `finish` make it a rule over the whole message (see `Rule.state`); `streaming` says how a streamed
    message meets a rule over the Bericht (ONCE or EACH_CHUNK).
    """

    def register(func: RuleFunc) -> RuleFunc:
        if code in RULES:
            raise RuntimeError(f"rule {code} registered twice")
        RULES[code] = Rule(
            code=code,
            retourcode=retourcode,
            messages=tuple(messages),
            level=level,
            target=target,
            func=func,
            severity=severity,
            standards=tuple(standards),
            needs=declared(code, needs),
            streaming=(target != "Bericht" or state is not None) if streaming is None else streaming,
            reads=tuple(reads),
            columns=columns,
            state=state,
            finish=finish,
        )
        if finish is not None and state is None:
            raise RuntimeError(f"rule {code}: finish= concludes from a state; declare state= too")
        if state is not None and reads:
            raise RuntimeError(f"rule {code}: a rule with a state sees every element; it cannot be memoised")
        if reads and target == "Bericht":
            raise RuntimeError(f"rule {code}: reads= is for rules per element, not per Bericht")
        func.rule_code = code  # type: ignore[attr-defined]
        return func

    return register


def all_rules() -> dict[str, Rule]:
    """Every registered rule, after importing the explicit rule lists."""
    from validators.rules import load_all

    load_all()
    return RULES


@dataclass(frozen=True)
class RuleSet:
    """Which rules run: --select/--ignore by exact code or prefix ("TR", "CD0")."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()

    def includes(self, code: str) -> bool:
        """Whether the rule with this code runs under --select/--ignore."""
        if self.select and not any(code.startswith(s) for s in self.select):
            return False
        return not any(code.startswith(i) for i in self.ignore)

    def rules_for(
        self,
        message_type: Any,
        levels: Iterable[Level] | None = None,
        available: frozenset[str] | None = None,
    ) -> Iterator[Rule]:
        """The selected rules for this message type; `available` (what the validation has, as
        validators.engine.needs.available says it) lets rule modules that need something else stay
        unimported (see validators.rules.load_for)."""
        from validators.rules import load_for

        load_for(
            message_type, available
        )  # only this type's rule modules: a small file does not import them all
        levels = tuple(levels) if levels is not None else None
        return iter(_rules_for(self, message_type, levels, len(RULES)))


@lru_cache(maxsize=1024)
def _rules_for(
    ruleset: RuleSet, message_type: Any, levels: tuple[Level, ...] | None, known: int
) -> tuple[Rule, ...]:
    # Asked once per file in a batch of 10,000; `known` renews the answer when rules are added.
    wanted = set(levels) if levels is not None else None
    return tuple(
        RULES[code]
        for code in sorted(RULES)
        if (wanted is None or RULES[code].level in wanted)
        and RULES[code].applies_to(message_type)
        and ruleset.includes(code)
    )
