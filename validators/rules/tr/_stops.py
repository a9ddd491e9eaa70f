"""TR413-TR415: a new stop against the stops that already stand for the same start."""

from __future__ import annotations

from validators.rules.tr._startstop import notice_of, standing

NEW_DELIVERY = ("1", "2")  # eerste or gewijzigde aanlevering
TIJDELIJK = "20"  # RedenBeeindiging 20: a temporary stop


def standing_stops(ctx, product):
    """(the notice under test, earlier stops standing for its Bsn, ToewijzingNummer and Begindatum)."""
    notice = notice_of(ctx, product)
    same = [
        s
        for s in standing(ctx, notice, "307", after_own_deletions=True)
        if (s.bsn, s.toewijzing_nummer, s.begindatum)
        == (notice.bsn, notice.toewijzing_nummer, notice.begindatum)
        and s.key != notice.key
    ]
    return notice, same
