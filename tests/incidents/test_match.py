"""The rule that says two reports are one incident, on reports whose right answer can be stated."""

from __future__ import annotations

from datetime import date

import pytest

from ruydad.incidents import Report, cluster, compare, wounded_in


def report(key: str, day: str = "2022-04-22", **kw: object) -> Report:
    base: dict[str, object] = {"dataset": "article", "date": date.fromisoformat(day), "admin1": "Kunduz",
                               "admin1_code": "AF-KDZ", "event_type": "Explosions/Remote violence"}
    base.update(kw)
    return Report(key=key, **base)  # type: ignore[arg-type]


def test_same_district_same_day_same_type_is_one_incident() -> None:
    a = report("a:1", admin2="Imam Sahib", admin2_pcode="AF1705")
    b = report("b:1", admin2="Imam Sahib", admin2_pcode="AF1705", event_type="Violence against civilians")
    m = compare(a, b)
    assert m is not None and m.score >= 0.6
    assert m.fields["place"].startswith("same district") and m.fields["type"].startswith("compatible")


def test_different_districts_are_never_merged() -> None:
    assert compare(report("a:1", admin2_pcode="AF1705"), report("b:1", admin2_pcode="AF1701")) is None


def test_different_provinces_are_never_merged() -> None:
    assert compare(report("a:1"), report("b:1", admin1="Balkh", admin1_code="AF-BAL")) is None


def test_dates_outside_the_window_are_never_merged() -> None:
    a, b = report("a:1", admin2_pcode="AF1705"), report("b:1", "2022-04-25", admin2_pcode="AF1705")
    assert compare(a, b, window=2) is None
    assert compare(a, b, window=3) is not None


def test_a_week_precision_date_matches_a_day_inside_it() -> None:
    week = report("a:1", "2022-04-18", date_end=date(2022, 4, 24), admin2_pcode="AF1705")
    assert compare(week, report("b:1", "2022-04-22", admin2_pcode="AF1705")) is not None


def test_province_only_needs_the_same_day_and_an_agreeing_type() -> None:
    assert compare(report("a:1"), report("b:1")) is not None
    assert compare(report("a:1"), report("b:1", "2022-04-23")) is None
    assert compare(report("a:1"), report("b:1", event_type="Strategic developments")) is None


def test_a_protest_is_never_a_bombing() -> None:
    assert compare(report("a:1", admin2_pcode="AF1705"),
                   report("b:1", admin2_pcode="AF1705", event_type="Protests")) is None


def test_reports_without_a_date_or_province_are_not_compared() -> None:
    assert compare(report("a:1", date=None), report("b:1")) is None
    assert compare(report("a:1", admin1=None, admin1_code=None), report("b:1")) is None


def test_shared_actor_raises_the_score_and_noise_words_do_not_count() -> None:
    plain = compare(report("a:1", admin2_pcode="AF1705"), report("b:1", admin2_pcode="AF1705"))
    shared = compare(report("a:1", admin2_pcode="AF1705", actor1="Taliban"),
                     report("b:1", admin2_pcode="AF1705", actor1="Taliban fighters"))
    noise = compare(report("a:1", admin2_pcode="AF1705", actor1="24"),
                    report("b:1", admin2_pcode="AF1705", actor1="first explosion"))
    assert plain is not None and shared is not None and noise is not None
    assert shared.score > plain.score
    assert noise.score == plain.score


def test_cluster_does_not_chain_across_districts() -> None:
    # b (province only) matches a and c, but a and c are in different districts
    a = report("a:1", admin2_pcode="AF1705", admin2="Imam Sahib", location="Imam Sahib")
    b = report("b:1")
    c = report("c:1", admin2_pcode="AF1701", admin2="Kunduz", location="Kunduz city")
    groups = [sorted(r.key for r in g.reports) for g in cluster([a, b, c])]
    assert ["a:1", "c:1"] not in groups and len(groups) == 2


def test_cluster_keeps_the_analysts_decisions() -> None:
    a, b = report("a:1", admin2_pcode="AF1705"), report("b:1", admin2_pcode="AF1705")
    c = report("c:1", "2022-05-30", admin2_pcode="AF1705")
    assert len(cluster([a, b, c])) == 2
    assert len(cluster([a, b, c], cannot=[("a:1", "b:1")])) == 3
    merged = cluster([a, b, c], must=[("a:1", "c:1")])
    assert len(merged) == 1
    assert merged[0].joins["c:1"][2] == "merged by the analyst" or merged[0].joins["a:1"][2] == "merged by the analyst"


def test_each_joined_report_says_why() -> None:
    a, b = report("a:1", admin2_pcode="AF1705", order="1"), report("b:1", admin2_pcode="AF1705", order="2")
    (only,) = cluster([b, a])
    assert only.reports[0].key == "a:1"  # the earliest stored report leads
    joined_with, match, why = only.joins["b:1"]
    assert joined_with == "a:1" and match is not None and "same district" in why and "score" in why


@pytest.mark.parametrize(("sentence", "wounded"), [
    ("killing 21 people and wounding 33, police said", 33),
    ("27 people had been injured, five of them children", 27),
    ("Six other Taliban members were injured.", 6),
    ("killed at least 10 people and wounded dozens more", None),
    ("killed four civilians and injuring 18 others", 18),
    ("No casualties were reported.", None),
])
def test_wounded_figure_of_a_sentence(sentence: str, wounded: int | None) -> None:
    assert wounded_in(sentence) == wounded
