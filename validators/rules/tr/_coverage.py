"""Whether a message missing from the history proves it was never sent: the one coverage model.

A store is complete from the Dagtekening its traffic starts (validators.sources.store); files given with
--history are complete when --history-complete says so (validators.sources.history.Coverage). Without
either, a rule may still use its own coverage test (say: the history holds this aanbieder's
notices at all). When neither vouches for the absence the rule does not conclude, and the report
lists it among the skipped rules with the reason.
"""

from __future__ import annotations

from datetime import date

from validators.rules.context import RuleContext


def absence_proves(ctx: RuleContext, day: date | None, *, fallback: bool, what: str) -> bool:
    """Whether the absence of `what` (a message that would be dated `day` or later) proves an error.

    `fallback` is the rule's own coverage test, used only when the history has no explicit
    coverage. A False answer is recorded for the report (once per rule and message).
    """
    coverage = getattr(ctx.history, "coverage", None)
    # A message whose date the rule cannot place is judged by the rule's own test.
    decided = coverage.proves_absence(day) if coverage is not None and day is not None else None
    if decided is None:
        decided = fallback
        reason = (
            "niet bekend of de eerdere berichten volledig zijn "
            "(gebruik --history-complete of een berichtenopslag)"
        )
    else:
        reason = f"de eerdere berichten zijn pas volledig vanaf {coverage.complete_from.isoformat()}"
    if not decided and ctx.rule is not None:
        ctx.inconclusive.setdefault(ctx.rule.code, f"kon niet vaststellen of {what} ontbreekt: {reason}")
    return decided
