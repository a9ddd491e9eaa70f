"""The CI profile of Hypothesis is reproducible and keeps the example database."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import tests.conftest  # noqa: F401  (registers the profiles)


def test_ci_profile_is_derandomised_and_keeps_its_database():
    ci = settings.get_profile("ci")
    assert ci.derandomize
    assert ci.database is not None


def test_ci_profile_draws_the_same_examples_twice():
    drawn: list[list[int]] = []

    def run() -> None:
        seen: list[int] = []

        @settings(settings.get_profile("ci"), max_examples=20, database=None)
        @given(st.integers())
        def collect(n: int) -> None:
            seen.append(n)

        collect()
        drawn.append(seen)

    run()
    run()
    assert drawn[0] == drawn[1] and len(set(drawn[0])) > 1
