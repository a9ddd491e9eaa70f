"""What a rule may look at: the message, today, and (for later levels) history and registry.

A rule never opens a file or a database itself; everything arrives through the context,
so a run loads the registry once and the same rule works on files, stores and tests.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol

from iwmo_ijw.xpath import Positions, path_of
from validators.findings import Finding

if TYPE_CHECKING:
    from lxml import etree

    from iwmo_ijw.parsing import ParsedMessage
    from validators.registry import Rule


class History(Protocol):
    """Earlier messages of the same parties (cross-message rules); implemented in validators.history."""


class RegistrySnapshot(Protocol):
    """Products, mappings, gemeenten and tariffs valid on a date; implemented in validators.snapshot."""


@dataclass
class RuleContext:
    message: ParsedMessage
    today: date = field(default_factory=date.today)
    history: Any | None = None
    registry: Any | None = None
    rule: Rule | None = None  # set by the engine before each rule runs
    cache: dict[str, Any] = field(default_factory=dict)  # per-message memo shared by rules
    columns: Any | None = None  # validators.columns.ColumnSource; the engine passes one planned for its rules
    positions: Positions = field(default_factory=Positions)  # for the paths of this message's findings
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
            from validators.columns import ColumnSource

            self.columns = ColumnSource(self.message)

    @property
    def root(self) -> etree._Element:
        return self.message.root

    @property
    def state(self) -> Any:
        """The running rule's state (made by its `state()` when first asked)."""
        assert self.rule is not None and self.rule.state is not None, "state outside a rule with a state"
        found = self.states.get(self.rule.code)
        if found is None:
            found = self.states[self.rule.code] = self.rule.state()
        return found

    def placed(self, node: etree._Element | None) -> Finding:
        """A finding of the running rule at node, its message written later by the rule's `finish`
        (`dataclasses.replace(found, message=...)`): where it stands is known only while the element is
        at hand."""
        return self.finding(node, "")

    def finding(
        self,
        node: etree._Element | None,
        message: str,
        *,
        severity: Any = None,
        retourcode: str | None = None,
        code: str | None = None,
    ) -> Finding:
        """A finding of the running rule, located at node (the element the standard blames)."""
        assert self.rule is not None, "finding() outside a rule"
        return Finding(
            code=code or self.rule.code,
            severity=severity or self.rule.severity,
            retourcode=retourcode if retourcode is not None else self.rule.retourcode,
            message=message,
            xpath=path_of(node, self.positions) if node is not None else None,
            line=node.sourceline if node is not None else None,
            file=self.message.source,
            message_type=self.message.message_type.code,
        )
