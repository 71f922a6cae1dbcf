"""Score place resolution on places_other.jsonl, per split: python tests/data/places_other/score.py [--show-errors].

Per excerpt, the prediction is the set of admin1 codes of the events extraction finds (events
without a place left out). An excerpt is

- ``exact`` when that set is the gold code alone (empty when the gold is null),
- ``wrong`` when the set holds a code other than the gold one (a confident wrong answer),
- ``in_theatre_wrong`` when that wrong code is a province of the theatre the text was read with
  although the gold lies outside it (the failure this set exists to catch).

An excerpt that finds no place where the gold has one is neither exact nor wrong. Errors are shown
for the dev split only; the held split is only scored.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
THEATRES = HERE.parent / "theatres"


@dataclass
class Score:
    n: int = 0
    exact: int = 0
    wrong: int = 0
    in_theatre_wrong: int = 0
    errors: list[str] = field(default_factory=list)

    def line(self, name: str) -> str:
        return (f"{name}: n={self.n} exact={self.exact / max(self.n, 1):.3f} wrong={self.wrong} "
                f"in_theatre_wrong={self.in_theatre_wrong}")


def records() -> list[dict[str, object]]:
    with (HERE / "places_other.jsonl").open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def score() -> dict[str, Score]:
    """Scores per split ("dev", "held"); needs tests/data/theatres on RUYDAD_THEATRES_PATH."""
    from ruydad.extract import extract
    from ruydad.theatres import as_theatre

    scores = {"dev": Score(), "held": Score()}
    for record in records():
        theatre = as_theatre(str(record["theatre"]))
        gold = record["gold"]["admin1"]  # type: ignore[index]
        found = {e.admin1_code for e in extract(str(record["text"]), theatre=theatre).events if e.admin1_code}
        s = scores[str(record["split"])]
        s.n += 1
        own = f"{theatre.iso2}-"
        if found == ({gold} if gold else set()):
            s.exact += 1
        else:
            s.errors.append(f"{record['id']} ({theatre.name}): gold {gold} found {sorted(found)}")
        if found - {gold}:
            s.wrong += 1
            if not str(gold or "").startswith(own) and any(code.startswith(own) for code in found):
                s.in_theatre_wrong += 1
    return scores


def main() -> None:
    os.environ.setdefault("RUYDAD_THEATRES_PATH", str(THEATRES))
    scores = score()
    for name, s in scores.items():
        print(s.line(name))
    if "--show-errors" in sys.argv:
        print("\n".join(scores["dev"].errors))


if __name__ == "__main__":
    main()
