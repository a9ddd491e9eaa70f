"""The project's description of the iJw and iWmo message structures.

One `.spec` file per schema (``basis.spec`` for the shared types, ``JW323.spec`` per
message) in a small line notation of our own, read here into frozen records. The XSDs in
``iwmo_ijw/schemas/`` are generated from these records (``iwmo_ijw.schemas.generate``) and
the typed message models walk them, so structure facts live in exactly one place.

Notation::

    root Bericht Root                  the document element and its type
    simple LDT_Datum date pattern="…"  a named simple type: base, then facets
    complex Prestatie                  a sequence type; its elements follow, indented:
        Bsn LDT_BurgerServicenummer    name, occurrence suffix (? * +), type, facets
        BerichtCode LDT_BerichtCode pattern="490"   facets on an element restrict its type

Facet keys: pattern, minlen, maxlen, min, max (values JSON strings) and enum (a JSON list).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from iwmo_ijw.namespaces import MESSAGE_TYPES, STANDARDS, MessageType, Standard

SPEC_ROOT = Path(__file__).parent
BUILTINS = frozenset({"string", "integer", "date", "time", "decimal", "boolean"})
_FACET = re.compile(r"\s*(pattern|minlen|maxlen|min|max|enum)=")
_OCCURS = {"": (1, 1), "?": (0, 1), "*": (0, None), "+": (1, None)}


class SpecError(ValueError):
    """A spec file that does not follow the notation; names file and line."""


@dataclass(frozen=True, slots=True)
class Facets:
    """The restrictions (facets) on a simple type or element; false when there are none."""

    patterns: tuple[str, ...] = ()
    enum: tuple[str, ...] = ()
    min_length: int | None = None
    max_length: int | None = None
    minimum: str | None = None
    maximum: str | None = None

    def __bool__(self) -> bool:
        return any(
            (
                self.patterns,
                self.enum,
                self.min_length is not None,
                self.max_length is not None,
                self.minimum is not None,
                self.maximum is not None,
            )
        )


@dataclass(frozen=True, slots=True)
class SimpleType:
    """A named simple type: its builtin base and facets."""

    name: str
    base: str
    facets: Facets


@dataclass(frozen=True, slots=True)
class Element:
    """One element of a complex type's sequence: name, type, occurrence and own facets."""

    name: str
    type: str
    min_occurs: int = 1
    max_occurs: int | None = 1  # None: unbounded
    facets: Facets = Facets()

    @property
    def repeats(self) -> bool:
        """True when the element may occur more than once."""
        return self.max_occurs is None or self.max_occurs > 1

    @property
    def optional(self) -> bool:
        """True when the element may be absent."""
        return self.min_occurs == 0


@dataclass(frozen=True, slots=True)
class ComplexType:
    """A named sequence type and its elements in schema order."""

    name: str
    elements: tuple[Element, ...]

    def element(self, name: str) -> Element:
        """The element of that name; KeyError when the type has none."""
        for element in self.elements:
            if element.name == name:
                return element
        raise KeyError(f"{self.name} has no element {name}")


@dataclass(frozen=True, slots=True)
class SchemaSpec:
    """One schema: the basisschema or one message's own schema."""

    name: str
    root: tuple[str, str] | None
    simple: dict[str, SimpleType]
    complex: dict[str, ComplexType]


@dataclass(frozen=True, slots=True)
class StandardSpec:
    """A whole standard: its basisschema and the schema of each message."""

    standard: Standard
    basis: SchemaSpec
    messages: dict[str, SchemaSpec] = field(default_factory=dict)

    def message(self, message_type: MessageType | str) -> SchemaSpec:
        """The schema of one message, by type or code."""
        code = message_type if isinstance(message_type, str) else message_type.code
        return self.messages[code]

    def complex_type(self, schema: SchemaSpec, name: str) -> ComplexType | None:
        """A complex type as `schema` sees it: its own first, else the basisschema's."""
        return schema.complex.get(name) or self.basis.complex.get(name)

    def simple_type(self, schema: SchemaSpec, name: str) -> SimpleType | None:
        """A simple type as `schema` sees it: its own first, else the basisschema's."""
        return schema.simple.get(name) or self.basis.simple.get(name)

    def builtin_base(self, schema: SchemaSpec, name: str) -> str:
        """The XSD builtin a (possibly derived) simple type finally rests on."""
        seen = set()
        while name not in BUILTINS:
            simple = self.simple_type(schema, name)
            if simple is None or name in seen:
                raise SpecError(f"{schema.name}: type {name} does not resolve to a builtin")
            seen.add(name)
            name = simple.base
        return name


