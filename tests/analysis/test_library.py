"""The analysis library on hand-built stores whose right answers are stated in each test."""

from __future__ import annotations

import math
from datetime import date, timedelta

import pytest
from scipy import stats

from ruydad.analysis import Filters, Period, name_family
from ruydad.analysis.core import NoCoverageError
from ruydad.errors import InputError
from tests.analysis.stores import event

NRF = "NRF: National Resistance Front"


def nrf_battles() -> list[dict]:
    rows = [event("2021-09-10", "Taliban", NRF, admin1="Panjshir")]
    rows += [event(f"2022-0{m}-10", "Taliban", NRF, admin1="Baghlan", fatalities=2) for m in (3, 4, 5)]
    rows += [event(f"2022-0{m}-11", NRF, "Taliban", admin1="Panjshir") for m in (5, 6)]
    rows += [event("2022-06-12", "Taliban", NRF, admin1="Kabul")]
    rows += [event("2022-06-13", "Taliban", "Civilians", event_type="Violence against civilians", admin1="Kabul")]
    return rows


def test_count_of_actor_battles_in_a_period(make_analysis):
    a = make_analysis(nrf_battles())
    c = a.count(actor="NRF", event_type="Battles", date_from=date(2022, 1, 1), date_to=date(2022, 6, 30))
    assert (c.events_count, c.fatalities) == (6, 6)
    assert c.events().num_rows == 6


def test_counts_by_admin1_give_shares_and_their_events(make_analysis):
    a = make_analysis(nrf_battles())
    f = a.counts("admin1", actor="NRF", event_type="Battles", date_from=date(2022, 1, 1))
    assert f.value("events", admin1="Baghlan") == 3
    assert f.value("share", admin1="Baghlan") == pytest.approx(0.5)
    assert f.rows()[0]["admin1"] == "Baghlan"
    assert sorted(f.events(admin1="Panjshir")["event_date"].to_pylist()) == [date(2022, 5, 11), date(2022, 6, 11)]


def test_counts_by_actor_count_each_event_once_per_actor(make_analysis):
    a = make_analysis([event("2022-01-01", "A", "B"), event("2022-01-02", "A", "A"), event("2022-01-03", "B", None)])
    f = a.counts("actor")
    assert f.value("events", actor="A") == 2
    assert f.value("events", actor="B") == 2
    assert f.events(actor="A").num_rows == 2


def test_counts_by_actor_category_dedupes_same_category_sides(make_analysis):
    a = make_analysis([event("2022-01-01", "A", "B", inter1="State forces", inter2="State forces"),
                       event("2022-01-02", "A", "C", inter1="State forces", inter2="Rebel group")])
    f = a.counts("actor_category")
    assert f.value("events", actor_category="State forces") == 2
    assert f.value("events", actor_category="Rebel group") == 1


def test_counts_by_week_and_month_use_period_starts(make_analysis):
    a = make_analysis([event("2022-06-01"), event("2022-06-05"), event("2022-06-06"), event("2022-07-01")])
    weeks = a.counts("week")
    assert weeks.rows()[0] == weeks.row(week=date(2022, 5, 30))  # 1 June 2022 is a Wednesday
    assert weeks.value("events", week=date(2022, 5, 30)) == 2
    assert a.counts("month").value("events", month=date(2022, 6, 1)) == 3


def test_unknown_dimension_is_a_user_error(make_analysis):
    a = make_analysis([event("2022-01-01")])
    with pytest.raises(InputError, match="cannot group by"):
        a.counts("colour")


def test_exact_actor_match_with_equals_sign(make_analysis):
    a = make_analysis([event("2022-01-01", "IS", "Civilians"), event("2022-01-02", "Islamic Movement", None)])
    assert a.count(actor1="=IS").events_count == 1
    # without the registry a name matches stored names of the same spelling, else whole words of them:
    # never a part of a word ("is" is not in "Islamic")
    assert a.count(actor1="is").events_count == 1
    assert a.count(actor1="Islamic").events_count == 1


