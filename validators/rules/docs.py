"""What `rules show` prints and what `rules docs` writes: a rule explained from the registry, the
message catalogue (validators.reporting.texts) and the rule's fixtures, with the fault in the bad
example marked.

The fixtures live with the tests (tests/fixtures/rules/CODE/), not in the wheel: installed
without them, a rule is explained without examples.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from validators.reporting.texts import (
    catalogue,
    code_description,
    hint,
    retourcode_description,
    rule_description,
)

FIXTURES = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "rules"
EXAMPLE_TODAY = date(2026, 12, 1)  # the system date of the fixtures unless their today.txt says otherwise
NON_RULE_CODES = ("XML", "XML-UNSAFE", "BERICHT", "RELEASE", "XSD", "FILE")
CONTEXT_LINES = 4  # lines shown around a marked fault in the generated pages

_WORDS = {
    "nl": {
        "level": "controleniveau",
        "retourcode": "retourcode",
        "messages": "berichten",
        "elements": "elementen",
        "hint": "wat te doen",
        "sentences": "meldingen",
        "good": "goed voorbeeld",
        "bad": "fout voorbeeld",
        "none": "geen in deze installatie",
        "whole": "- (het hele bericht wordt afgekeurd)",
        "warning": "- (waarschuwing: het bericht wordt er niet om afgekeurd)",
        "fault": "fout",
        "bad_warning": "voorbeeld met waarschuwing",
        "fault_warning": "waarschuwing",
        "no_rule": "geen regel uit de catalogus; een code van de validator zelf",
    },
    "en": {
        "level": "level",
        "retourcode": "retourcode",
        "messages": "messages",
        "elements": "elements",
        "hint": "what to do",
        "sentences": "messages",
        "good": "good example",
        "bad": "bad example",
        "none": "none in this installation",
        "whole": "- (the whole message is rejected)",
        "warning": "- (a warning: the message is not rejected for it)",
        "fault": "fault",
        "bad_warning": "example with a warning",
        "fault_warning": "warning",
        "no_rule": "not a catalogue rule; a code of the validator itself",
    },
}


@dataclass
class Example:
    """A fixture shown as an example, with the lines where its rule reports marked."""

    name: str
    lines: list[str]
    marks: dict[int, str] = field(default_factory=dict)  # line number (1-based) -> the finding's message

    def shown(self, near: Iterable[int] = (), fault: str = "fault") -> str:
        """The example with each faulty line marked; only the lines near the given ones when given."""
        wanted: Iterable[int] = range(1, len(self.lines) + 1)
        near = set(near)
        if near:
            keep = {n for m in near for n in range(m - CONTEXT_LINES, m + CONTEXT_LINES + 1)}
            wanted = [n for n in wanted if n in keep]
        out, previous = [], 0
        for number in wanted:
            if previous and number != previous + 1:
                out.append("...")
            text = self.lines[number - 1]
            if number in self.marks:
                text += f"  <!-- ◀ {fault}: {self.marks[number]} -->"
            out.append(text)
            previous = number
        return "\n".join(out)


def known_code(code: str) -> bool:
    """A registered rule or one of the validator's own codes (XML, BERICHT ...)."""
    from validators.rules.registry import all_rules

    return code.upper() in all_rules() or code.upper() in NON_RULE_CODES


def explain(code: str, lang: str) -> dict:
    """Everything `rules show` and the pages say about a code, as data."""
    from validators.rules.registry import all_rules

    code = code.upper()
    found = all_rules().get(code)
    if found is None:
        return {
            "code": code,
            "description": code_description(code, lang) or code,
            "rule": False,
            "hint": hint(code, lang=lang),
        }
    return {
        "code": code,
        "rule": True,
        "description": rule_description(code, found.description, lang),
        "level": found.level.value,
        "retourcode": found.retourcode,
        "retourcode_description": retourcode_description(found.retourcode, lang),
        "severity": found.severity.value,
        "messages": list(found.messages),
        "standards": list(found.standards),
        "elements": _elements(code, found),
        "sentences": sentences(code, lang),
        "hint": hint(code, lang=lang),
        "good": example(code, "good", lang),
        "bad": example(code, "bad", lang),
    }


def _elements(code: str, found) -> list[str]:
    """The elements a rule looks at: its targets, or for a schema constraint the elements it guards."""
    from validators.rules.rs._schema_rule import CONSTRAINTS

    constraint = CONSTRAINTS.get(code)
    if constraint is None or not constraint.paths:
        return list(found.names)
    return sorted({path.rsplit("/", 1)[-1] for paths in constraint.paths.values() for path in paths})


