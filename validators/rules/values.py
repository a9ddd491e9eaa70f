"""What rules read from columns, as records: the text or None, whether an element is there, dates and
numbers parsed; and where a class of elements stands in its message.

Columns (`ctx.columns`, validators.engine._columns) hold one value per element in an encoding of
the speed machinery's own. Rules never look at that encoding: they compare values with each other
(equal values are equal texts) and read them through these functions, so the machinery may change
how it stores a value without any rule file changing. A test checks that no rule module imports
the machinery (validators.engine._*, iwmo_ijw.table) itself.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from iwmo_ijw import table as _table
from iwmo_ijw.xpath import as_date, as_int
from validators.engine import _columns

# A column value -> the element's text as `iwmo_ijw.xpath.text` gives it: None when the element is
# absent, else its stripped text ("" for an empty element). Aliases, not wrappers: rules call them
# per line of a 100,000-line declaration.
text = _columns.stripped
# A whole column as texts (`text` of each value).
texts = _columns.stripped_column


def present(value: str) -> bool:
    """Whether the element is there (it may still be empty)."""
    return value != _table.ABSENT


def date_of(value: str) -> date | None:
    """The element's date (xs:date, as `iwmo_ijw.xpath.as_date` reads it); None when absent or no date."""
    return as_date(text(value))


def int_of(value: str) -> int | None:
    """The element's whole number; None when absent, empty or not a number."""
    return as_int(text(value))


def holding(content: str) -> str:
    """The column value of an element whose stripped text is `content`: to find or count it among
    values compared alike (`line_keys`, `ColumnSource.comparable`) without decoding each one.
    The one place outside validators.engine._columns that writes its encoding (a test ties the two)."""
    return "=" + content


def sole(ctx: Any, name: str, holder: str) -> bool:
    """Whether every `name` element of the message lies in its one `holder` element (the spec puts
    each `name` inside a `holder` and the message has only one, as a JW323 has one Declaratie): then
    no element needs walking up to tell where it lies."""
    return _table.only_inside(ctx.message.message_type, name, holder) and len(ctx.columns.nodes(holder)) == 1


def enclosing(message_type: Any, name: str) -> frozenset[str]:
    """The classes that may enclose a `name` element in this message type (by the spec)."""
    return _table.enclosing(message_type, name)
