"""scripts/news_eval.py's leanings: which way an excerpt's misses lean, so a held-back split can say
where it loses facts without any of its texts or errors being printed."""

import importlib.util
from pathlib import Path

from ruydad.extract import extract

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "news_eval.py"


def _news_eval():
    spec = importlib.util.spec_from_file_location("news_eval", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _gold(*events):
    return {"gold": {"events": [{"date": None, "admin1": "AF-KDZ", "admin2": district, "actors": [],
                                 "event_type": "Battles", "killed": killed, "detained": None}
                                for killed, district in events]}}


def test_an_excerpt_leans_on_each_field_it_misses_and_on_none_it_gets():
    news_eval = _news_eval()
    found = extract("Gunmen killed two police officers in Kunduz province on Monday.", published="2023-03-15")
    assert news_eval.lean(_gold((2, None)), found) == []
    assert news_eval.lean(_gold((5, None), (1, None)), found) == ["events_fewer", "killed_lower"]
    assert news_eval.lean(_gold((1, "Imam Sahib")), found) == ["killed_higher", "district_unplaced"]
