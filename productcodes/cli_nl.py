"""Click's usage errors as one Dutch line.

Click words its own errors in English ("Missing argument 'PATHS...'."); the commands speak Dutch.
The structured errors are rebuilt from their attributes; the messages click's parameter types
produce are matched on their (stable) English wording. A message not known here is shown as
click wrote it, so nothing is ever lost.
"""

from __future__ import annotations

import re

import click

# (pattern on click's English text, Dutch replacement); the groups keep values and names as given.
_TYPE_MESSAGES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.DOTALL), dutch)
    for pattern, dutch in (
        (r"^(?:File|Directory|Path) (?P<v>.+) does not exist\.$", r"\g<v> bestaat niet"),
        (r"^(?:File|Directory|Path) (?P<v>.+) is a file\.$", r"\g<v> is een bestand; geef een map"),
        (r"^(?:File|Directory|Path) (?P<v>.+) is a directory\.$", r"\g<v> is een map; geef een bestand"),
        (r"^(?:File|Directory|Path) (?P<v>.+) is not readable\.$", r"\g<v> is niet leesbaar"),
        (r"^(?:File|Directory|Path) (?P<v>.+) is not writable\.$", r"\g<v> is niet schrijfbaar"),
        (r"^(?P<v>.+) is not a valid integer\.$", r"\g<v> is geen geheel getal"),
        (r"^(?P<v>.+) is not a valid float\.$", r"\g<v> is geen getal"),
        (r"^(?P<v>.+) is not a valid boolean\.$", r"\g<v> is geen ja/nee-waarde"),
        (r"^(?P<v>.+) is not in the range (?P<r>.+)\.$", r"\g<v> ligt niet in het bereik \g<r>"),
        (r"^(?P<v>.+) is not one of (?P<c>.+)\.$", r"\g<v> is geen van \g<c>"),
        (r"^(?P<v>.+) is not (?P<c>'[^']*')\.$", r"\g<v> is niet \g<c>"),
        (r"^Option (?P<o>'[^']+') requires an argument\.$", r"optie \g<o> heeft een waarde nodig"),
        (
            r"^Option (?P<o>'[^']+') requires (?P<n>\d+) arguments\.$",
            r"optie \g<o> heeft \g<n> waarden nodig",
        ),
        (r"^Option (?P<o>'[^']+') does not take a value\.$", r"optie \g<o> neemt geen waarde"),
        (r"^Got unexpected extra arguments? \((?P<a>.*)\)$", r"te veel argumenten: \g<a>"),
        (r"^No such command (?P<c>'[^']+')\.", r"onbekend commando \g<c>"),
        (r"^Missing command\.$", "welk commando? Geef er een"),
    )
)


# Click 8.4 and later; before it an unknown command is a plain UsageError, matched by its text below.
_NO_SUCH_COMMAND = getattr(click.exceptions, "NoSuchCommand", ())


def dutch_type_message(message: str) -> str:
    """Click's English text of a parameter or parser error in Dutch, or unchanged when not known."""
    for pattern, dutch in _TYPE_MESSAGES:
        if pattern.match(message):
            return pattern.sub(dutch, message)
    return message


def _hint(exc: click.BadParameter) -> str:
    if exc.param_hint is not None:
        hints = [exc.param_hint] if isinstance(exc.param_hint, str) else list(exc.param_hint)
        return " / ".join(hints)
    if exc.param is not None:
        return exc.param.get_error_hint(exc.ctx)
    return ""


def _possibilities(found: list[str] | None) -> str:
    if not found:
        return ""
    return "; bedoelt u " + " of ".join(repr(p) for p in found) + "?"


def usage_message(exc: click.UsageError) -> str:
    """The message of a click usage error in Dutch, without prefix."""
    if isinstance(exc, click.MissingParameter):
        kind = {"argument": "argument", "option": "optie"}.get(
            exc.param_type or (exc.param.param_type_name if exc.param else ""), "waarde"
        )
        return f"{kind} {_hint(exc)} ontbreekt".replace("  ", " ")
    if isinstance(exc, click.BadParameter):
        hint = _hint(exc)
        where = f" voor {hint}" if hint else ""
        return f"ongeldige waarde{where}: {dutch_type_message(exc.message)}"
    if isinstance(exc, click.NoSuchOption):
        return f"onbekende optie {exc.option_name!r}{_possibilities(exc.possibilities)}"
    if isinstance(exc, _NO_SUCH_COMMAND):
        return f"onbekend commando {exc.command_name!r}{_possibilities(exc.possibilities)}"
    return dutch_type_message(exc.format_message())


def usage_line(exc: click.UsageError) -> str:
    """The Dutch message and, when the command is known, where its help is."""
    message = usage_message(exc)
    if exc.ctx is None:
        return message
    return f"{message} (hulp: `{exc.ctx.command_path} -h`)"
