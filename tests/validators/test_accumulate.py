"""`Seen` tells repeats alike whether a message comes in one piece or in chunks."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from validators.engine.accumulate import Seen

keys = st.lists(
    st.tuples(st.sampled_from(["a", "b", "c", "d"]), st.one_of(st.none(), st.integers(0, 5))), max_size=60
)


def _repeats_by_hand(all_keys):
    met, out = set(), []
    for i, key in enumerate(all_keys):
        if key in met:
            out.append(i)
        met.add(key)
    return out


@given(keys, st.lists(st.integers(1, 7), min_size=1, max_size=20))
def test_chunked_repeats_are_the_whole_repeats(all_keys, sizes):
    whole = Seen().repeated(all_keys, whole=True)
    seen, found, start = Seen(), [], 0
    while start < len(all_keys):
        size = sizes[len(found) % len(sizes)]
        chunk = all_keys[start : start + size]
        found.extend(start + i for i in seen.repeated(chunk, whole=False))
        start += size
    assert whole == found == _repeats_by_hand(all_keys)


@given(keys, keys)
def test_met_after_add(first, second):
    for whole in (True, False):
        seen = Seen()
        seen.add(first, whole)
        assert seen.met(second, whole) == [k in set(first) for k in second]


def test_digests_stay_few_runs():
    seen = Seen()
    for n in range(1_000):
        seen.repeated([(n, i) for i in range(3)], whole=False)
    assert len(seen._runs) <= 12  # merged like a binary counter: lookups ask few runs
    assert seen.repeated([(999, 2), (1_000, 0)], whole=False) == [0]


@given(st.lists(keys, min_size=1, max_size=8))
def test_runs_hold_each_digest_once(parts):
    seen = Seen()
    for i, part in enumerate(parts):
        (seen.add if i % 2 else lambda k, w: seen.repeated(k, w))(part, False)
    held = [d for run in seen._runs for d in run.tolist()]
    assert len(held) == len(set(held)) == len({k for part in parts for k in part})
