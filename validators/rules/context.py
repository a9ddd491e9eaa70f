"""What a rule may look at: the message, today, and (for later levels) history and registry.

A rule never opens a file or a database itself; everything arrives through the context,
so a run loads the registry once and the same rule works on files, stores and tests.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol

from iwmo_ijw.xpath import Positions, path_of
from validators.findings import Finding

if TYPE_CHECKING:
    from lxml import etree

    from iwmo_ijw.parsing import ParsedMessage
    from validators.rules.registry import Rule


class History(Protocol):
    """Earlier messages of the same parties (cross-message rules); implemented in
    validators.sources.history."""


class RegistrySnapshot(Protocol):
    """Products, mappings, gemeenten and tariffs valid on a date; implemented in
    validators.sources.snapshot."""


@dataclass
class RuleContext:
    """What a rule may look at while it runs: the message, today, history, registry and its own state."""

    message: ParsedMessage
    today: date = field(default_factory=date.today)
    history: Any | None = None
    registry: Any | None = None
    rule: Rule | None = None  # set by the engine before each rule runs
    cache: dict[str, Any] = field(default_factory=dict)  # per-message memo shared by rules
    columns: Any | None = (
        None  # validators.engine._columns.ColumnSource; the engine passes one planned for its rules
    )
    positions: Positions = field(default_factory=Positions)  # for the paths of this message's findings
    # Rule code -> why it could not conclude (its history does not cover an absence); the engine
    # lists them in the report's skipped rules.
    inconclusive: dict[str, str] = field(default_factory=dict)
    # What rules with a `state` keep about the message, by rule code; a stream passes the same dict
    # to the context of every chunk (registry.Rule.state).
    states: dict[str, Any] = field(default_factory=dict)
    # False for a chunk of a streamed message; then `around` says how many of a class's elements stand
    # around the Clients (listed first), which chunks after the first repeat.
    whole: bool = True
    around: Any = None

    def first_new(self, name: str) -> int:
        """The index of the first `name` element (in this run's columns) not met in an earlier chunk."""
        return self.around(name) if self.around is not None else 0

    def __post_init__(self) -> None:
        if self.columns is None:
            from validators.engine._columns import ColumnSource

            self.columns = ColumnSource(self.message)

    @property
    def root(self) -> etree._Element:
        """The message's root element (Bericht)."""
        return self.message.root

    @property
    def state(self) -> Any:
        """The running rule's state (made by its `state()` when first asked)."""
        assert self.rule is not None and self.rule.state is not None, "state outside a rule with a state"
        found = self.states.get(self.rule.code)
        if found is None:
            found = self.states[self.rule.code] = self.rule.state()
        return found

    def placed(self, node: etree._Element | None) -> Finding | Place:
        """Where a finding of the running rule stands, its sentence given later by the rule's `finish`
        (`said(place, key, **values)`). A whole message keeps its elements, so the place is located
        (path, line) only if it is said; a streamed chunk's elements are gone by then, so there it is
        located now."""
        if self.whole:
            return Place(self.message, self.positions, self.rule, node)
        return self.finding(node, "")

    def finding(
        self,
        node: etree._Element | None,
        message: str | None = None,
        *,
        key: str | None = None,
        severity: Any = None,
        retourcode: str | None = None,
        code: str | None = None,
        **values: Any,
    ) -> Finding:
        """A finding of the running rule, located at node (the element the standard blames).

        The sentence comes from the message catalogue (validators.reporting.texts) under the rule's code, or
        "CODE.key" when the rule reports several kinds of finding; the rule passes the values the
        sentence names (a BSN as texts.Bsn, so every rendering masks it). A plain `message` is
        still accepted for rules not yet converted.
        """
        assert self.rule is not None, "finding() outside a rule"
        catalogue_key = lang = None
        frozen: tuple[tuple[str, Any], ...] = ()
        if message is None:
            catalogue_key, frozen, message, lang = _said(code or self.rule.code, key, values)
        return _finding_at(
            self.message,
            self.positions,
            self.rule,
            node,
            text=message,
            code=code,
            severity=severity,
            retourcode=retourcode,
            key=catalogue_key,
            values=frozen,
            lang=lang,
        )


def _finding_at(
    message: ParsedMessage,
    positions: Positions,
    rule: Rule,
    node: etree._Element | None,
    *,
    text: str = "",
    code: str | None = None,
    severity: Any = None,
    retourcode: str | None = None,
    key: str | None = None,
    values: tuple[tuple[str, Any], ...] = (),
    lang: str | None = None,
) -> Finding:
    """A finding of `rule` at node in this message: the one place a rule's finding is made."""
    return Finding(
        code=code or rule.code,
        severity=severity or rule.severity,
        retourcode=retourcode if retourcode is not None else rule.retourcode,
        message=text,
        xpath=path_of(node, positions) if node is not None else None,
        line=node.sourceline if node is not None else None,
        file=message.source,
        message_type=message.message_type.code,
        key=key,
        values=values,
        lang=lang,
    )


def _said(code: str, key: str | None, values: dict[str, Any]) -> tuple[str, tuple, str, str | None]:
    """(catalogue key, frozen values, message in the current language, that language) of a finding."""
    texts = _texts()
    catalogue_key, lang = (f"{code}.{key}" if key else code), texts.current_lang()
    if _PLAIN.issuperset(map(type, values.values())):
        # Plain texts and counts: equal values render alike, so a sentence is rendered once per
        # shape (a declaration where every line is wrong has a few hundred, not a finding each).
        frozen = tuple(values.items())
        shape = (catalogue_key, lang, frozen)
        said = _SAID.get(shape)
        if said is None:
            if len(_SAID) >= _SAID_MAX:
                _SAID.clear()
            said = _SAID[shape] = _rendered(texts, catalogue_key, frozen, lang)
        return catalogue_key, frozen, said[0], said[1]
    frozen = tuple((name, _hashable(v)) for name, v in values.items())
    message, shown = _rendered(texts, catalogue_key, frozen, lang)
    return catalogue_key, frozen, message, shown


def _rendered(texts: Any, catalogue_key: str, frozen: tuple, lang: str) -> tuple[str, str | None]:
    rendered = texts.render(catalogue_key, dict(frozen), lang)
    return (rendered, lang) if rendered else (catalogue_key, None)  # never the values: they may hold a BSN


# Exact types only: a Bsn is a str subclass and renders masked; True equals 1 and Decimal("1.0") 1.
_PLAIN = frozenset({str, int})
_SAID: dict[tuple, tuple[str, str | None]] = {}
_SAID_MAX = 4096
_TEXTS: Any = None


def _texts() -> Any:
    # Bound on first use: the catalogue package imports the reporting package, which imports findings.
    global _TEXTS
    if _TEXTS is None:
        from validators.reporting import texts

        _TEXTS = texts
    return _TEXTS


@dataclass(frozen=True, slots=True)
class Place:
    """Where a rule's finding will stand (`RuleContext.placed`), located only when it is said.

    It holds what locating needs, not the context: a rule's state keeps places, and the context
    keeps the states, so holding the context would make a cycle that outlives the run."""

    message: ParsedMessage
    positions: Positions
    rule: Rule
    node: etree._Element | None

    def located(self) -> Finding:
        """The finding at the element, its sentence still to be said."""
        return _finding_at(self.message, self.positions, self.rule, self.node)

    @property
    def xpath(self) -> str | None:
        """The element's path, as the finding will give it (a rule may key its state by it)."""
        return self.located().xpath


def said(place: Finding | Place, key: str | None = None, **values: Any) -> Finding:
    """A finding `placed` earlier, now with its sentence: what a rule's `finish` concludes there."""
    if isinstance(place, Place):
        place = place.located()
    catalogue_key, frozen, message, lang = _said(place.code, key, values)
    return replace(place, message=message, key=catalogue_key, values=frozen, lang=lang)


def _hashable(value: Any) -> Any:
    # Findings are frozen and compared; lists of values become tuples.
    return tuple(value) if isinstance(value, (list, set, frozenset)) else value