def sentences(code: str, lang: str) -> list[str]:
    """The catalogue sentences of a rule, with their values named in braces."""
    messages = catalogue(lang).MESSAGES
    own = [messages[k] for k in sorted(messages) if k == code or k.startswith(code + ".")]
    return own


def fixture_path(code: str, kind: str) -> Path | None:
    """The rule's first good or bad fixture (examples live with the tests, not in the wheel)."""
    folder = FIXTURES / code
    found = folder.glob(f"{kind}*.xml") if folder.is_dir() else ()
    files = sorted(found, key=lambda p: (p.name != f"{kind}.xml", p.name))  # good.xml before good-x.xml
    return files[0] if files else None


def fixture_text(code: str, kind: str) -> str | None:
    """The text of `fixture_path`, or None when the rule has no such example here."""
    path = fixture_path(code, kind)
    return path.read_text(encoding="utf-8", errors="replace").rstrip() if path else None


def example(code: str, kind: str, lang: str) -> Example | None:
    """The rule's first good or bad fixture; a bad one is validated to mark where the rule fires."""
    path = fixture_path(code, kind)
    if path is None:
        return None
    folder = path.parent
    shown = Example(path.name, path.read_text(encoding="utf-8", errors="replace").rstrip().splitlines())
    if kind == "bad":
        from validators.engine.pipeline import validate

        report = validate(path, _options(code, folder))
        for f in report.findings:
            if f.code == code and f.line is not None:
                shown.marks.setdefault(f.line, report.message_of(f, lang=lang))
    return shown


def _options(code: str, folder: Path):
    """The fixture's own setting (history/, today.txt, registry.json), as the rule tests use it."""
    from validators.engine.pipeline import EVERY_LEVEL, Options
    from validators.rules.registry import RuleSet

    today_file = folder / "today.txt"
    today = date.fromisoformat(today_file.read_text().strip()) if today_file.exists() else EXAMPLE_TODAY
    history = registry = None
    if (folder / "history").is_dir():
        from validators.sources.history import History

        history = History.from_paths(sorted((folder / "history").glob("*.xml")))
    if (folder / "registry.json").is_file():
        from validators.sources.snapshot import RegistrySnapshot

        rows = json.loads((folder / "registry.json").read_text(encoding="utf-8"))
        registry = RegistrySnapshot.from_dict(rows)
    # Every level, as the rule tests: OP192 judges the file itself, which the library leaves out by default.
    return Options(
        today=today, registry=registry, ruleset=RuleSet(select=(code,)), history=history, levels=EVERY_LEVEL
    )


def show_text(code: str, lang: str) -> str:
    """The terminal explanation of one code."""
    info, w = explain(code, lang), _WORDS[lang]
    lines = [f"{info['code']}: {info['description']}"]
    if not info["rule"]:
        lines.append(f"  ({w['no_rule']})")
        if info["hint"]:
            lines.append(f"  {w['hint']}: {info['hint']}")
        return "\n".join(lines) + "\n"
    retour_text = _retour(info, w)
    lines += [
        f"  {w['level']}: {info['level']}",
        f"  {w['retourcode']}: {retour_text}",
        f"  {w['messages']}: {', '.join(info['messages'])} ({', '.join(info['standards'])})",
        f"  {w['elements']}: {', '.join(info['elements'])}",
    ]
    if info["hint"]:
        lines.append(f"  {w['hint']}: {info['hint']}")
    if info["sentences"]:
        lines.append(f"\n{w['sentences']}:")
        lines += [f"  - {s}" for s in info["sentences"]]
    lines += _examples(info, w, lambda name: f"\n{name}:", lambda text: [text])
    return "\n".join(lines) + "\n"


def rule_page(code: str, lang: str = "nl") -> str:
    """The Markdown page of one rule (docs/rules/CODE.md)."""
    info, w = explain(code, lang), _WORDS[lang]
    retour_text = _retour(info, w)
    out = [
        f"# {info['code']}",
        "",
        info["description"],
        "",
        f"- {w['level']}: {info['level']}",
        f"- {w['retourcode']}: {retour_text}",
        f"- {w['messages']}: {', '.join(map(_link, info['messages']))} ({', '.join(info['standards'])})",
        f"- {w['elements']}: {', '.join(info['elements'])}",
    ]
    if info["hint"]:
        out += ["", f"**{w['hint'].capitalize()}:** {info['hint']}"]
    if info["sentences"]:
        out += ["", f"## {w['sentences'].capitalize()}", ""] + [f"- {s}" for s in info["sentences"]]
    out += _examples(
        info, w, lambda name: f"\n## {name[0].upper()}{name[1:]}\n", lambda text: ["```xml", text, "```"]
    )
    return "\n".join(out) + "\n"


