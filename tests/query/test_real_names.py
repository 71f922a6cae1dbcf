"""The query model on actor and place names as ACLED and UCDP really write them (issue: one question,
one answer). Each test is a case that answered wrongly before the query model."""

from __future__ import annotations

from datetime import date

import pytest

from ruydad.analysis import Analysis
from ruydad.errors import InputError
from ruydad.query import AMBIGUOUS, MATCHED, NO_EVENTS, UNKNOWN, Filters
from ruydad.store import Store

VAC_SINCE_TAKEOVER = Filters(event_type="Violence against civilians", date_from=date(2021, 8, 15),
                             date_to=date(2022, 6, 30))


def ids(table) -> set[tuple[str, str]]:
    return set(zip(table["dataset"].to_pylist(), table["dataset_event_id"].to_pylist(), strict=True))


def test_nrf_matches_acled_and_ucdp_names_and_says_so(both: Store) -> None:
    query = both.query(actor="NRF")
    (_field, term), = query.actors
    assert term.status == MATCHED and term.registry_id == "nrf"
    names = {(n.dataset, n.name) for n in term.names}
    assert ("acled", "National Resistance Front") in names and ("ucdp", "NRF") in names
    line = query.describe()[0]
    assert '"National Resistance Front" (acled, 290 events)' in line and '"NRF" (ucdp' in line
    assert both.count_events(query) == both.count_events(actor="National Resistance Front of Afghanistan")
    assert both.count_events(actor="NRF", dataset="acled") == 290


def test_aff_finds_acled_events(both: Store) -> None:
    assert both.count_events(actor="AFF", dataset="acled") == 20


def test_events_and_stats_select_the_same_events(both: Store) -> None:
    a = Analysis.from_store(both)
    for f in (Filters(actor="Taliban"), Filters(actor="NRF", admin1="Panjshir"), Filters(admin1="Panjsher"),
              Filters(actor1="ISKP", date_from=date(2022, 1, 1)), Filters(country="AFG", dataset="ucdp")):
        listed = ids(both.events(f))
        assert listed == ids(a.events(f)), f
        assert sum(r["events"] for r in a.counts("dataset", f).rows()) == len(listed), f


def test_a_province_is_one_unit_whatever_the_spelling(both: Store) -> None:
    by_spelling = {name: ids(both.events(admin1=name)) for name in ("Panjshir", "Panjsher", "AF-PAN", "AF08")}
    assert len({frozenset(v) for v in by_spelling.values()}) == 1
    assert {d for d, _ in by_spelling["Panjshir"]} == {"acled", "ucdp"}  # UCDP writes "Panjsher"
    rows = Analysis.from_store(both).counts("admin1").rows()  # per dataset, each unit under one name
    for dataset in ("acled", "ucdp"):
        names = [r["admin1"] for r in rows if r["dataset"] == dataset]
        assert len(names) == len(set(names))
        assert len({"Panjshir", "Panjsher"} & set(names)) == 1  # the gazetteer's name for both spellings


def test_taliban_share_of_violence_against_civilians_is_acleds_59_percent(both: Store) -> None:
    a = Analysis.from_store(both)
    acled = a.attribution(VAC_SINCE_TAKEOVER.but(dataset="acled"), of="Taliban")
    assert acled.value("events", perpetrator="Taliban") == 59
    assert acled.summary["of_events"] == 59 and acled.summary["of_share"] == pytest.approx(0.59)
    mixed = a.attribution(VAC_SINCE_TAKEOVER, of="Taliban")  # never summed: one answer per dataset
    assert mixed.keys == ("dataset", "perpetrator")
    assert mixed.summary["per_dataset"]["acled"]["of_share"] == pytest.approx(0.59)
    assert "ucdp" in mixed.summary["per_dataset"]
    by_family = a.attribution(VAC_SINCE_TAKEOVER.but(dataset="acled"), of="Taliban", by_family=True)
    assert by_family.summary["of_events"] == 59


def test_datasets_are_answered_separately(both: Store) -> None:
    rows = Analysis.from_store(both).counts([], actor="NRF", event_type="Battles").rows()
    assert {r["dataset"] for r in rows} == {"acled", "ucdp"}


