"""Columns of one element class, read in one pass in C, for rules over large messages.

Rules over a big declaration ask the same dozen fields of 100,000 Prestaties. Reading them
through lxml costs one Python proxy per element, more than parsing the whole file did. Here
an XSLT stylesheet, generated from the project's spec (which knows the namespace of every
step), writes the requested fields of every element of the class in document order, and
the values come back as plain strings, one list per field.

A value is the text of the first node on the path (first child at every step, as
`iwmo_ijw.xpath.find` reads it), prefixed with "=" when that node exists, so an absent
element ("") differs from an empty one ("="). Where the answer could differ from what
`find`/`text` see (comments or processing instructions in the document, a tab inside a
value, a path the spec cannot resolve to one namespace), that field (or, for the first two,
the table) is left out and callers read the elements.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from lxml import etree

from iwmo_ijw.namespaces import MessageType
from iwmo_ijw.spec import StandardSpec, load_standard

ABSENT = ""  # a column value: no node on this path
_SEPARATOR = "\t"
XSL = "http://www.w3.org/1999/XSL/Transform"


@dataclass(frozen=True)
class Table:
    """Per requested path: one string per element of the class, in document order."""

    size: int
    columns: dict[str, list[str]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class _Decl:
    namespace: str
    type: str
    required: bool = field(default=True, compare=False)  # minOccurs >= 1 where declared


@dataclass
class _SpecIndex:
    """Where each element name is declared in one message, and what each type contains."""

    spec: StandardSpec
    message_ns: str
    base_ns: str
    declarations: dict[str, set[_Decl]] = field(default_factory=dict)
    children: dict[str, dict[str, _Decl]] = field(default_factory=dict)
    simple: set[str] = field(default_factory=set)


@lru_cache(maxsize=64)
def _index(message_type: MessageType) -> _SpecIndex:
    spec = load_standard(message_type.standard.name)
    schema = spec.message(message_type)
    index = _SpecIndex(spec, message_type.namespace, message_type.standard.base_namespace)
    assert schema.root is not None
    root_name, root_type = schema.root
    pending = [root_type]
    index.declarations.setdefault(root_name, set()).add(_Decl(index.message_ns, root_type))
    while pending:
        type_name = pending.pop()
        if type_name in index.children:
            continue
        complex_type = spec.complex_type(schema, type_name)
        if complex_type is None:
            index.simple.add(type_name)
            index.children[type_name] = {}
            continue
        namespace = index.message_ns if type_name in schema.complex else index.base_ns
        kids = index.children[type_name] = {}
        for element in complex_type.elements:
            decl = _Decl(namespace, element.type, element.min_occurs >= 1)
            kids[element.name] = decl
            index.declarations.setdefault(element.name, set()).add(decl)
            pending.append(element.type)
    return index


@lru_cache(maxsize=4096)
def sole_holder(message_type: MessageType, name: str) -> tuple[str, str] | None:
    """(holder, path) when every `name` element is, by the spec, the one child at `path` of a
    `holder` element that always has exactly one: then the two classes line up one to one and
    the columns of `name` can be read as those of `holder`."""
    index = _index(message_type)
    decls = index.declarations.get(name, set())
    holders = [
        (h, d) for h, ds in index.declarations.items() for d in ds if name in index.children.get(d.type, {})
    ]
    if len(decls) != 1 or len(holders) != 1 or len(index.declarations[holders[0][0]]) != 1:
        return None
    holder, decl = holders[0]
    spec = index.spec
    schema = spec.message(message_type)
    complex_type = spec.complex_type(schema, decl.type)
    element = complex_type.element(name) if complex_type is not None else None
    if element is None or element.min_occurs != 1 or element.max_occurs != 1:
        return None
    return holder, name


@lru_cache(maxsize=4096)
def enclosing(message_type: MessageType, name: str, avoiding: str | None = None) -> frozenset[str]:
    """Names of every element that can, by the spec, contain a `name` element at any depth
    (by paths that do not pass through an `avoiding` element)."""
    parents = _parents(message_type)
    found: set[str] = set()
    pending = list(parents.get(name, ()))
    while pending:
        holder = pending.pop()
        if holder not in found and holder != avoiding:
            found.add(holder)
            pending.extend(parents.get(holder, ()))
    return frozenset(found)


@lru_cache(maxsize=4096)
def only_inside(message_type: MessageType, name: str, holder: str) -> bool:
    """Whether every `name` element lies inside a `holder` element, by the spec."""
    root = _index(message_type).spec.message(message_type).root
    return root is not None and root[0] not in enclosing(message_type, name, avoiding=holder)


@lru_cache(maxsize=64)
def _parents(message_type: MessageType) -> dict[str, set[str]]:
    index = _index(message_type)
    parents: dict[str, set[str]] = {}
    for holder, decls in index.declarations.items():
        for decl in decls:
            for child in index.children.get(decl.type, {}):
                parents.setdefault(child, set()).add(holder)
    return parents


def qualified(
    message_type: MessageType, target: str, path: str, prefixes: dict[str, str] | None = None
) -> tuple[str, dict[str, str]] | None:
    """The XPath of `path` (local names, "^Name" = nearest ancestor Name) from a `target`
    element, with its namespace prefixes (added to `prefixes`); "" when the path cannot exist
    there; None when the spec gives no single answer."""
    index = _index(message_type)
    prefixes = {} if prefixes is None else prefixes
    answers = set()
    for decl in index.declarations.get(target, ()):
        answer = _qualify(index, decl, path.split("/"), prefixes)
        if answer is None:
            return None
        answers.add(answer)
    if len(answers) != 1:
        return None
    return answers.pop(), prefixes


@lru_cache(maxsize=4096)
def mandatory(message_type: MessageType, target: str, path: str) -> bool:
    """Whether a schema-valid message has an element at `path` below every `target` (plain
    child steps, each required)."""
    index = _index(message_type)
    decls = index.declarations.get(target, set())
    if not decls or path.startswith("^"):
        return False
    for decl in decls:
        for step in path.split("/"):
            decl = index.children.get(decl.type, {}).get(step)
            if decl is None or not decl.required:
                return False
    return True


def absolute_paths(
    message_type: MessageType, target: str, prefixes: dict[str, str], limit: int = 8
) -> str | None:
    """An XPath union of every place the spec puts a `target` element of the message namespace,
    from the root: it visits only those branches, not the whole tree as //target would.
    "" when the spec has no such place, None when there are too many to list."""
    index = _index(message_type)
    schema = index.spec.message(message_type)
    assert schema.root is not None
    found: list[str] = []
    pending = [(f"/{_prefix(prefixes, index.message_ns)}:{schema.root[0]}", schema.root[1], frozenset())]
    while pending:
        path, type_name, seen = pending.pop()
        if type_name in seen or len(found) > limit:
            return None  # recursive or too many places: let the descendant axis find them
        for name, decl in index.children.get(type_name, {}).items():
            step = f"{path}/{_prefix(prefixes, decl.namespace)}:{name}"
            if name == target and decl.namespace == index.message_ns:
                found.append(step)
            else:
                pending.append((step, decl.type, seen | {type_name}))
    return " | ".join(found)


def _select(message_type: MessageType, target: str, prefixes: dict[str, str]) -> str | None:
    """Where the `target` elements stand: the spec's places, anywhere below the root when it
    lists too many, None when the message has no place for them (the rules' plan names the
    classes of every message a rule applies to; a whole-tree search for each costs more
    than reading a class that is there)."""
    places = absolute_paths(message_type, target, prefixes)
    if places is None:
        return f"//{_prefix(prefixes, message_type.namespace)}:{target}"
    return places or None


@lru_cache(maxsize=512)
def locator(message_type: MessageType, names: tuple[str, ...]) -> etree.XPath | None:
    """A compiled XPath for every element of these names where a schema-valid message can
    have them, in document order; None when the spec cannot say (then walk the tree)."""
    prefixes: dict[str, str] = {}
    paths = [absolute_paths(message_type, name, prefixes) for name in names]
    if any(p is None for p in paths):
        return None
    union = " | ".join(p for p in paths if p)
    if not union:
        return etree.XPath("/..")  # no such element in this message: an empty node-set
    return etree.XPath(union, namespaces={p: ns for ns, p in prefixes.items()})


def _qualify(index: _SpecIndex, decl: _Decl, steps: list[str], prefixes: dict[str, str]) -> str | None:
    parts = []
    current = decl
    for step in steps:
        if step.startswith("^"):
            found = index.declarations.get(step[1:], set())
            if len(found) != 1:
                return None
            current = next(iter(found))
            parts.append(f"ancestor::{_prefix(prefixes, current.namespace)}:{step[1:]}[1]")
            continue
        child = index.children.get(current.type, {}).get(step)
        if child is None:
            return ""  # the path cannot exist here: every element reads as absent
        parts.append(f"{_prefix(prefixes, child.namespace)}:{step}[1]")
        current = child
    if current.type not in index.simple:
        return None  # a container: its string value says too little to key a rule on
    return "/".join(parts)


def _prefix(prefixes: dict[str, str], namespace: str) -> str:
    if namespace not in prefixes:
        prefixes[namespace] = f"p{len(prefixes)}"
    return prefixes[namespace]


Plan = tuple[tuple[str, tuple[str, ...]], ...]  # (class name, fields) per class, in the order read
Layout = tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]  # (class, fields read, fields absent)


@lru_cache(maxsize=256)
def _stylesheet(message_type: MessageType, plan: Plan) -> tuple[etree.XSLT | None, Layout]:
    """One stylesheet for all classes of a plan (one call: each call has a cost of its own), and
    per class the fields it reads and those that cannot exist below that class (absent for
    every element, so not read at all)."""
    prefixes: dict[str, str] = {}
    body: list[str] = []
    layout = []
    for target, fields in plan:
        select = _select(message_type, target, prefixes)
        read, absent, row = _row(message_type, target, fields, prefixes) if select else ((), (), "")
        layout.append((target, read, absent))
        if read:
            body.append(f'<xsl:for-each select="{select}">{row}</xsl:for-each>')
    if not body:
        return None, tuple(layout)
    declarations = " ".join(f'xmlns:{p}="{ns}"' for ns, p in prefixes.items())
    text = (
        f'<xsl:stylesheet version="1.0" xmlns:xsl="{XSL}" {declarations}>'
        '<xsl:output method="text" encoding="UTF-8"/>'
        f'<xsl:template match="/">{"".join(body)}</xsl:template></xsl:stylesheet>'
    )
    # Generated from the spec, not from input: it needs no documents, files or network.
    return etree.XSLT(etree.XML(text), access_control=etree.XSLTAccessControl.DENY_ALL), tuple(layout)


def _row(
    message_type: MessageType, target: str, fields: tuple[str, ...], prefixes: dict[str, str]
) -> tuple[tuple[str, ...], tuple[str, ...], str]:
    body, read, absent = [], [], []
    for path in fields:
        answer = qualified(message_type, target, path, prefixes)
        if answer is None:
            continue
        if not answer[0]:
            absent.append(path)
            continue
        if mandatory(message_type, target, path):
            # Present in every schema-valid message (and findings on an invalid one are dropped).
            body.append(f'=<xsl:value-of select="{answer[0]}"/>')
        else:
            body.append(f'<xsl:for-each select="{answer[0]}">=<xsl:value-of select="."/></xsl:for-each>')
        body.append("<xsl:text>&#9;</xsl:text>")
        read.append(path)
    return tuple(read), tuple(absent), "".join(body)


@lru_cache(maxsize=256)
def split_plan(message_type: MessageType, plan: Plan, parts: int = 2) -> tuple[Plan, ...]:
    """The plan in `parts` plans that read about as many fields each (fields are what a
    stylesheet costs), to be read side by side. Fields that cannot exist go with the first."""
    layout = _stylesheet(message_type, plan)[1]
    shares: list[list[tuple[str, list[str]]]] = [[] for _ in range(parts)]
    turn = 0
    for target, read, absent in layout:
        fields: list[list[str]] = [list(absent) if k == 0 else [] for k in range(parts)]
        for path in read:
            fields[turn % parts].append(path)
            turn += 1
        for k in range(parts):
            shares[k].append((target, tuple(fields[k])))
    return tuple(tuple(share) for share in shares)


_ASCII_BASED = frozenset({"UTF-8", "US-ASCII", "ASCII", "ISO-8859-1", "ISO-8859-15", "WINDOWS-1252"})


def plain(tree: etree._ElementTree) -> bool:
    """No comments or processing instructions: then a field's string value is its .text."""
    return not tree.xpath("boolean(//comment() | //processing-instruction())")


