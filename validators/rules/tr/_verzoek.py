"""Shared lookups of the change-request rules (JW317): the toewijzing each product refers to."""

from __future__ import annotations

from iwmo_ijw.xpath import text
from validators.rules.checks import dagtekening
from validators.rules.tr._common import header, knows_relation
from validators.sources.history import Toewijzing


def referenced(ctx, product) -> Toewijzing | None:
    """The toewijzing an OngewijzigdProduct/TeWijzigenProduct names, when the history has it."""
    nummer = text(product, "ToewijzingNummer")
    _, gemeente = header(ctx)  # a request goes from the aanbieder to the gemeente that numbered it
    return ctx.history.toewijzing(nummer, gemeente=gemeente) if nummer else None


def relation(ctx) -> tuple[str, str, bool]:
    """(gemeente, aanbieder, whether the history knows toewijzingen between them).

    Without any toewijzing between the two in the history, a missing one proves nothing."""
    aanbieder, gemeente = header(ctx)
    return gemeente, aanbieder, knows_relation(ctx, gemeente, aanbieder)


def current(ctx, bsn: str) -> list[Toewijzing]:
    gemeente, aanbieder, _ = relation(ctx)
    return ctx.history.current_toewijzingen(bsn, gemeente, aanbieder, dagtekening(ctx) or ctx.today)
