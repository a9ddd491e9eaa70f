"""Writes `iwmo_ijw/models/messages.py`, the typed dataclasses, from the iJw spec.

    python -m iwmo_ijw.models.generate          # rewrite the module
    python -m iwmo_ijw.models.generate --check  # exit 1 when it is stale

iWmo messages use the same classes: their structure is the iJw one minus a few elements
(`iwmo_ijw.models.forbidden_elements` lists those per message type).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from iwmo_ijw.spec import Element, SchemaSpec, StandardSpec, load_standard

TARGET = Path(__file__).with_name("messages.py")
_PY_TYPES = {"str": "str", "int": "int", "date": "dt.date", "time": "dt.time"}
_KINDS = {"string": "str", "integer": "int", "date": "date", "time": "time"}
# The project's line length: the module is written the way `ruff format` would write it, so the
# generated file passes `ruff format --check` and `ruff check` like every hand-written one.
_WIDTH = 110


def snake(name: str) -> str:
    """BerichtIdentificatie -> bericht_identificatie, XsdVersie -> xsd_versie."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).lower()


def basis_class(type_name: str) -> str:
    """Class name of a basisschema type: CDT_Achternaam -> Achternaam."""
    return type_name.removeprefix("CDT_")


def message_class(code: str, type_name: str) -> str:
    """Class name of a message's own type: the root is the code itself, others are prefixed with it."""
    return code if type_name == "Root" else f"{code}{type_name}"


def _quoted(text: str) -> str:
    """A string literal in ruff's quote style; spec names are plain identifiers and digits."""
    return f'"{text}"'


def _call(indent: str, name: str, args: list[str], suffix: str) -> list[str]:
    """A call on one line, or split the way ruff splits it when that line would be too long."""
    flat = f"{indent}{name}({', '.join(args)}){suffix}"
    if len(flat) <= _WIDTH:
        return [flat]
    inner = indent + "    "
    hugged = f"{inner}{', '.join(args)}"
    if len(hugged) <= _WIDTH:
        return [f"{indent}{name}(", hugged, f"{indent}){suffix}"]
    return [f"{indent}{name}(", *(f"{inner}{arg}," for arg in args), f"{indent}){suffix}"]


class _Emitter:
    """Collects the lines of the generated module, one class per complex type."""

    def __init__(self, spec: StandardSpec) -> None:
        self.spec = spec
        self.lines: list[str] = []

    def class_of(self, schema: SchemaSpec, type_name: str) -> str | None:
        """The generated class for a complex type, or None for a simple type."""
        if schema is not self.spec.basis and type_name in schema.complex:
            return message_class(schema.name, type_name)
        if type_name in self.spec.basis.complex:
            return basis_class(type_name)
        return None

    def field_line(self, schema: SchemaSpec, element: Element) -> tuple[str, list[str]]:
        """The annotated attribute of one element, and the lines of its FieldSpec."""
        node = self.class_of(schema, element.type)
        kind = "node" if node else _KINDS[self.spec.builtin_base(schema, element.type)]
        py = node or _PY_TYPES[kind]
        attr = snake(element.name)
        if element.repeats:
            annotation, default = f"list[{py}]", " = field(default_factory=list)"
        elif element.optional:
            annotation, default = f"{py} | None", " = None"
        else:
            annotation, default = py, ""
        meta = [_quoted(attr), _quoted(element.name), _quoted(kind)]
        if node:
            meta.append(f"node={_quoted(node)}")
        if element.repeats:
            meta.append("repeats=True")
        if element.optional:
            meta.append("optional=True")
        return f"    {attr}: {annotation}{default}", _call("        ", "FieldSpec", meta, ",")

    def emit_class(self, schema: SchemaSpec, type_name: str, name: str, base: str, extra: list[str]) -> None:
        """Append the dataclass of one complex type, its docstring first."""
        complex_type = self.spec.complex_type(schema, type_name)
        pairs = [self.field_line(schema, e) for e in complex_type.elements]
        self.lines += ["", "", "@register", "@dataclass(kw_only=True)", f"class {name}({base}):"]
        self.lines += [f'    """{self.docstring(schema, type_name)}"""', ""]
        self.lines += extra
        self.lines += self.fields_tuple([meta for _, meta in pairs])
        self.lines += [attribute for attribute, _ in pairs]

    def docstring(self, schema: SchemaSpec, type_name: str) -> str:
        """One line saying which part of which schema the class models."""
        if schema is self.spec.basis:
            return f"Basisschema type {type_name}, shared by the messages."
        if type_name == "Root":
            return f"The whole {schema.name} message, iJw or its iWmo twin (element {schema.root[0]})."
        return f"Type {type_name} of the {schema.name} message."

    def fields_tuple(self, metas: list[list[str]]) -> list[str]:
        """The `_FIELDS` assignment; a single FieldSpec stays on the line when it fits, as ruff keeps it."""
        head = "    _FIELDS: ClassVar[tuple[FieldSpec, ...]] = "
        if len(metas) == 1 and len(metas[0]) == 1:
            one = f"{head}({metas[0][0].strip()})"
            if len(one) <= _WIDTH:
                return [one]
        return [f"{head}(", *(line for meta in metas for line in meta), "    )"]

    def module(self) -> str:
        """The text of the whole module."""
        self.lines = [
            '"""Typed iJw/iWmo 3.2 message models. Generated by iwmo_ijw.models.generate; do not edit."""',
            "",
            "from __future__ import annotations",
            "",
            "import datetime as dt",
            "from dataclasses import dataclass, field",
            "from typing import ClassVar",
            "",
            "from iwmo_ijw.models.base import FieldSpec, Message, Node, register",
        ]
        for type_name in self.spec.basis.complex:
            self.emit_class(self.spec.basis, type_name, basis_class(type_name), "Node", ["    _BASIS = True"])
        for code, schema in self.spec.messages.items():
            for type_name in schema.complex:
                if type_name == "Root":
                    number = code.removeprefix("JW")
                    self.emit_class(schema, type_name, code, "Message", [f"    _NUMBER = {_quoted(number)}"])
                else:
                    self.emit_class(schema, type_name, message_class(code, type_name), "Node", [])
        names = [message_class(code, "Root") for code in self.spec.messages]
        # One entry a line with a trailing comma: ruff keeps such a literal as it is.
        self.lines += ["", "", "MESSAGES: dict[str, type[Message]] = {"]
        self.lines += [f"    {_quoted(n)}: {n}," for n in names]
        self.lines += ["}", ""]
        return "\n".join(self.lines)


def render() -> str:
    """The module text as the current spec makes it."""
    return _Emitter(load_standard("iJw")).module()


def main(argv: list[str]) -> int:
    """Rewrite the module, or with --check only say whether it is stale (exit 1)."""
    text = render()
    if "--check" in argv:
        stale = not TARGET.is_file() or TARGET.read_text(encoding="utf-8") != text
        if stale:
            print(f"stale: {TARGET}", file=sys.stderr)
        return 1 if stale else 0
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
