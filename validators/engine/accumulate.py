"""What rules over the whole message keep from chunk to chunk (registry.Rule.state).

A streamed message is judged a chunk of Clients at a time; a rule that looks for repeats
across the whole message keeps the keys it met. A key costs 8 bytes here (a 64-bit digest
in sorted numpy runs), so the keys of 1.5 million lines fit in a few dozen MB. Two
different keys share a digest with a chance of about n²/2⁶⁵ (10⁻⁷ for 1.5 million lines);
a message judged in one piece (`RuleContext.whole`) is compared on its keys themselves.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

from validators.engine._columns import _unpadded


class Seen:
    """The keys met so far in one message, to tell a repeat from a first occurrence.

    Asked with `whole` (the keys are all the message has, `RuleContext.whole`), it keeps the keys
    themselves; else their digests, so that a streamed message costs 8 bytes a key.
    """

    def __init__(self) -> None:
        self._exact: set | None = None
        # Sorted runs of distinct digests, merged like a binary counter: a lookup asks each run.
        self._runs: list[np.ndarray] = []

    def repeated(self, keys: Sequence[Hashable], whole: bool) -> list[int]:
        """Indexes of the keys met before (earlier in `keys` or in an earlier call), in order;
        all of `keys` are met from now on."""
        if whole:
            if not self._exact:
                distinct = set(keys)
                if len(distinct) == len(keys):  # the usual case, decided in C
                    self._exact = distinct
                    return []
            return _repeated_after(keys, self._exact_keys())
        if not keys:
            return []
        import numpy as np  # only a streamed message needs digests: a plain validation starts without numpy

        digests = _digests(keys)
        # Sorted stably, a key equal to the one before it repeats an earlier one (np.unique is slower).
        order = np.argsort(digests, kind="stable")
        ordered = digests[order]
        repeat = np.empty(len(keys), dtype=bool)
        repeat[0] = False
        np.equal(ordered[1:], ordered[:-1], out=repeat[1:])
        again = np.empty(len(keys), dtype=bool)
        again[order] = repeat
        before = self._met(digests)
        self._keep(ordered[~(repeat | before[order])])
        return np.flatnonzero(before | again).tolist()

    def add(self, keys: Sequence[Hashable], whole: bool) -> None:
        """Meet `keys`."""
        if whole:
            self._exact_keys().update(keys)
        elif keys:
            import numpy as np

            ordered = np.sort(_digests(keys))
            distinct = ordered[np.concatenate(([True], ordered[1:] != ordered[:-1]))]
            self._keep(distinct[~self._met(distinct)])

    def met(self, keys: Sequence[Hashable], whole: bool) -> list[bool]:
        """Per key, whether it was met."""
        if whole:
            known = self._exact_keys()
            return [k in known for k in keys]
        return self._met(_digests(keys)).tolist() if keys else []

    def _exact_keys(self) -> set:
        if self._exact is None:
            self._exact = set()
        return self._exact

    def _met(self, digests: np.ndarray) -> np.ndarray:
        import numpy as np

        before = np.zeros(len(digests), dtype=bool)
        for run in self._runs:
            at = np.minimum(np.searchsorted(run, digests), len(run) - 1)
            before |= run[at] == digests
        return before

    def _keep(self, distinct: np.ndarray) -> None:
        if not len(distinct):
            return
        self._runs.append(distinct)
        import numpy as np

        while len(self._runs) > 1 and len(self._runs[-2]) <= 2 * len(self._runs[-1]):
            newest = self._runs.pop()
            merged = np.concatenate((self._runs[-1], newest))  # both distinct, and not in each other
            merged.sort()
            self._runs[-1] = merged


def _digests(keys: Sequence[Hashable]) -> np.ndarray:
    import numpy as np

    return np.fromiter((hash(k) for k in keys), dtype=np.int64, count=len(keys))


def _repeated_after(keys: Sequence[Hashable], known: set) -> list[int]:
    out = []
    for i, key in enumerate(keys):
        if key in known:
            out.append(i)
        known.add(key)
    return out


def line_keys(ctx, name: str, paths: Sequence[str]) -> list[tuple]:
    """Per `name` element of the run that is new in it (`RuleContext.first_new`), the values of
    `paths` as columns hold them ("" absent, "=" + text), the text stripped: keys that compare
    alike in every chunk of a message (`validators.engine._columns.stripped` gives a value's text)."""
    columns = ctx.columns.columns(name, tuple(paths))
    start = ctx.first_new(name)
    parts = [_canonical(columns[p][start:] if start else columns[p]) for p in paths]
    return list(zip(*parts, strict=True)) if parts else [()] * (columns.size - start)


def _canonical(values: list[str]) -> list[str]:
    if _unpadded(values):
        return values  # the usual case: codes, numbers and dates are written without spaces
    return ["=" + v[1:].strip() if v else "" for v in values]
