"""Command line: run the openCypher TCK against the in-memory engine and report pass rates.

Usage::

    python -m tests.tck.run                                  # all areas, pass rates by area
    python -m tests.tck.run --area clauses/match --failures  # one area, each failure with its reason
    python -m tests.tck.run --summary docs/tck-summary.md    # also write the Markdown summary
    python -m tests.tck.run --grep "Match1.feature" --failures --verbose
    python -m tests.tck.run --floors                         # ratchet floors for test_tck.py

Examples
--------
>>> main(["--area", "no/such-area"])
no scenarios selected
2
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .features import TCK_ROOT, load_scenarios
from .report import failure_causes, format_table, markdown_summary, suggested_floors, tally
from .scenario import DEFAULT_TIMEOUT, Outcome, run_scenario


def run_all(area: str | None = None, grep: str | None = None, timeout: float = DEFAULT_TIMEOUT,
            progress: bool = False) -> list[Outcome]:
    """Run the selected scenarios one after another and return their outcomes."""
    scenarios = [s for s in load_scenarios(TCK_ROOT, area) if grep is None or grep in s.title]
    outcomes = []
    current = None
    for scenario in scenarios:
        if progress and scenario.feature != current:
            current = scenario.feature
            print(f"  {current}", file=sys.stderr, flush=True)
        outcomes.append(run_scenario(scenario, timeout))
    return outcomes


def main(argv: list[str] | None = None) -> int:
    """Run the TCK as the options say; exit status 0, or 2 when nothing could be run."""
    parser = argparse.ArgumentParser(prog="python -m tests.tck.run", description=__doc__.split("\n")[0])
    parser.add_argument("--area", help="only this area or top level, e.g. clauses/match or expressions")
    parser.add_argument("--grep", help="only scenarios whose title (file:line name) contains this text")
    parser.add_argument("--failures", action="store_true", help="list failing scenarios with a reason")
    parser.add_argument("--summary", type=Path, help="write the Markdown summary to this file")
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, help="seconds per scenario")
    parser.add_argument("--floors", action="store_true", help="print ratchet floors for test_tck.py")
    parser.add_argument("--verbose", action="store_true", help="print each feature file as it starts")
    options = parser.parse_args(argv)
    if not TCK_ROOT.is_dir():
        print(f"no TCK at {TCK_ROOT}")
        return 2
    outcomes = run_all(options.area, options.grep, options.timeout, options.verbose)
    if not outcomes:
        print("no scenarios selected")
        return 2
    if options.failures:
        for outcome in outcomes:
            if outcome.status == "fail":
                print(f"FAIL {outcome.scenario.area} {outcome.scenario.title}: {outcome.reason}")
        print()
    print("\n".join(format_table(tally(outcomes))))
    print("\nMost common failure causes:")
    for cause, count in failure_causes(outcomes, top=15):
        print(f"{count:6d}  {cause}")
    if options.floors:
        floors = suggested_floors(tally(outcomes))
        print("\nOVERALL_FLOOR = " + str(floors.pop("overall")))
        print("AREA_FLOORS: dict[str, float] = {")
        print("".join(f'    "{area}": {floor},\n' for area, floor in floors.items()) + "}")
    slowest = max(outcomes, key=lambda o: o.seconds)
    print(f"\n{len(outcomes)} scenarios in {sum(o.seconds for o in outcomes):.1f} s; "
          f"slowest {slowest.seconds:.2f} s: {slowest.scenario.title}")
    if options.summary:
        command = "python -m tests.tck.run --summary " + options.summary.as_posix()
        if options.area:
            command += f" --area {options.area}"
        options.summary.parent.mkdir(parents=True, exist_ok=True)
        options.summary.write_text(markdown_summary(outcomes, command), encoding="utf-8")
        print(f"summary written to {options.summary}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