def plain_bytes(tree: etree._ElementTree, data: bytes) -> bool | None:
    """`plain` from the document's bytes, without walking the tree: in an ASCII-based encoding
    a comment starts with "<!--" and a processing instruction with "<?" (a false alarm inside
    CDATA only costs speed). None when the encoding does not allow the shortcut."""
    if (tree.docinfo.encoding or "UTF-8").upper() not in _ASCII_BASED:
        return None
    head = bytes(data[:64])  # bytes or a memory map of the file
    start = len(head) - len(head.removeprefix(b"\xef\xbb\xbf").lstrip())
    if head.startswith(b"<?xml", start):
        start = data.find(b"?>", start) + 2
    return _nowhere(data, b"<!--", 0) and _nowhere(data, b"<?", start)


def _nowhere(data, marker: bytes, start: int) -> bool:
    """`marker` does not occur from `start` on. Searched by its second, rare byte ("!" of
    "<!--", "?" of "<?") with memchr: a search for "<" or "-" would stop at every tag or date."""
    rare = marker[1:2]
    hit = data.find(rare, start + 1)
    while hit != -1:
        if data[hit - 1 : hit - 1 + len(marker)] == marker:
            return False
        hit = data.find(rare, hit + 1)
    return True


def read_table(
    tree: etree._ElementTree, message_type: MessageType, target: str, fields: tuple[str, ...], expected: int
) -> Table | None:
    """The fields of every `target` element (message namespace) that the spec can place; None
    when the table would not be what the elements say. Call `plain(tree)` first."""
    table = read_tables(tree, message_type, ((target, tuple(fields)),)).get(target)
    if table is None or table.size != expected:
        return None  # elements where the spec puts none (a message the XSD refuses)
    return table


