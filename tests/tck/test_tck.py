"""The openCypher TCK as a ratchet: each area's pass rate must stay at or above its floor.

All scenarios run once per session (single process, a time limit each); there is one test per area,
not one per scenario. Floors are set a little below the measured rates; raise them as the engine
improves (``python -m tests.tck.run`` prints the current figures). Skipped when ``../shared/tck`` is
absent.
"""

from __future__ import annotations

import pytest

from .features import TCK_ROOT, load_scenarios
from .report import Tally, tally
from .run import run_all

pytestmark = [pytest.mark.tck,
              pytest.mark.skipif(not TCK_ROOT.is_dir(), reason=f"no openCypher TCK at {TCK_ROOT}")]

# Minimum strict pass rate (%) per area and overall: the measured rate with one more failure per area
# (five overall), from `python -m tests.tck.run --floors`.
OVERALL_FLOOR = 99.8
AREA_FLOORS: dict[str, float] = {
    "clauses/call": 98.0,
    "clauses/create": 98.7,
    "clauses/delete": 97.5,
    "clauses/match": 99.7,
    "clauses/match-where": 97.0,
    "clauses/merge": 98.6,
    "clauses/remove": 96.9,
    "clauses/return": 98.4,
    "clauses/return-orderby": 97.1,
    "clauses/return-skip-limit": 96.7,
    "clauses/set": 98.1,
    "clauses/union": 91.6,
    "clauses/unwind": 92.8,
    "clauses/with": 96.5,
    "clauses/with-orderBy": 99.6,
    "clauses/with-skip-limit": 88.8,
    "clauses/with-where": 94.7,
    "expressions/aggregation": 97.1,
    "expressions/boolean": 99.3,
    "expressions/comparison": 98.6,
    "expressions/conditional": 92.3,
    "expressions/existentialSubqueries": 90.0,
    "expressions/graph": 98.3,
    "expressions/list": 99.4,
    "expressions/literals": 99.2,
    "expressions/map": 97.7,
    "expressions/mathematical": 83.3,
    "expressions/null": 97.7,
    "expressions/path": 85.7,
    "expressions/pattern": 98.0,
    "expressions/precedence": 99.1,
    "expressions/quantifier": 99.8,
    "expressions/string": 96.8,
    "expressions/temporal": 99.9,
    "expressions/typeConversion": 97.8,
    "useCases/countingSubgraphMatches": 90.9,
    "useCases/triadicSelection": 94.7,
}


@pytest.fixture(scope="module")
def tallies() -> dict[str, Tally]:
    return tally(run_all())


def test_every_area_has_a_floor() -> None:
    areas = {scenario.area for scenario in load_scenarios(TCK_ROOT)}
    assert areas == set(AREA_FLOORS), f"areas without a floor: {sorted(areas - set(AREA_FLOORS))}"


@pytest.mark.parametrize("area", sorted(AREA_FLOORS))
def test_area_pass_rate(tallies: dict[str, Tally], area: str) -> None:
    counts = tallies[area]
    assert counts.rate() >= AREA_FLOORS[area], (
        f"{area}: {counts.strict}/{counts.runnable} passed ({counts.rate():.1f}%), "
        f"floor {AREA_FLOORS[area]}%")


def test_overall_pass_rate(tallies: dict[str, Tally]) -> None:
    counts = tallies["overall"]
    assert counts.scenarios == len(load_scenarios(TCK_ROOT))
    assert counts.rate() >= OVERALL_FLOOR, (
        f"overall: {counts.strict}/{counts.runnable} passed ({counts.rate():.1f}%), floor {OVERALL_FLOOR}%")