def test_trend_zero_fills_and_bands_changes(make_analysis):
    rows = [event("2022-01-05")] * 0
    rows += [event(f"2022-01-{d:02d}") for d in range(1, 11)]  # 10 in January
    rows += [event(f"2022-03-{d:02d}") for d in range(19, 32)]  # 13 in March, none in February
    a = make_analysis(rows)
    t = a.trend("month", date_from=date(2022, 1, 1), date_to=date(2022, 3, 31))
    assert [r["events"] for r in t.rows()] == [10, 0, 13]
    assert t.value("band", month=date(2022, 2, 1)) == "large decrease"
    assert t.value("band", month=date(2022, 3, 1)) == "large increase"  # from zero
    assert t.events(month=date(2022, 3, 1)).num_rows == 13


@pytest.mark.parametrize(("pct", "band"), [(30, "large increase"), (25, "moderate increase"),
                                          (10.5, "moderate increase"), (10, "limited change"),
                                          (-25, "limited change"), (-25.1, "large decrease")])
def test_acled_trend_bands(pct, band):
    from ruydad.analysis import trend_band

    assert trend_band(pct) == band


def weekly(admin1: str, end: date, counts: list[int]) -> list[dict]:
    """``counts`` per 7-day window, oldest first, the last window ending on ``end``."""
    rows = []
    for i, n in enumerate(reversed(counts)):
        day = end - timedelta(days=7 * i + 1)
        rows += [event(day, admin1=admin1) for _ in range(n)]
    return rows


def test_acled_surge_rule_and_its_exact_test(make_analysis):
    end = date(2022, 6, 30)
    rows = weekly("Baghlan", end, [2, 2, 2, 2, 5]) + weekly("Kunar", end, [0, 1, 0, 0, 3])
    rows += weekly("Herat", end, [3, 3, 3, 3, 3])
    a = make_analysis(rows)
    s = a.acled_surges(at=end)
    baghlan = s.row(admin1="Baghlan")
    assert baghlan["current"] == 5 and baghlan["baseline_mean"] == 2 and baghlan["rule_surge"]
    assert baghlan["p_value"] == pytest.approx(stats.binomtest(5, 13, 0.2, alternative="greater").pvalue)
    kunar = s.row(admin1="Kunar")
    assert not kunar["rule_surge"]  # ratio 12, but fewer than one event a week before
    assert not s.row(admin1="Herat")["rule_surge"]
    assert s.summary["surges"] == 1
    assert s.events(admin1="Baghlan").num_rows == 5


def test_surges_per_actor(make_analysis):
    end = date(2022, 6, 30)
    rows = [event(end - timedelta(days=d), "AFF", "Taliban") for d in range(6)]
    rows += [event(end - timedelta(days=10 + 7 * w), "AFF", "Taliban") for w in range(4)]
    a = make_analysis(rows)
    s = a.surges("actor", at=end, min_baseline_mean=1.0)
    assert s.row(actor="AFF")["rule_surge"] and s.row(actor="AFF")["current"] == 6
    assert s.row(actor="AFF")["significant"]


def test_negbin_test_is_more_cautious_with_overdispersed_baseline():
    from ruydad.analysis import negbin_p_value

    p_even, r_even = negbin_p_value(8, [3, 3, 3, 3])
    p_lumpy, r_lumpy = negbin_p_value(8, [0, 0, 12, 0])
    assert r_even is None and r_lumpy is not None
    assert p_lumpy > p_even


def test_compare_normalises_by_period_length_with_interval(make_analysis):
    rows = [event(date(2021, 9, 1) + timedelta(days=i * 10)) for i in range(10)]  # 10 in 100 days
    rows += [event(date(2022, 1, 1) + timedelta(days=i)) for i in range(20)]  # 20 in 50 days
    rows += [event(date(2022, 2, 19), "Rioters")]  # the data run to the end of period B
    a = make_analysis(rows)
    c = a.compare(Period(date(2021, 9, 1), date(2021, 12, 9)), Period(date(2022, 1, 1), date(2022, 2, 19)),
                  actor="Taliban")
    assert c.result.count_a == 10 and c.result.count_b == 20
    assert c.result.ratio == pytest.approx(4.0)
    assert c.result.ci_low < 4 < c.result.ci_high
    assert c.result.p_value < 0.001
    assert c.events("a").num_rows == 10


