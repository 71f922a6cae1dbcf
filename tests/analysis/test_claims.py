"""Claims against evidence: verdicts on hand-built stores where the right verdict is known."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from ruydad.analysis import Filters, Period
from ruydad.analysis.claims import (
    CANNOT_CHECK,
    CONTRADICTED,
    SUPPORTED,
    CountClaim,
    PlaceClaim,
    RatioClaim,
    ShareClaim,
    check,
    claimed_interval,
    parse_claim,
)
from ruydad.errors import InputError
from tests.analysis.stores import event

NRF = "NRF: National Resistance Front"
H1 = Filters(date_from=date(2022, 1, 1), date_to=date(2022, 6, 30))


def nrf_store(make_analysis, n: int):
    rows = [event(date(2022, 1, 1) + timedelta(days=i % 180), "Taliban", NRF,
                  admin1="Baghlan" if i % 3 else "Panjshir") for i in range(n)]
    rows += [event("2022-02-01", "Taliban", "Civilians", event_type="Violence against civilians")]
    return make_analysis(rows)


@pytest.mark.parametrize(("n", "verdict"), [(280, SUPPORTED), (300, SUPPORTED), (320, CONTRADICTED),
                                            (100, CONTRADICTED)])
def test_up_to_300_clashes(make_analysis, n, verdict):
    a = nrf_store(make_analysis, n)
    v = check(a, parse_claim("up to 300 clashes NRF 2022-01-01..2022-06-30"))
    assert v.verdict == verdict
    assert v.figure == n
    assert v.events().num_rows == n


def test_count_claim_without_data_cannot_be_checked(make_analysis):
    a = nrf_store(make_analysis, 5)
    v = check(a, parse_claim("up to 300 clashes NRF 2019H1"))
    assert v.verdict == CANNOT_CHECK


def test_at_least_and_over_are_strict_as_written(make_analysis):
    a = nrf_store(make_analysis, 40)
    assert check(a, CountClaim(40, "at least", filters=H1.but(actor="NRF"))).verdict == SUPPORTED
    assert check(a, CountClaim(40, "over", filters=H1.but(actor="NRF"))).verdict == CONTRADICTED


@pytest.mark.parametrize(("qualifier", "interval"), [
    ("about", (270, 330)), ("nearly", (270, 300)), ("up to", (150, 300)), ("at least", (300, float("inf"))),
])
def test_qualifier_intervals(qualifier, interval):
    lo, hi, _, _ = claimed_interval(300, qualifier)
    assert (lo, hi) == pytest.approx(interval)


def test_unknown_qualifier_is_an_error():
    with pytest.raises(InputError, match="unknown qualifier"):
        claimed_interval(3, "sort of")


def test_province_count_claim(make_analysis):
    a = nrf_store(make_analysis, 30)
    v = check(a, CountClaim(6, "", "provinces", filters=H1.but(actor="NRF")))
    assert v.verdict == CONTRADICTED and v.figure == 2


def test_place_claim_against_recorded_provinces(make_analysis):
    a = nrf_store(make_analysis, 30)
    v = check(a, PlaceClaim("NRF", ("Panjshir", "Baghlan")))
    assert v.verdict == SUPPORTED
    v = check(a, PlaceClaim("NRF", ("Panjshir", "Baghlan", "Kandahar")))
    assert v.verdict == CONTRADICTED
    assert v.figure["Kandahar"] == 0
    assert "Kandahar" in v.reason
    assert check(a, PlaceClaim("Watandost Front", ("Kabul",))).verdict == CANNOT_CHECK


def test_ratio_claim_uses_the_confidence_interval(make_analysis):
    fight = ("Taleban - A faction", "Taleban - B faction")
    rows = [event(date(2021, 8, 20) + timedelta(days=9 * i), *fight) for i in range(15)]  # 15 in 139 days
    rows += [event(date(2022, 1, 1) + timedelta(days=3 * i), *fight) for i in range(58)]  # 58 in 181 days
    rows += [event(date(2021, 8, 15), "Police Forces", "Rioters"), event(date(2022, 6, 30), "Rioters", None)]
    a = make_analysis(rows)  # the data cover 2021-08-15..2022-06-30: both periods whole
    claim = parse_claim("nearly quadruple infighting", periods=["2021-08-15..2021-12-31", "2022H1"])
    assert isinstance(claim, RatioClaim) and claim.kind == "infighting"
    v = check(a, claim)
    assert v.figure == pytest.approx((58 / 181) / (15 / 139))  # 2.97: "nearly quadruple" is generous
    assert v.details["ci_low"] < 3 < v.details["ci_high"]
    assert v.verdict == SUPPORTED  # 3.6-4 overlaps the interval 1.7-5.4
    v10 = check(a, RatioClaim(10, Period.parse("2021-08-15..2021-12-31"), Period.parse("2022H1"), "about",
                              "infighting"))
    assert v10.verdict == CONTRADICTED


def test_share_claim_with_unidentified_perpetrators(make_analysis):
    vac = {"event_type": "Violence against civilians", "civilian_targeting": "Civilian targeting"}
    rows = [event("2022-02-01", "Taliban", "Civilians", **vac) for _ in range(59)]
    rows += [event("2022-02-02", "Unidentified Armed Group (Afghanistan)", "Civilians", **vac) for _ in range(41)]
    a = make_analysis(rows)
    v = check(a, parse_claim("around 59% Taliban 2022"))
    assert isinstance(v, object) and v.verdict == SUPPORTED
    assert v.figure == pytest.approx(0.59)
    assert "41 have no identified perpetrator" in v.reason
    # 90% fits the share of events with an identified perpetrator (59 of 59), not of all events: the
    # claim does not say which it means, so it is not contradicted either
    v90 = check(a, ShareClaim(0.9, "Taliban", "about", Filters(civilian_targeting=True)))
    assert v90.verdict == CANNOT_CHECK and "does not say which" in v90.reason
    assert check(a, ShareClaim(0.2, "Taliban", "about", Filters(civilian_targeting=True))).verdict == CONTRADICTED


def test_cross_border_and_emerging_claims_parse_to_their_kind(make_analysis):
    rows = [event(f"2022-0{1 + i % 6}-0{1 + i % 9}", "Military Forces of Pakistan (2018-)", "Civilians (Afghanistan)",
                  event_type="Explosions/Remote violence", sub_event_type="Air/drone strike") for i in range(42)]
    rows += [event("2022-03-01", f"Front {i}", "Taliban", inter1="Rebel group") for i in range(9)]
    a = make_analysis(rows)
    assert check(a, parse_claim("over 40 cross-border incidents 2022H1")).verdict == SUPPORTED
    v = check(a, parse_claim("at least nine other armed groups emerged 2022H1".replace("nine", "9")))
    assert v.verdict == SUPPORTED and v.figure == 9


def test_parse_claim_needs_a_figure():
    with pytest.raises(InputError, match="no figure"):
        parse_claim("the NRF is strong")


def test_place_claim_on_sample_uses_gazetteer_spellings(sample):
    v = check(sample, PlaceClaim("NRF", ("Panjshir", "Baghlan")))
    assert v.verdict == SUPPORTED  # UCDP writes "Panjsher"; the gazetteer knows both spellings


def test_stored_place_claims_board(tmp_path):
    from ruydad.actors import save_seed_claims
    from ruydad.analysis import Analysis
    from ruydad.analysis.claims import place_claims_board
    from ruydad.ingest import ingest_file
    from ruydad.store import Store
    from tests.analysis.stores import SAMPLE

    with Store.open(tmp_path / "claims.duckdb") as store:
        ingest_file(store, SAMPLE, "ucdp")
        save_seed_claims(store, "afghanistan")
        board = place_claims_board(Analysis.from_store(store))
        nrf = [e for e in board if e.actor == "nrf" and e.claimed_by == "Ali Maisam Nazary"]
        assert nrf and nrf[0].verdict.verdict == SUPPORTED  # Panjshir and Andarab both have NRF events
        aff = [e for e in board if e.actor == "aff"]
        assert aff and aff[0].verdict.verdict == CONTRADICTED


def test_stored_claim_by_id_and_extracted_statistic(tmp_path):
    from types import SimpleNamespace

    from ruydad.actors import save_seed_claims
    from ruydad.analysis import Analysis
    from ruydad.analysis.claims import statistic_claim, stored_claim, stored_claims
    from ruydad.ingest import ingest_file
    from ruydad.store import Store
    from tests.analysis.stores import SAMPLE

    with Store.open(tmp_path / "claims.duckdb") as store:
        ingest_file(store, SAMPLE, "ucdp")
        save_seed_claims(store, "afghanistan")
        a = Analysis.from_store(store)
        rows = stored_claims(a).to_pylist()
        place_row = next(r for r in rows if r["predicate"] == "operates_in" and r["subject_actor_id"] == "nrf")
        claim = stored_claim(a, place_row["claim_id"])
        assert isinstance(claim, PlaceClaim) and claim.actor == "nrf"
        assert check(a, claim).verdict == SUPPORTED
        with pytest.raises(InputError, match="no stored claim"):
            stored_claim(a, "no-such-claim")
        stat = SimpleNamespace(value=300, qualifier="up to", unit="clashes", measure=None, event_type="Battles",
                               actor="NRF", period_start=date(2022, 1, 1), period_end=date(2022, 6, 30),
                               sentence="up to 300 clashes reported in the first six months")
        v = check(a, statistic_claim(stat))
        assert v.verdict == CONTRADICTED and v.figure == 2
        # The article attributes the figure to ACLED: held against ACLED's events (none here), not UCDP's.
        stat.attributed_to = "ACLED"
        acled = statistic_claim(stat)
        assert acled.filters.dataset == "acled"
        assert check(a, acled).verdict == CANNOT_CHECK
        stat.attributed_to = "Newsweek reporting"
        assert statistic_claim(stat).filters.dataset is None
        typed = parse_claim("up to 300 clashes NRF 2022H1 per ACLED")
        assert typed.filters.dataset == "acled" and typed.filters.actor == "NRF"
        verdict = check(a, typed)
        assert verdict.verdict == CANNOT_CHECK
        assert "from other datasets (ucdp" in verdict.reason


def test_most_in_places_claim(make_analysis):
    from ruydad.analysis.claims import MostInClaim

    a = nrf_store(make_analysis, 30)  # 20 in Baghlan, 10 in Panjshir, 1 civilian event in Kabul
    f = H1.but(actor="NRF", event_type="Battles")
    v = check(a, MostInClaim(("Baghlan", "Panjshir"), f))
    assert v.verdict == SUPPORTED and v.figure == 1.0
    v = check(a, MostInClaim(("Panjshir",), f))
    assert v.verdict == CONTRADICTED and v.figure == pytest.approx(1 / 3)
    assert "Baghlan 20" in v.reason
