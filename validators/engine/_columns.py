"""Fields of many elements at once, for rules over large messages.

A rule declares what it reads (`reads=` on the decorator for a rule per element, `columns=`
for a rule over a whole class); the engine plans all of it per class name, and each class
is read in one pass (`iwmo_ijw.table`). When that pass cannot be trusted for a message (see
`read_table`), or the message is small, the same values are read from the elements, so a
rule written on columns means the same on every message.

A value is "" for an absent element and "=" + its text otherwise (`stripped` turns it into
what `iwmo_ijw.xpath.text` gives).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from concurrent.futures import Executor, Future

from lxml import etree

from iwmo_ijw.parsing import ParsedMessage
from iwmo_ijw.table import Table, only_inside, plain, read_table, read_tables, sole_holder, split_plan
from iwmo_ijw.xpath import find

# Below this many elements reading through lxml is as fast as a table, and no table is read.
TABLE_MIN = 256


class Columns:
    """Per path, one value per element of a class, in document order."""

    def __init__(
        self,
        size: int,
        values: dict[str, list[str]],
        nodes: Callable[[], list[etree._Element]],
        node: Callable[[int], etree._Element] | None = None,
    ):
        self.size = size
        self._values = values
        self._nodes = nodes
        self._node = node
        self._node_list: list[etree._Element] | None = None

    def __len__(self) -> int:
        return self.size

    def __getitem__(self, path: str) -> list[str]:
        return self._values[path]

    def __contains__(self, path: str) -> bool:
        return path in self._values

    @property
    def nodes(self) -> list[etree._Element]:
        if self._node_list is None:
            self._node_list = self._nodes()
        return self._node_list

    def node(self, i: int) -> etree._Element:
        """The i-th element, without listing all of them where that can be avoided."""
        if self._node_list is None and self._node is not None:
            return self._node(i)
        return self.nodes[i]


class ColumnSource:
    """Builds and keeps the columns of one message, one pass per class name."""

    def __init__(
        self,
        message: ParsedMessage,
        wanted: dict[str, set[str]] | None = None,
        nodes_of: Callable[[str], list[etree._Element]] | None = None,
    ):
        self.message = message
        self._nodes_of = nodes_of
        self._built: dict[str, Columns] = {}
        self._plain: bool | None = None
        self._pending: list[Future] | None = None  # the planned classes, being read
        self._prefetched: dict[str, Table] | None = None
        self._groups: dict[tuple, object] = {}  # groupings and comparable columns, worked out once
        self.wanted: dict[str, set[str]] = {}
        self.memo_reads: dict[str, set[str]] = {}  # set by the engine (validators.engine._memo)
        for name, paths in (wanted or {}).items():
            holder, prefix = self._holder(name)
            self.wanted.setdefault(holder, set()).update(f"{prefix}{p}" for p in paths)

    def prefetch(self, pool: Executor) -> None:
        """Queue the reading of every planned class on `pool` (libxslt works without the GIL),
        so that the rules that need no columns run meanwhile."""
        if not self.wanted or not self._is_plain():
            return
        plan = [
            (name, tuple(sorted(p for p in paths if self._constant(name, p) is None)))
            for name, paths in self.wanted.items()
        ]
        # Two halves of the fields, read side by side: the rules wait for the columns first.
        halves = split_plan(self.message.message_type, tuple(plan))
        self._pending = [
            pool.submit(read_tables, self.message.tree, self.message.message_type, half) for half in halves
        ]

    def nodes(self, name: str) -> list[etree._Element]:
        if self._nodes_of is not None:
            return self._nodes_of(name)
        namespace = self.message.message_type.namespace
        return list(self.message.root.iter(f"{{{namespace}}}{name}"))

    def count(self, name: str) -> int:
        holder = self._holder(name)[0]
        built = self._built.get(holder)
        return built.size if built is not None else len(self.nodes(holder))

    def columns(self, name: str, paths: Iterable[str]) -> Columns:
        paths = tuple(paths)
        holder, prefix = self._holder(name)
        columns = self._columns(holder, [f"{prefix}{p}" for p in paths])
        if not prefix:
            return columns
        values = {p: columns[f"{prefix}{p}"] for p in paths}
        child = prefix.rstrip("/")
        return Columns(
            columns.size,
            values,
            lambda: self._aligned(name, columns.size),
            lambda i: _only_child(columns.node(i), child),
        )

    def _aligned(self, name: str, size: int) -> list[etree._Element]:
        nodes = self.nodes(name)
        if len(nodes) != size:  # only a message the XSD refused can break the one-to-one
            raise ValueError(f"{len(nodes)} {name} elements where the spec promises {size}")
        return nodes

    def comparable(self, name: str, path: str) -> list:
        """`comparable` of one column, worked out once (several rules compare the same keys)."""
        key = (name, path, "comparable")
        if key not in self._groups:
            self._groups[key] = comparable(self.columns(name, (path,))[path])
        return self._groups[key]

    def groups(self, name: str, paths: tuple[str, ...]) -> tuple[tuple[str, ...], list[tuple], list[int]]:
        """The distinct combinations of `paths` over the `name` elements, each with the index
        of one element that has it; paths with one value for all elements are left out of the
        combinations (they tell no element from another) and the paths kept come first."""
        key = (name, paths)
        if key not in self._groups:
            columns = self.columns(name, paths)
            varying = (
                tuple(p for p in paths if columns[p].count(columns[p][0]) != columns.size)
                if columns.size
                else ()
            )
            first = (
                dict(zip(zip(*(columns[p] for p in varying), strict=True), range(columns.size), strict=True))
                if varying
                else {(): 0}
                if columns.size
                else {}
            )
            self._groups[key] = (varying, list(first), list(first.values()))
        return self._groups[key]

    def _holder(self, name: str) -> tuple[str, str]:
        """The class whose table carries `name`'s fields, and the path prefix there."""
        sole = sole_holder(self.message.message_type, name)
        if sole is None or sole[0] == "Bericht":  # the root is one element: nothing to share
            return name, ""
        return sole[0], f"{sole[1]}/"

    def _columns(self, name: str, paths: list[str]) -> Columns:
        built = self._built.get(name)
        if built is not None and all(p in built for p in paths):
            return built
        wanted = self.wanted.setdefault(name, set())
        wanted.update(paths)
        built = self._built[name] = self._read(name, tuple(sorted(wanted)))
        return built

    def _read(self, name: str, paths: tuple[str, ...]) -> Columns:
        nodes = self.nodes(name)
        values: dict[str, list[str]] = {
            p: [v] * len(nodes) for p in paths if (v := self._constant(name, p)) is not None
        }
        paths = tuple(p for p in paths if p not in values)
        if len(nodes) >= TABLE_MIN and self._is_plain():
            table = self._table(name, paths, len(nodes))
            if table is not None:
                values.update({p: table.columns[p] for p in paths if p in table.columns})
        for path in paths:
            if path not in values:
                values[path] = [element_value(n, path) for n in nodes]
        return Columns(len(nodes), values, lambda: nodes)

    def _table(self, name: str, paths: tuple[str, ...], count: int) -> Table | None:
        """The class's table: from the background reading when it planned these paths, else now."""
        tables = self._from_background()
        table = tables.get(name)
        if table is not None and table.size == count and all(p in table.columns for p in paths):
            return table
        return read_table(self.message.tree, self.message.message_type, name, paths, count)

    def _from_background(self) -> dict[str, Table]:
        if self._prefetched is None:
            self._prefetched = {}
            try:
                parts = [future.result() for future in self._pending or ()]
            except Exception:  # noqa: BLE001 - each class is read again where an error shows
                return self._prefetched
            # Each table is checked against its class's elements where it is used (_table).
            for part in parts:
                for name, table in part.items():
                    known = self._prefetched.get(name)
                    if known is None:
                        self._prefetched[name] = table
                    elif known.size == table.size:
                        known.columns.update(table.columns)
        return self._prefetched

    def _constant(self, name: str, path: str) -> str | None:
        """The value of a "^Holder/…" path when the message has one Holder and every `name`
        element lies in it (a JW323's one Declaratie): the same for all, read once."""
        if not path.startswith("^"):
            return None
        holder, _, rest = path[1:].partition("/")
        if not only_inside(self.message.message_type, name, holder):
            return None
        holders = self.nodes(holder)
        if len(holders) != 1:
            return None
        return element_value(holders[0], rest) if rest else "=" + (holders[0].text or "")

    def _is_plain(self) -> bool:
        if self._plain is None:
            known = getattr(self.message, "plain", None)
            self._plain = known if known is not None else plain(self.message.tree)
        return self._plain