def test_rate_ratio_of_nothing_is_none():
    from ruydad.analysis import rate_ratio

    assert rate_ratio(0, 10, 0, 10).ratio is None
    assert math.isinf(rate_ratio(0, 10, 3, 10).ratio)


def test_attribution_keeps_unidentified_perpetrators(make_analysis):
    vac = {"event_type": "Violence against civilians"}
    rows = [event("2022-02-01", "Taliban", "Civilians", **vac) for _ in range(6)]
    rows += [event("2022-02-02", "Unidentified Armed Group (Afghanistan)", "Civilians", **vac) for _ in range(3)]
    rows += [event("2022-02-03", "IS", "Civilians", **vac)]
    a = make_analysis(rows)
    f = a.attribution(event_type="Violence against civilians")
    assert f.value("share", perpetrator="Taliban") == pytest.approx(0.6)
    assert f.value("share_of_identified", perpetrator="Taliban") == pytest.approx(6 / 7)
    assert f.summary["unidentified_share"] == pytest.approx(0.3)
    lo, hi = f.value("ci_low", perpetrator="Taliban"), f.value("ci_high", perpetrator="Taliban")
    assert lo < 0.6 < hi
    assert f.events(perpetrator="Unidentified").num_rows == 3


def test_attribution_by_family_merges_dataset_names(make_analysis):
    rows = [event("2022-01-01", "Taleban - A faction", "Civilians"), event("2022-01-02", "Taleban", "Civilians")]
    a = make_analysis(rows)
    assert a.attribution(by_family=True).value("events", perpetrator="taleban") == 2


def test_target_profile_counts_hazara_and_shia_targets(make_analysis):
    vac = {"event_type": "Violence against civilians"}
    rows = [event("2022-03-01", "Islamic State (Afghanistan)", "Civilians (Afghanistan)",
                  assoc_actor_2="Hazara Ethnic Group (Afghanistan); Shia Muslim Group (Afghanistan)", **vac)
            for _ in range(10)]
    rows += [event("2022-03-02", "Islamic State (Afghanistan)", "Civilians (Afghanistan)", **vac) for _ in range(8)]
    rows += [event("2022-03-03", "Islamic State (Afghanistan)", "Civilians (Afghanistan)",
                   assoc_actor_2="Journalists (Afghanistan)", **vac),
             event("2022-03-04", "Islamic State (Afghanistan)", "Civilians (Afghanistan)",
                   tags="women targeted: girls", **vac)]
    rows += [event("2022-03-05", "Taliban", "Civilians (Afghanistan)",
                   assoc_actor_2="Former Military Forces of Afghanistan (2004-2021)", **vac)]
    a = make_analysis(rows)
    t = a.targets(actor1="Islamic State")
    assert t.summary["total_events"] == 20
    assert t.value("events", target="hazara_or_shia") == 10
    assert t.value("share", target="hazara_or_shia") == pytest.approx(0.5)
    assert t.value("events", target="journalists") == 1
    assert t.value("events", target="women") == 1
    assert t.value("events", target="civilians") == 20
    assert a.targets().value("events", target="former_security_forces") == 1
    assert t.events(target="hazara_or_shia").num_rows == 10


def test_emerging_actors_first_recorded_in_period(make_analysis):
    rb = {"inter1": "Rebel group", "inter2": "State forces"}
    rows = [event("2021-05-01", "Old Front", "Taliban", **rb), event("2022-02-01", "Old Front", "Taliban", **rb)]
    rows += [event(f"2022-0{m}-01", "New Front", "Taliban", **rb) for m in (3, 4, 5)]
    rows += [event("2022-08-01", "Later Front", "Taliban", **rb)]
    rows += [event("2022-04-01", "Unidentified Armed Group (Afghanistan)", "Taliban",
                   inter1="Political militia", inter2="State forces")]  # no group, so never a new one
    a = make_analysis(rows)
    e = a.emerging_actors("2022H1")
    assert e.table["actor"].to_pylist() == ["New Front"]
    assert e.value("battles", actor="New Front") == 3
    assert e.value("first_event", actor="New Front") == date(2022, 3, 1)
    assert e.summary["battles"] == 3
    assert e.events().num_rows == 3