def _examples(info: dict, w: dict, heading, block) -> list[str]:
    """The bad example around its marked faults, then the good one around the same lines."""
    bad, good = info["bad"], info["good"]
    near = sorted(bad.marks) if bad is not None else []
    # A rule that only warns finds no fault: its example is marked as the warning it is.
    warns = info.get("severity") in ("warning", "info")
    bad_word, fault = (w["bad_warning"], w["fault_warning"]) if warns else (w["bad"], w["fault"])
    out: list[str] = []
    for title, shown in ((bad_word, bad), (w["good"], good)):
        if shown is None:
            out += [heading(title), w["none"]]
        else:
            out += [heading(f"{title} ({shown.name})"), *block(shown.shown(near, fault=fault))]
    return out


def _retour(info: dict, w: dict) -> str:
    retour, described = info["retourcode"], info["retourcode_description"]
    # A rule that only warns rejects nothing: saying "the whole message" would be untrue.
    without = w["warning"] if info.get("severity") == "warning" else w["whole"]
    return f"{retour} ({described})" if retour and described else (retour or without)


def _table_head(lang: str) -> list[str]:
    names = " | ".join(_WORDS[lang][k] for k in ("level", "retourcode"))
    return [f"| code | {names} | |", "|---|---|---|---|"]


def _link(message: str) -> str:
    return f"[{message}]({message}.md)"


def index_pages(lang: str = "nl") -> dict[str, str]:
    """README.md (every rule by controleniveau) and one page per message type (JW301.md ...)."""
    from validators.rules.registry import all_rules

    rules = all_rules()
    title = "Regels" if lang == "nl" else "Rules"
    lines = [f"# {title}", "", _generated_note(lang), ""]
    by_message: dict[str, list[str]] = {}
    for code in sorted(rules):
        for message in rules[code].messages:
            by_message.setdefault(message, []).append(code)
    lines += [f"- {_link(m)}: {len(codes)}" for m, codes in sorted(by_message.items())]
    lines += ["", *_table_head(lang)]
    lines += [_row(code, lang) for code in sorted(rules)]
    pages = {"README.md": "\n".join(lines) + "\n"}
    for message, codes in sorted(by_message.items()):
        head = f"# {message}" + (" (en het iWmo-bericht met hetzelfde nummer)" if lang == "nl" else "")
        body = _table_head(lang)
        pages[f"{message}.md"] = (
            "\n".join([head, "", _generated_note(lang), "", *body, *(_row(c, lang) for c in codes)]) + "\n"
        )
    return pages


def _row(code: str, lang: str) -> str:
    from validators.rules.registry import all_rules

    found = all_rules()[code]
    text = rule_description(code, found.description, lang).replace("|", "\\|")
    return f"| [{code}]({code}.md) | {found.level.value} | {found.retourcode or '-'} | {text} |"


def _generated_note(lang: str) -> str:
    if lang == "nl":
        return "_Gegenereerd met `productcodes rules docs --out docs/rules`; niet met de hand bewerken._"
    return "_Generated by `productcodes rules docs --out docs/rules`; do not edit by hand._"


def all_pages(lang: str = "nl") -> dict[str, str]:
    """Every page of docs/rules, by file name."""
    from validators.rules.registry import all_rules

    pages = index_pages(lang)
    pages.update({f"{code}.md": rule_page(code, lang) for code in sorted(all_rules())})
    return pages


def write_docs(out: Path, lang: str = "nl") -> list[str]:
    """Write the pages; pages of rules that no longer exist are removed (only *.md this command writes)."""
    out.mkdir(parents=True, exist_ok=True)
    pages = all_pages(lang)
    for name, text in pages.items():
        target = out / name
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
    for old in out.glob("*.md"):
        if old.name not in pages and _is_generated(old):
            old.unlink()
    return sorted(pages)


def _is_generated(path: Path) -> bool:
    text = path.read_text(encoding="utf-8", errors="replace")
    return "rules docs --out" in text


def stale_pages(out: Path, lang: str = "nl") -> list[str]:
    """Names of pages that are missing, differ from what would be generated, or are left over."""
    pages = all_pages(lang)
    differ = [
        name
        for name, text in pages.items()
        if not (out / name).is_file() or (out / name).read_text(encoding="utf-8") != text
    ]
    left = out.glob("*.md") if out.is_dir() else ()
    extra = [p.name for p in left if p.name not in pages and _is_generated(p)]
    return sorted(differ + extra)
