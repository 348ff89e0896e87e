"""Every source's public entry point raises only research-kit's errors, in bounded time.

Hypothesis picks a real fixture and 1-4 mutations (tests/fuzz_support.py: bit flips,
truncation, swapped/duplicated chunks, deep nesting, invalid UTF-8, control characters,
inserted tokens, floods); the entry point must parse it or raise a ResearchKitError, within
a few seconds. ``benchmarks/fuzz_parsers.py`` runs thousands of such cases with counts.
"""

from __future__ import annotations

import time

import pytest
from fuzz_support import PARSERS, mutated, run_case
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

# a few hundred cases per parser in the suite (the 10-K and annual-report seeds are large:
# fewer of them, from the smaller files)
BUDGET = {"profile": (200, None), "job": (200, None), "site": (200, None),
          "feed": (200, None), "10k": (60, 500_000), "annual_report": (40, 1_300_000)}
CASE_SECONDS = 20.0  # generous: CI machines are noisy (the benchmark reports the real times)


@pytest.mark.fixtures
@pytest.mark.slow
@pytest.mark.parametrize("parser", sorted(PARSERS))
def test_mutated_fixtures_raise_only_typed_errors(parser, tmp_path):
    _, target = PARSERS[parser]
    examples, max_bytes = BUDGET[parser]
    seeds = target.seed_files(max_bytes)
    if not seeds:
        pytest.skip(f"no fixtures for {parser}")
    contents = [p.read_bytes() for p in seeds]
    slow = []

    @settings(max_examples=examples, deadline=None, database=None, derandomize=True,
              suppress_health_check=list(HealthCheck))
    @given(index=st.integers(0, len(seeds) - 1), seed=st.integers(0, 2**32 - 1))
    def case(index, seed):
        data, kinds = mutated(contents[index], seed)
        started = time.perf_counter()
        outcome = run_case(parser, seeds[index], data, kinds, tmp_path)
        if time.perf_counter() - started > CASE_SECONDS:
            slow.append((seeds[index].name, seed, kinds))
        assert outcome.result != "untyped", (
            f"{seeds[index].name} with {kinds} (seed {seed}): {outcome.error}")

    case()
    assert slow == []