def test_a_renamed_group_is_not_an_emerging_one(make_analysis):
    mil = {"inter1": "Political militia", "inter2": "State forces"}
    rows = [event("2021-03-01", "Islamic State (Afghanistan)", "Taliban", **mil),
            event("2022-03-01", "Islamic State Khorasan Province (ISKP)", "Taliban", **mil),
            event("2022-04-01", "Kabul Liberation Brigade", "Taliban", **mil)]
    with_registry = make_analysis(rows, resolve_actor=True)  # both IS names are the registry's iskp
    assert with_registry.emerging_actors("2022H1").table["actor"].to_pylist() == ["Kabul Liberation Brigade"]
    by_name = make_analysis(rows)
    assert by_name.emerging_actors("2022H1").table["actor"].to_pylist() == [
        "Islamic State Khorasan Province (ISKP)", "Kabul Liberation Brigade"]


def test_acled_emerging_actor_rule(make_analysis):
    rb = {"inter1": "Rebel group", "inter2": "State forces"}
    rows = [event("2022-06-20", "Fresh Front", "Taliban", **rb),
            event("2022-06-21", "Active Front", "Taliban", **rb),
            event("2022-01-10", "Active Front", "Taliban", **rb),
            event("2022-06-22", "Dormant Front", "Taliban", **rb),
            event("2020-01-10", "Dormant Front", "Taliban", **rb)]
    a = make_analysis(rows)
    e = a.acled_emerging_actors(at=date(2022, 6, 30))
    assert sorted(e.table["actor"].to_pylist()) == ["Dormant Front", "Fresh Front"]


def test_infighting_uses_actor_families(make_analysis):
    rows = [event("2021-10-01", "Taleban - Sarhadi faction", "Taleban - Mudassir faction"),
            event("2022-02-01", "Military Forces of Afghanistan (2021-)", "Police Forces of Afghanistan (2021-)"),
            event("2022-02-02", "Taliban", NRF)]
    a = make_analysis(rows)
    f = a.infighting()
    assert f.summary["total_events"] == 2
    assert f.value("events", family="taleban") == 1
    assert f.events().num_rows == 2
    custom = make_analysis(rows, family_of=lambda n: "same")
    assert custom.infighting().summary["total_events"] == 3


def test_infighting_rate_comparison(make_analysis):
    fight = ("Taleban - A faction", "Taleban - B faction")
    rows = [event(date(2021, 9, 1) + timedelta(days=10 * i), *fight) for i in range(10)]
    rows += [event(date(2022, 1, 1) + timedelta(days=3 * i), *fight) for i in range(60)]
    rows += [event("2022-01-05", "Taliban", NRF)]
    rows += [event("2021-08-15", "Rioters"), event("2022-06-30", "Rioters")]  # the data cover both periods
    a = make_analysis(rows)
    c = a.compare("2021-08-15..2021-12-31", "2022H1", a.infighting_filter())
    assert (c.result.count_a, c.result.count_b) == (10, 60)
    assert c.result.ratio == pytest.approx((60 / 181) / (10 / 139))


def test_compare_refuses_a_period_outside_the_data_and_cuts_a_partial_one(make_analysis):
    rows = [event(date(2022, 1, 1) + timedelta(days=i)) for i in range(30)]  # the data: 2022-01-01..01-30
    a = make_analysis(rows)
    with pytest.raises(NoCoverageError, match="no coverage: period A"):
        a.compare("2021H2", "2022-01")
    c = a.compare("2022-01-01..2022-01-10", "2022-01")  # B runs past the data: counted for 20 of its days
    assert c.period_b == Period(date(2022, 1, 1), date(2022, 1, 30))
    assert c.result.ratio == pytest.approx(1.0)
    assert "cut to the data's coverage" in c.notes[0]