def _only_child(holder: etree._Element, name: str) -> etree._Element:
    return next(c for c in holder if isinstance(c.tag, str) and etree.QName(c).localname == name)


def element_value(node: etree._Element, path: str) -> str:
    """What the table holds for this element, read through lxml."""
    target = _follow(node, path)
    return "" if target is None else "=" + (target.text or "")


def _follow(node: etree._Element | None, path: str) -> etree._Element | None:
    """The element at `path`: child steps as `find` takes them, "^Name" the nearest ancestor
    Name (anywhere in the path: a held class's "^Client/Bsn" is read as "Verzoek/^Client/Bsn")."""
    for step in path.split("/"):
        if node is None:
            return None
        if step.startswith("^"):
            node = next((a for a in node.iterancestors() if etree.QName(a).localname == step[1:]), None)
        else:
            node = find(node, step)
    return node


def stripped(value: str) -> str | None:
    """A column value as `iwmo_ijw.xpath.text` gives it: None when absent, stripped text otherwise."""
    return value[1:].strip() if value else None


_PADDED = re.compile(r"=\s|\s\x00|\s\Z")


def stripped_column(values: list[str]) -> list[str | None]:
    return [v[1:].strip() if v else None for v in values]


def comparable(values: list[str]) -> list:
    """Values that are equal exactly when their stripped texts are: the column itself when
    no value has whitespace at either end, else stripped."""
    return values if _unpadded(values) else stripped_column(values)


def comparable_together(*columns: list[str]) -> list[list]:
    """`comparable` for columns whose values are compared with each other."""
    if all(_unpadded(c) for c in columns):
        return list(columns)
    return [stripped_column(c) for c in columns]


def _unpadded(values: list[str]) -> bool:
    joined = "\x00".join(values)
    if joined.isascii() and not any(c in joined for c in " \t\n\r\x0b\x0c"):
        return True  # no whitespace at all (codes, numbers, dates): found by memchr, not regex
    return not _PADDED.search(joined)
