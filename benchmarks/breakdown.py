"""Where a cold ``import usnz; usnz.get("anzus")`` spends its time (medians of fresh processes).

    python benchmarks/breakdown.py [RUNS]

Imports are timed by ``python -X importtime`` (self time of each module, grouped); the steps of
the first load by timers around each, in a process of their own (the collector paused, as a
load pauses it). Interpreter start and exit are not included: ``python -c pass`` shows them.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
from collections import Counter, defaultdict

from run import COLD_USNZ, _child_env

# Modules that `import attrs` brings in (so the budget's baseline has them too).
BASELINE = "import attrs"

STEPS = r"""
import gc, json, time
import usnz
from usnz.model.records import KINDS
from usnz.querying.dataset import Dataset
from usnz.reading import load, packaged, quick
gc.disable()
clock = time.perf_counter
t0 = clock()
files = [(f"{kind}.json", kind, packaged._packaged_file(f"{kind}.json")) for kind in KINDS]
t1 = clock()
parsed = [(kind, json.loads(data.decode())) for _, kind, data in files]
t2 = clock()
for cls in KINDS.values():
    quick.reader(cls)
t3 = clock()
records = [quick.read_quickly(quick.reader(KINDS[kind]), item) for kind, items in parsed for item in items]
t4 = clock()
load._check([("f", r) for r in records], [])
t5 = clock()
Dataset(records)
t6 = clock()
print(json.dumps({
    "read the 10 files": t1 - t0,
    "parse the JSON": t2 - t1,
    "build the quick readers": t3 - t2,
    "build and validate the records (attrs __init__ and validators)": t4 - t3,
    "cross-check ids, references, countries, citations": t5 - t4,
    "index (by id, kind, date)": t6 - t5,
}))
"""


def _self_times(code: str) -> dict[str, int]:
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code], capture_output=True, text=True, check=True, env=_child_env()
    )
    times = {}
    for line in done.stderr.splitlines():
        if line.startswith("import time:") and "self [us]" not in line:
            self_us, _, name = line.split(":", 1)[1].split("|")
            times[name.strip()] = int(self_us)
    return times


def _group(name: str, baseline: set[str]) -> str | None:
    if name in baseline:
        return None
    if name.startswith(("usnz.model.kinds", "usnz.model.base", "usnz.model.records")):
        return "record classes (usnz.model.base and the kinds built: attrs builds their classes)"
    if name in {"usnz.model.dates", "usnz.model.amounts", "usnz.model.citation", "usnz.model.total"}:
        return "value classes (the dates, amounts, citations and totals built)"
    if name in {"usnz.model.errors", "usnz.model.countries"}:
        return "usnz.model.errors and usnz.model.countries (attrs classes, the country table)"
    if name.startswith("usnz"):
        return "usnz's other modules"
    return f"stdlib {name.split('.', maxsplit=1)[0].lstrip('_')}"


def main() -> None:
    """Print the median time of each import group and each load step."""
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 9
    baseline = set(_self_times(BASELINE))
    groups: defaultdict[str, list[float]] = defaultdict(list)
    steps: defaultdict[str, list[float]] = defaultdict(list)
    for _ in range(runs):
        found: Counter[str] = Counter()
        for name, self_us in _self_times(COLD_USNZ).items():
            group = _group(name, baseline)
            if group is not None:
                found[group] += self_us
        for group, total in found.items():
            groups[group].append(total / 1000)
        done = subprocess.run(
            [sys.executable, "-c", STEPS], capture_output=True, text=True, check=True, env=_child_env()
        )
        for step, seconds in json.loads(done.stdout).items():
            steps[step].append(seconds * 1000)
    print(f"Imports beyond `{BASELINE}` (self time, ms):")
    for group, times in sorted(groups.items(), key=lambda item: -statistics.median(item[1])):
        if statistics.median(times) >= 0.2:
            print(f"  {statistics.median(times):6.2f}  {group}")
    print("The first load (ms):")
    for step, times in steps.items():
        print(f"  {statistics.median(times):6.2f}  {step}")


if __name__ == "__main__":
    main()