def read_tables(tree: etree._ElementTree, message_type: MessageType, plan: Plan) -> dict[str, Table]:
    """The tables of a plan's classes. In a thread beside the rules, the stylesheet runs
    without the GIL, and one part's text is cut while another part's stylesheet runs."""
    return tables_from(*tables_text(tree, message_type, plan))


TablesText = tuple[Layout, str, dict[str, int]]


def tables_text(tree: etree._ElementTree, message_type: MessageType, plan: Plan) -> TablesText:
    """The first half of reading tables: the stylesheet's text, and how many elements each
    class has (counted where the stylesheet looks). It runs in C without the GIL, so it may
    run in a thread beside the rules."""
    stylesheet, layout = _stylesheet(message_type, plan)
    text = str(stylesheet(tree)) if stylesheet is not None else ""
    return layout, text, {target: int(_counter(message_type, target)(tree)) for target, _ in plan}


@lru_cache(maxsize=512)
def _counter(message_type: MessageType, target: str) -> Callable[[etree._ElementTree], float]:
    prefixes: dict[str, str] = {}
    select = _select(message_type, target, prefixes)
    if select is None:
        return lambda tree: 0
    return etree.XPath(f"count({select})", namespaces={p: ns for ns, p in prefixes.items()})


def tables_from(layout: Layout, text: str, counts: dict[str, int]) -> dict[str, Table]:
    """The second half: the text cut into columns per class, given how many elements each
    class has. Every value ends in a tab, so the text holds exactly that many tabs unless a
    value holds one itself: then no table at all (the columns would not line up)."""
    widths = [(target, read, absent) for target, read, absent in layout if target in counts]
    expected = sum(counts[target] * len(read) for target, read, _ in widths)
    if len(widths) != len(layout) or text.count(_SEPARATOR) != expected:
        return {}
    flat = text.split(_SEPARATOR)
    tables: dict[str, Table] = {}
    at = 0
    for target, read, absent in widths:
        size, width = counts[target], len(read)
        end = at + size * width
        columns = {f: flat[at + i : end : width] for i, f in enumerate(read)} if width else {}
        nothing = [ABSENT] * size  # one list for every absent field: columns are only read
        tables[target] = Table(size, columns | dict.fromkeys(absent, nothing))
        at = end
    return tables
