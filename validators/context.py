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

    def __post_init__(self) -> None:
        if self.columns is None:
            from validators.columns import ColumnSource

            self.columns = ColumnSource(self.message)

    @property
    def root(self) -> etree._Element:
        return self.message.root

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

        The sentence comes from the message catalogue (validators.texts) under the rule's code, or
        "CODE.key" when the rule reports several kinds of finding; the rule passes the values the
        sentence names (a BSN as texts.Bsn, so every rendering masks it). A plain `message` is
        still accepted for rules not yet converted.
        """
        assert self.rule is not None, "finding() outside a rule"
        code = code or self.rule.code
        catalogue_key = lang = None
        frozen: tuple[tuple[str, Any], ...] = ()
        if message is None:
            from validators.texts import current_lang, render

            catalogue_key, lang = (f"{code}.{key}" if key else code), current_lang()
            frozen = tuple((name, _hashable(v)) for name, v in values.items())
            rendered = render(catalogue_key, dict(frozen), lang)
            message = rendered or catalogue_key  # never the values: they may hold a BSN
            lang = lang if rendered else None
        return Finding(
            code=code,
            severity=severity or self.rule.severity,
            retourcode=retourcode if retourcode is not None else self.rule.retourcode,
            message=message,
            xpath=path_of(node, self.positions) if node is not None else None,
            line=node.sourceline if node is not None else None,
            file=self.message.source,
            message_type=self.message.message_type.code,
            key=catalogue_key,
            values=frozen,
            lang=lang,
        )


def _hashable(value: Any) -> Any:
    # Findings are frozen and compared; lists of values become tuples.
    return tuple(value) if isinstance(value, (list, set, frozenset)) else value