def test_misspelt_codebook_names_are_errors_with_the_closest(both: Store) -> None:
    with pytest.raises(InputError, match="did you mean 'Battles'"):
        both.query(event_type="Battle")
    with pytest.raises(InputError, match=r"unknown dataset 'acledd'.*'acled'"):
        both.query(dataset="acledd")
    with pytest.raises(InputError, match="sub-event type"):
        both.query(sub_event_type="Armed clashes x")
    assert both.count_events(dataset="ACLED") == both.count_events(dataset="acled") > 0


def test_a_known_actor_without_events_and_an_unknown_name_are_said_so(both: Store) -> None:
    none = both.query(actor="Watandost Front")
    assert none.actors[0][1].status == NO_EVENTS and none.problems
    assert both.count_events(none) == 0
    unknown = both.query(actor="Zzyzx Brigade")
    assert unknown.actors[0][1].status == UNKNOWN and "no actor of that name" in unknown.problems[0]


def test_government_of_afghanistan_is_dated(both: Store) -> None:
    ctx = both.query_context()
    assert ctx.actors.registry_of("ucdp", "Government of Afghanistan", date(2022, 1, 1)) == ["iea"]
    assert ctx.actors.registry_of("ucdp", "Government of Afghanistan", date(2015, 1, 1)) == ["ira"]
    taliban = both.events(actor="Taliban", dataset="ucdp")
    government = [d for a1, a2, d in zip(taliban["actor1"].to_pylist(), taliban["actor2"].to_pylist(),
                                         taliban["event_date"].to_pylist(), strict=True)
                  if "Government of Afghanistan" in (a1, a2) and "Taleban" not in (a1, a2)]
    # the Taliban's state (1996-2001 and since 15 August 2021), never the Islamic Republic in between
    assert government and not [d for d in government if date(2001, 11, 12) < d < date(2021, 8, 15)]
    assert max(government) >= date(2021, 8, 15)
    term = both.query(actor="Government of Afghanistan").actors[0][1]
    assert term.status == AMBIGUOUS and set(term.candidates) >= {"iea", "ira"}


def test_unmatched_names_are_listed(both: Store) -> None:
    unmatched = {(d, n) for d, n, _ in both.query_context().actors.unmatched()}
    assert ("acled", "National Resistance Front") not in unmatched
    assert all(isinstance(n, str) and n for _, n in unmatched)


def test_brief_on_two_datasets_uses_one_and_never_compares_outside_coverage(both: Store) -> None:
    from ruydad.analysis import Period
    from ruydad.analysis.brief import render_brief

    a = Analysis.from_store(both)
    # ACLED's export starts on 2021-08-15: its baseline for 2021-08-15..2021-12-31 has no coverage
    page = render_brief(a, Period(date(2021, 8, 15), date(2021, 12, 31)), dataset="acled")
    assert "no coverage of" in page and "p = 1.5e-64" not in page and "new" not in page.split("Sources")[0]
    page = render_brief(a, Period(date(2022, 1, 1), date(2022, 6, 30)))
    assert "come from <strong>" in page  # the brief names the one dataset its figures come from


def test_an_article_event_under_the_full_name_is_found_by_the_acronym(tmp_path) -> None:
    from tests.analysis.stores import event, load

    with Store.open(tmp_path / "article.duckdb") as store:
        load(store, [event("2022-08-15", "National Resistance Front of Afghanistan", "Taliban", dataset="article"),
                     event("2022-08-16", "Taliban", None, dataset="article")])
        assert store.count_events(actor="NRF") == 1
        assert store.count_events(actor="National Resistance Front") == 1
        assert Analysis.from_store(store).count(actor="NRF").events_count == 1


@pytest.mark.parametrize("period", ["2022H1", "2021-08-15..2021-12-31", "2022-03"])
def test_the_brief_counts_the_same_events_as_the_store(both: Store, period: str) -> None:
    import re

    from ruydad.analysis import Period
    from ruydad.analysis.brief import render_brief

    p = Period.parse(period)
    page = render_brief(Analysis.from_store(both), p, dataset="acled")
    listed = dict(re.findall(r"(\w+): ([\d,]+) events", page.split("Events in this period by dataset:")[1][:300]))
    for dataset in ("acled", "ucdp"):
        stored = both.count_events(dataset=dataset, date_from=p.start, date_to=p.end)
        assert int(listed.get(dataset, "0").replace(",", "")) == stored