def parse_facets(text: str, where: str) -> Facets:
    """The facets written after a type in a spec line; `where` names file and line in errors."""
    values: dict[str, object] = {}
    patterns: list[str] = []
    decoder = json.JSONDecoder()
    pos = 0
    while pos < len(text):
        match = _FACET.match(text, pos)
        if not match:
            raise SpecError(f"{where}: cannot read facets at {text[pos:]!r}")
        try:
            value, pos = decoder.raw_decode(text, match.end())
        except json.JSONDecodeError as exc:
            raise SpecError(f"{where}: bad facet value: {exc}") from None
        if match.group(1) == "pattern":
            patterns.append(value)
        else:
            values[match.group(1)] = value
    return Facets(
        patterns=tuple(patterns),
        enum=tuple(values.get("enum", ())),
        min_length=int(values["minlen"]) if "minlen" in values else None,
        max_length=int(values["maxlen"]) if "maxlen" in values else None,
        minimum=values.get("min"),
        maximum=values.get("max"),
    )


def _occurs(suffix: str, where: str) -> tuple[int, int | None]:
    if suffix in _OCCURS:
        return _OCCURS[suffix]
    match = re.fullmatch(r"\{(\d+),(\d+|n)\}", suffix)
    if not match:
        raise SpecError(f"{where}: bad occurrence {suffix!r}")
    return int(match.group(1)), None if match.group(2) == "n" else int(match.group(2))


def _element(line: str, where: str) -> Element:
    match = re.match(r"\s+([A-Za-z]\w*)(\?|\*|\+|\{[^}]*\})?\s+(\w+)(.*)$", line)
    if not match:
        raise SpecError(f"{where}: cannot read element line {line!r}")
    low, high = _occurs(match.group(2) or "", where)
    return Element(match.group(1), match.group(3), low, high, parse_facets(match.group(4), where))


def parse_spec(text: str, name: str) -> SchemaSpec:
    """Read one spec file's text (see the notation above) into a SchemaSpec."""
    root: tuple[str, str] | None = None
    simple: dict[str, SimpleType] = {}
    complex_: dict[str, ComplexType] = {}
    current: tuple[str, list[Element]] | None = None

    def close() -> None:
        if current is not None:
            complex_[current[0]] = ComplexType(current[0], tuple(current[1]))

    for number, line in enumerate(text.splitlines(), 1):
        where = f"{name}.spec:{number}"
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line[0].isspace():
            if current is None:
                raise SpecError(f"{where}: element outside a complex type")
            current[1].append(_element(line, where))
            continue
        close()
        current = None
        word, _, rest = line.partition(" ")
        if word == "root":
            element, type_ = rest.split()
            root = (element, type_)
        elif word == "simple":
            type_name, base, facets_text = (rest.split(" ", 2) + [""])[:3]
            simple[type_name] = SimpleType(type_name, base, parse_facets(facets_text, where))
        elif word == "complex":
            current = (rest.strip(), [])
        else:
            raise SpecError(f"{where}: unknown statement {word!r}")
    close()
    return SchemaSpec(name, root, simple, complex_)


def spec_dir(standard: Standard) -> Path:
    """The folder of a standard's spec files."""
    return SPEC_ROOT / f"{standard.key}-{standard.release}"


@lru_cache(maxsize=4)
def load_standard(name: str = "iJw") -> StandardSpec:
    """The spec of "iJw" or "iWmo" (release 3.2), read once."""
    standard = STANDARDS[name]
    folder = spec_dir(standard)
    read = lambda stem: parse_spec((folder / f"{stem}.spec").read_text(encoding="utf-8"), stem)  # noqa: E731
    messages = {code: read(code) for code, mt in MESSAGE_TYPES.items() if mt.standard == standard}
    return StandardSpec(standard, read("basis"), messages)