def test_trend_flags_a_last_period_cut_short_by_the_data(make_analysis):
    rows = [event(date(2022, 1, 1) + timedelta(days=i)) for i in range(31)]  # one a day in January
    rows += [event(date(2022, 2, 1))] * 2  # and two on 1 February, the last day recorded
    a = make_analysis(rows)
    t = a.trend("month")
    feb = t.row(month=date(2022, 2, 1))
    assert feb["days"] == 1 and feb["partial"] is True
    assert feb["band"] == "partial month (1 days)"  # not "+1970%, large increase"
    assert t.row(month=date(2022, 1, 1))["partial"] is False


def test_datasets_are_never_summed(make_analysis):
    rows = [event("2022-01-02", "Taliban", "Civilians") for _ in range(3)]
    rows += [event("2022-01-02", "Taleban", "Civilians", dataset="ucdp") for _ in range(2)]
    a = make_analysis(rows)
    by = a.counts("admin1")
    assert sorted((r["dataset"], r["events"], r["share"]) for r in by.rows()) == [("acled", 3, 1.0), ("ucdp", 2, 1.0)]
    assert a.trend("month").keys == ("month", "dataset")
    mixed = a.compare("2022-01-02", "2022-01-02")  # cannot be split: the largest dataset, said so
    assert mixed.result.count_b == 3
    assert "acled (3 events), ucdp (2 events)" in mixed.notes[-1] and "uses acled" in mixed.notes[-1]
    assert a.compare("2022-01-02", "2022-01-02", dataset="ucdp").result.count_b == 2
    fights = a.infighting()
    assert "uses acled" in fights.summary["dataset_note"]


def test_cross_border_finds_foreign_state_forces(make_analysis):
    rows = [event("2022-04-16", "Military Forces of Pakistan (2018-)", "Civilians (Afghanistan)",
                  event_type="Explosions/Remote violence", sub_event_type="Air/drone strike", admin1="Khost"),
            event("2022-05-01", "Military Forces of Iran (1989-)", "Military Forces of Afghanistan (2021-)",
                  admin1="Nimroz"),
            event("2022-05-02", "Military Forces of Afghanistan (2021-)", NRF),
            event("2022-05-03", "Government of Pakistan", "Government of Afghanistan")]
    a = make_analysis(rows)
    f = a.cross_border()
    assert f.summary["total_events"] == 3
    assert f.summary["strikes"] == 1
    assert f.summary["foreign_states"] == ["Iran", "Pakistan"]
    assert f.events(foreign_state="Pakistan").num_rows == 2


@pytest.mark.parametrize(("text", "start", "end"), [
    ("2022H1", date(2022, 1, 1), date(2022, 6, 30)), ("2022Q4", date(2022, 10, 1), date(2022, 12, 31)),
    ("2022-02", date(2022, 2, 1), date(2022, 2, 28)), ("2021-08-15..2021-12-31", date(2021, 8, 15), date(2021, 12, 31)),
])
def test_period_parsing(text, start, end):
    assert Period.parse(text) == Period(start, end)


def test_bad_period_says_how_to_write_one():
    with pytest.raises(InputError, match=r"FROM\.\.TO"):
        Period.parse("last spring")


@pytest.mark.parametrize(("name", "family"), [
    ("Taleban - Sarhadi faction", "taleban"), ("NRF: National Resistance Front", "nrf"),
    ("Military Forces of Afghanistan (2021-)", "forces of afghanistan (2021-)"),
    ("Government of Afghanistan", "forces of afghanistan"), ("Islamic State (Afghanistan)", "islamic state"),
])
def test_name_family(name, family):
    assert name_family(name) == family


def test_filters_and_keywords_are_exclusive(make_analysis):
    a = make_analysis([event("2022-01-01")])
    with pytest.raises(TypeError):
        a.count(Filters(actor="x"), actor="y")
