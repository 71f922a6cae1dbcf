"""The summary tables answer exactly what a scan of the events answers, on DuckDB and PostgreSQL.

Real-format data: the ACLED-format export of tests/data/acled (real ACLED actor naming) and the bundled
UCDP sample, in one store. For random questions (filters and groupings) the figures read from the
summary equal the figures counted from the events, and pages narrowed by the summary equal pages cut
from the sorted events; after every kind of write the summary equals a recount of the events.
"""

from __future__ import annotations

import csv
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from ruydad.analysis import Analysis
from ruydad.ingest import delete_events, ingest_file
from ruydad.model import EVENT_COLUMN_NAMES
from ruydad.query import Filters
from ruydad.store import Store, summary

ROOT = Path(__file__).resolve().parents[2]
ACLED_EXPORT = ROOT / "tests" / "data" / "acled" / "afghanistan_2021-2022_export.csv"
UCDP_SAMPLE = ROOT / "ruydad" / "data" / "sample" / "ucdp_aec_afghanistan.csv"


ACTORS = [None, "NRF", "Taliban", "ISKP", "Civilians", "=Taleban", "Military Forces of Pakistan (2018-)"]
PLACES = [None, "Panjshir", "Panjsher", "AF-PAN", "Kunar", "Nangarhar,Kabul", "AF0806"]
TYPES = [None, "Battles", "Violence against civilians", "Explosions/Remote violence", "Battles,Riots"]
STARTS = [None, date(2021, 1, 1), date(2021, 8, 15), date(2022, 1, 1), date(2022, 3, 1)]
ENDS = [None, date(2021, 12, 31), date(2022, 6, 30), date(2022, 5, 17), date(2022, 11, 30)]
DIMS = [[], ["admin1"], ["admin1_code"], ["event_type"], ["sub_event_type"], ["month"], ["week"], ["day"],
        ["year", "admin1"], ["quarter"], ["actor"], ["actor_category"], ["actor", "month"], ["dataset"],
        ["country"], ["actor1", "actor2"], ["inter1"], ["disorder_type", "admin1_pcode"],
        ["admin2"], ["location"]]

filters_strategy = st.builds(
    lambda actor, admin1, event_type, dataset, start, end, civilians, category, violent: Filters(
        actor=actor, admin1=admin1, event_type=event_type, dataset=dataset, date_from=start,
        date_to=end if start is None or end is None or end >= start else None, civilian_targeting=civilians,
        actor_category=category, violent=violent),
    st.sampled_from(ACTORS), st.sampled_from(PLACES), st.sampled_from(TYPES),
    st.sampled_from([None, "acled", "ucdp"]), st.sampled_from(STARTS), st.sampled_from(ENDS), st.booleans(),
    st.sampled_from([None, None, "Rebel group", "State forces"]), st.booleans())


def _answered(a: Analysis, dims: list[str], f: Filters) -> Any:
    return a.counts(dims, f)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture],
          phases=(Phase.explicit, Phase.reuse, Phase.generate))
@given(f=filters_strategy, dims=st.sampled_from(DIMS), top=st.sampled_from([None, None, 3]))
def test_grouped_counts_from_the_summary_equal_counts_of_the_events(both: Store, f: Filters, dims: list[str],
                                                                    top: int | None) -> None:
    summed = Analysis.from_store(both)
    counted = Analysis.from_store(both)
    counted.use_summary = False
    got = summed.counts(dims, f, top=top)
    want = counted.counts(dims, f, top=top)
    assert got.table.schema == want.table.schema
    assert got.table.to_pylist() == want.table.to_pylist()
    assert got.summary == want.summary and got.matched == want.matched and got.keys == want.keys
    # the summary really answered when the query model says it can (the events table was never opened)
    answerable = dims not in (["admin2"], ["location"])
    assert (summed._table is None) == answerable
    if got.table.num_rows and dims:
        key = {k: got.table[k][0].as_py() for k in got.keys}
        assert got.events(**key).num_rows == want.events(**key).num_rows


def _scan_page(store: Store, f: Filters, limit: int, offset: int) -> Any:
    query = store.query(f)
    return store.con.execute(store._events_sql(list(EVENT_COLUMN_NAMES), query.where(store.SQL_DIALECT),
                                               limit, offset)).arrow().read_all()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture],
          phases=(Phase.explicit, Phase.reuse, Phase.generate))
@given(f=filters_strategy, offset=st.sampled_from([0, 7, 99, 250, 1000, 1013, 1350, 1490, 5000]),
       limit=st.sampled_from([1, 10, 100, 500]))
def test_pages_and_totals_read_with_the_summary_equal_the_scan(both: Store, f: Filters, offset: int,
                                                               limit: int) -> None:
    query = both.query(f)
    page = both.events(query, limit=limit, offset=offset)
    assert page.to_pylist() == _scan_page(both, f, limit, offset).to_pylist()
    row = both.con.execute(f"SELECT count(*) FROM events WHERE {query.where(both.SQL_DIALECT)}").fetchone()
    assert row is not None
    assert both.count_events(query) == int(row[0])


@pytest.mark.parametrize("form", ["rowid", "compact"])
def test_both_forms_of_a_placed_page_equal_the_scan(both: Store, form: str) -> None:
    """A placed page is read in one sorted pass when its window is small (``Store._compact_window``)
    and through its rowids otherwise: each form, forced on every page, gives the scan's rows."""
    if not both.PAGE_BY_ROWID:
        pytest.skip("one form on PostgreSQL: a sorted pass")
    both.COMPACT_HELD, both.COMPACT_WINDOW_ROWS = (0, 0) if form == "rowid" else (10**9, 10**9)  # type: ignore[misc]
    try:
        for f in (Filters(), Filters(event_type="Battles"), Filters(admin1="Panjshir"), Filters(actor="Taliban"),
                  Filters(date_from=date(2022, 1, 1), date_to=date(2022, 6, 30))):
            count = both.count_events(f)
            for limit in (1, 10, 100):
                for offset in sorted({0, 7, count // 2, max(0, count - 5), count + 3}):
                    got = both.events(f, limit=limit, offset=offset).to_pylist()
                    assert got == _scan_page(both, f, limit, offset).to_pylist(), (form, f, limit, offset)
            # keyset pages (placed from the cursor's day back) walk the same order
            walked: list[dict[str, Any]] = []
            page = both.events(f, limit=40).to_pylist()
            while page:
                walked += page
                page = both.events(f, limit=40, after=summary.page_cursor(page[-1])).to_pylist()
            assert walked == _scan_page(both, f, count + 1, 0).to_pylist(), (form, f)
    finally:
        del both.COMPACT_HELD, both.COMPACT_WINDOW_ROWS


def test_a_window_is_compact_when_it_holds_few_rows(both: Store) -> None:
    coverage = both.query_context().catalog.coverage
    first = min(c.first for c in coverage if c.first)
    last = max(c.last for c in coverage if c.last)
    per_day = sum(c.events for c in coverage) / ((last - first).days + 1)
    if not both.PAGE_BY_ROWID:
        assert not both._compact_window(first, last, 10)
        return
    assert both._compact_window(last, last, 10)  # one day
    assert not both._compact_window(last, last, both.COMPACT_HELD + 1)  # too many selected events
    both.COMPACT_WINDOW_ROWS = per_day * 30  # type: ignore[misc]  # about thirty days' rows
    try:
        assert both._compact_window(last - timedelta(days=28), last, 10)
        assert not both._compact_window(last - timedelta(days=31), last, 10)
        # days past the events' last one (or before their first) hold nothing
        assert both._compact_window(last - timedelta(days=28), last + timedelta(days=10_000), 10)
        assert not both._compact_window(first - timedelta(days=10_000), first + timedelta(days=31), 10)
    finally:
        del both.COMPACT_WINDOW_ROWS


def test_a_deep_page_is_read_from_its_days_only(both: Store) -> None:
    total = both.count_events()
    assert total > 1250
    query = both.query(Filters())
    where, skip, window, *_ = summary.narrow_page(both, query, query.where(both.SQL_DIALECT), 50, 1200)
    assert "event_date >=" in window and "event_date <=" in window and window in where and skip < 1200
    narrowed = both.con.execute(both._events_sql(list(EVENT_COLUMN_NAMES), where, 50, skip, window)
                                  ).arrow().read_all()
    assert narrowed.to_pylist() == _scan_page(both, Filters(), 50, 1200).to_pylist()
    # placed on its days (the day totals), not on whole months
    days = narrowed.column("event_date").to_pylist()
    assert f"event_date >= CAST('{min(days).isoformat()}' AS DATE)" in window
    assert f"event_date <= CAST('{max(days).isoformat()}' AS DATE)" in window


def test_store_summary_reads_the_summary_tables(both: Store) -> None:
    found = summary.overview(both)
    assert found is not None
    con = both.con
    by_dataset = {str(d): int(n) for d, n in con.execute(
        "SELECT dataset, count(*) FROM events GROUP BY dataset").fetchall()}
    assert found.by_dataset == by_dataset and found.events == sum(by_dataset.values())
    row = con.execute("SELECT min(event_date), max(event_date) FROM events").fetchone()
    assert row is not None and (found.first_date, found.last_date) == (row[0], row[1])
    countries = sorted(str(r[0]) for r in con.execute(
        "SELECT DISTINCT country FROM events WHERE country IS NOT NULL").fetchall())
    assert found.countries == countries
    assert both.summary().by_dataset == by_dataset


def test_the_query_model_chooses_the_smallest_table_that_answers(both: Store) -> None:
    def source(f: Filters, columns: tuple[str, ...] = (), by_day: bool = False) -> str | None:
        chosen = summary.source_for(both.query(f), columns, by_day=by_day)
        return None if chosen is None else chosen.table

    assert source(Filters()) == summary.TOTAL_TABLE
    assert source(Filters(dataset="acled", date_from=date(2022, 1, 1)), ("event_date",)) == summary.TOTAL_TABLE
    assert source(Filters(), ("admin1",)) == summary.PLACE_MONTH_TABLE  # the map
    assert source(Filters(admin1="Panjshir")) == summary.PLACE_MONTH_TABLE
    assert source(Filters(event_type="Battles"), ("event_date",)) == summary.TYPE_MONTH_TABLE  # types over time
    assert source(Filters(event_type="Battles", admin1="Panjshir", date_from=date(2022, 1, 1),
                          date_to=date(2022, 6, 30))) == summary.MONTH_TABLE  # a place and a type: the months
    assert source(Filters(actor="NRF")) == summary.ACTOR_MONTH_TABLE  # actor names: by month without places
    assert source(Filters(actor="NRF"), ("actor1", "actor2", "event_date")) == summary.ACTOR_MONTH_TABLE
    assert source(Filters(date_from=date(2021, 8, 15))) == summary.DAY_TOTAL_TABLE  # mid-month: days
    assert source(Filters(date_to=date(2022, 6, 29))) == summary.DAY_TOTAL_TABLE
    assert source(Filters(), ("event_date",), by_day=True) == summary.DAY_TOTAL_TABLE
    assert source(Filters(actor="NRF", admin1="Panjshir")) == summary.DAY_TABLE  # actors and places: days
    assert source(Filters(actor="NRF", date_from=date(2021, 8, 15))) == summary.DAY_TABLE
    assert source(Filters(admin1="Panjshir", date_from=date(2021, 8, 15))) == summary.DAY_TABLE
    assert source(Filters(admin2="Paryan")) is None  # districts: only the events have them
    assert source(Filters(), ("location",)) is None


# -- kept current at every write -------------------------------------------------------------------

def _recount(store: Store) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """The summary as it should be, counted from the events now, and as it is."""
    keys = ", ".join(summary.DAY_KEYS)
    sums = ("count(*), sum(fatalities), sum(fatalities_low), sum(fatalities_high)")
    want = store.con.execute(f"SELECT {keys}, {sums} FROM events GROUP BY {keys}").fetchall()
    got = store.con.execute(f"SELECT {keys}, {', '.join(summary.METRICS)} FROM {summary.DAY_TABLE}").fetchall()
    return _sorted(want), _sorted(got)


def _sorted(rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    plain = [tuple(int(v) if isinstance(v, int | Decimal) else v for v in r) for r in rows]  # PostgreSQL sums
    return sorted(plain, key=lambda r: tuple((v is None, str(v)) for v in r))


def _rollup(store: Store, rollup: summary.Rollup) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """A table by month (the months table or a rollup) or a rollup by day, as it should be, counted
    from the events now, and as it is."""
    rest = ", ".join(k for k in rollup.keys if k not in ("month", "event_date"))
    sums = "count(*), sum(fatalities), sum(fatalities_low), sum(fatalities_high)"
    metrics = ", ".join(summary.METRICS)
    if not rollup.by_month:
        want = store.con.execute(
            f"SELECT event_date, {rest}, {sums} FROM events GROUP BY event_date, {rest}").fetchall()
        got = store.con.execute(f"SELECT event_date, {rest}, {metrics} FROM {rollup.table}").fetchall()
        return _sorted(want), _sorted(got)
    month = "CAST(date_trunc('month', event_date) AS DATE)"
    want = store.con.execute(
        f"SELECT {month}, {rest}, min(event_date), max(event_date), {sums} FROM events GROUP BY {month}, {rest}"
    ).fetchall()
    got = store.con.execute(f"SELECT month, {rest}, first_day, last_day, {metrics} FROM {rollup.table}").fetchall()
    return _sorted(want), _sorted(got)


def _assert_current(store: Store) -> None:
    want, got = _recount(store)
    assert got == want
    assert len(summary.ROLLUPS) == 5
    for rollup in (summary.Rollup(summary.MONTH_TABLE, summary.MONTH_KEYS), *summary.ROLLUPS):
        want_r, got_r = _rollup(store, rollup)
        assert got_r == want_r, rollup.table
    found = summary.state(store.con, store.backend)
    assert found is not None and found.current


def _edited_export(tmp_path: Path) -> Path:
    """The ACLED export with some events moved to other days and provinces, fatalities changed,
    one record dropped and one new record."""
    with ACLED_EXPORT.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        fields = list(reader.fieldnames or [])
        rows = list(reader)
    for i, row in enumerate(rows[:40]):
        if i % 3 == 0:
            row["event_date"] = "2022-02-03"
            row["year"] = "2022"
        if i % 3 == 1:
            row["admin1"] = "Kunar"
        row["fatalities"] = str(int(row["fatalities"] or 0) + 2)
    new = dict(rows[0], event_id_cnty="AFG999999", event_date="2022-11-01", year="2022")
    rows.append(new)
    path = tmp_path / "edited.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_the_summary_follows_every_write(store: Store, tmp_path: Path) -> None:
    """``store`` is parametrised over DuckDB and PostgreSQL (tests/store/conftest.py)."""
    empty = summary.version_stamp(store)
    _assert_current(store)
    ingest_file(store, ACLED_EXPORT, "acled")
    _assert_current(store)
    first = summary.version_stamp(store)
    assert first != empty
    report = ingest_file(store, _edited_export(tmp_path), "acled")
    assert report.updated >= 40 and report.stored == 1
    _assert_current(store)
    assert summary.version_stamp(store) != first
    ingest_file(store, UCDP_SAMPLE, "ucdp")
    _assert_current(store)
    ids = [r[0] for r in store.con.execute(
        "SELECT dataset_event_id FROM events WHERE dataset = 'acled' ORDER BY dataset_event_id LIMIT 25").fetchall()]
    delete_events(store, "acled", ids, source="test")
    _assert_current(store)
    assert store.count_events(Filters(dataset="acled")) == store.con.execute(
        "SELECT count(*) FROM events WHERE dataset = 'acled'").fetchone()[0]  # type: ignore[index]


def test_rows_written_outside_a_batch_are_never_answered_from_a_stale_summary(store: Store) -> None:
    ingest_file(store, UCDP_SAMPLE, "ucdp")
    before = summary.version_stamp(store)
    store.con.execute("INSERT INTO events (dataset, dataset_event_id, event_date, event_type) "
                      "VALUES ('acled', 'hand-1', DATE '2022-01-01', 'Battles')")
    found = summary.state(store.con, store.backend)
    assert found is not None and not found.current
    assert summary.version_stamp(store) != before  # the catalog is rebuilt too
    assert summary.count(store, store.query(Filters())) is None
    total = store.con.execute("SELECT count(*) FROM events").fetchone()[0]  # type: ignore[index]
    assert store.count_events() == total
    assert sum(Analysis.from_store(store).counts([]).table["events"].to_pylist()) == total
    # the next batch, of any dataset, recounts what it finds miscounted
    ingest_file(store, UCDP_SAMPLE, "ucdp")
    _assert_current(store)
    assert store.count_events(Filters(dataset="acled")) == 1


def test_page_window_walks_the_counts_newest_first() -> None:
    days = [(date(2022, 3, 5), 4), (date(2022, 3, 4), 3), (date(2022, 3, 1), 10)]
    window = summary.page_window(days, summary.DAYS, 5, 4, 17)
    assert window == summary.Window(date(2022, 3, 1), date(2022, 3, 4), 1, 17)
    assert summary.page_window(days, summary.DAYS, 0, 2, 17) == summary.Window(
        date(2022, 3, 5), date(2022, 3, 5), 0, 17)
    assert summary.page_window(days, summary.DAYS, 17, 5, 17) is None  # past the end: nothing to narrow
    assert summary.page_window([(None, 2), *days], summary.DAYS, 0, 5, 19) is None  # undated events first
    months = [(date(2022, 2, 1), 5)]
    assert summary.page_window(months, summary.MONTHS, 0, 10, 5) == summary.Window(
        date.min, date(2022, 2, 28), 0, 5)
    assert date(2022, 2, 28) + timedelta(days=1) == date(2022, 3, 1)


# -- keyset pages ----------------------------------------------------------------------------------

def _keys(table: Any) -> list[tuple[str, str]]:
    return list(zip(table["dataset"].to_pylist(), table["dataset_event_id"].to_pylist(), strict=True))


@pytest.mark.parametrize("f", [Filters(), Filters(actor="Taliban"), Filters(admin1="Panjshir", dataset="acled")])
def test_keyset_pages_follow_the_offset_pages(both: Store, f: Filters) -> None:
    total = both.count_events(f)
    by_offset = [k for offset in range(0, total, 97) for k in _keys(both.events(f, limit=97, offset=offset))]
    by_cursor: list[tuple[str, str]] = []
    after = None
    while True:
        page = both.events(f, limit=97, after=after)
        by_cursor += _keys(page)
        if page.num_rows < 97:
            break
        after = summary.page_cursor(page.to_pylist()[-1])
    assert len(by_offset) == total
    assert by_cursor == by_offset


def test_http_pages_carry_the_cursor_of_the_next(both: Store) -> None:
    from fastapi.testclient import TestClient

    from ruydad.web import create_app

    client = TestClient(create_app(both, cache=False))
    first = client.get("/api/events", params={"limit": 50, "dataset": "ucdp"}).json()
    second = client.get("/api/events", params={"limit": 50, "dataset": "ucdp", "after": first["next"]}).json()
    by_offset = client.get("/api/events", params={"limit": 50, "dataset": "ucdp", "offset": 50}).json()
    assert [e["dataset_event_id"] for e in second["events"]] == [e["dataset_event_id"] for e in by_offset["events"]]
    assert second["total"] == first["total"]
    bad = client.get("/api/events", params={"after": "not-a-cursor"})
    assert bad.status_code == 400 and "not a page cursor" in bad.json()["detail"]


def test_a_cursor_whose_event_was_deleted_still_continues_right_after_it(backend_store: Store) -> None:
    """The cursor is a position in the page order (day, dataset, id), not a stored row: the next page
    is the same whether or not the cursor's event was deleted meanwhile."""
    both = backend_store
    ingest_file(both, UCDP_SAMPLE, "ucdp")
    last = both.events(limit=10).to_pylist()[-1]
    cursor = summary.page_cursor(last)
    expected = [e["dataset_event_id"] for e in both.events(limit=5, offset=10).to_pylist()]
    assert [e["dataset_event_id"] for e in both.events(limit=5, after=cursor).to_pylist()] == expected
    delete_events(both, "ucdp", [last["dataset_event_id"]], source="test")
    assert [e["dataset_event_id"] for e in both.events(limit=5, after=cursor).to_pylist()] == expected


def test_pages_placed_by_their_dates_equal_the_scan_with_ties_and_undated_events(store: Store) -> None:
    """Pages the summary cannot place (here: rows written outside a batch) are narrowed by sorting the
    selected events' dates first (``Store._page_days``): the same rows, through same-day ties and
    into the events without a date, which sort last."""
    ingest_file(store, UCDP_SAMPLE, "ucdp")
    for i in range(12):  # same-day ties and undated events, so a page can start or end inside either
        day = "NULL" if i % 3 == 0 else "DATE '2019-06-01'"
        store.con.execute("INSERT INTO events (dataset, dataset_event_id, event_date, event_type) "
                          f"VALUES ('acled', 'hand-{i}', {day}, 'Battles')")
    assert summary.count(store, store.query(Filters())) is None  # the summary cannot place these pages
    total = store.count_events()
    for f in (Filters(), Filters(event_type="Battles"), Filters(date_from=date(2019, 1, 1))):
        count = store.count_events(f)
        for limit in (1, 7, 50):
            for offset in sorted({0, 3, count - 60, count - 9, count - 4, count - 1, count, total + 5}):
                if offset < 0:
                    continue
                got = store.events(f, limit=limit, offset=offset).to_pylist()
                assert got == _scan_page(store, f, limit, offset).to_pylist(), (f, limit, offset)


def test_a_request_reads_the_periods_once_for_its_page_and_its_count(
        backend_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """A one-request reader counts a page's events from the periods the page was placed with; a
    store that is not such a reader reads the count afresh (another process may have written)."""
    ingest_file(backend_store, UCDP_SAMPLE, "ucdp")
    counted: list[int] = []
    count_sql = summary.count_sql
    monkeypatch.setattr(summary, "count_sql", lambda *a: counted.append(1) or count_sql(*a))
    expected = [backend_store.count_events(), backend_store.count_events(admin1="Kabul")]
    assert len(counted) == 2
    reader = backend_store.reader()
    try:
        for filters, total in zip(({}, {"admin1": "Kabul"}), expected, strict=True):
            page = reader.events(limit=20, offset=30, **filters).to_pylist()
            assert [e["dataset_event_id"] for e in page] == [
                e["dataset_event_id"] for e in backend_store.events(limit=20, offset=30, **filters).to_pylist()]
            assert reader.count_events(**filters) == total
    finally:
        reader.close()
    assert len(counted) == 2  # the reader's counts came from the periods its pages had read


def test_a_store_summarised_before_the_rollups_gets_them_filled_when_it_opens(tmp_path: Path) -> None:
    """A version-17 store (its summary without the rollups) that already holds events: migration 18
    fills them from its summary, equal to a recount of the events."""
    path = tmp_path / "v17.duckdb"
    with Store.open(path) as store:
        ingest_file(store, ACLED_EXPORT, "acled")
        ingest_file(store, UCDP_SAMPLE, "ucdp")
        for rollup in summary.ROLLUPS:
            store.con.execute(f"DROP TABLE {rollup.table}")
        store.con.execute("DELETE FROM schema_migrations WHERE version = 18")
    with Store.open(path) as store:
        assert store.con.execute(f"SELECT count(*) FROM {summary.TOTAL_TABLE}").fetchone() != (0,)
        _assert_current(store)
        query = store.query(Filters(actor="NRF"))  # a name whose meaning has no dates: read by month
        assert summary.source_for(query) == summary.ACTOR_MONTHS
        assert store.count_events(query) == store.con.execute(
            f"SELECT count(*) FROM events WHERE {query.where(store.SQL_DIALECT)}").fetchone()[0]  # type: ignore[index]


def test_the_catalog_read_from_the_rollups_equals_the_one_counted_from_the_events(both: Store) -> None:
    """Every stored actor name with its first and last day and events, and every dataset's coverage
    by country: the same from the rollups as from a scan of the events (DuckDB and PostgreSQL)."""
    from ruydad.query import Catalog, sql_runner

    run = sql_runner(both.con)
    scanned = Catalog.build(run)
    rolled = Catalog.from_rollups(run, summary.ACTOR_MONTH_TABLE, summary.TOTAL_TABLE)
    assert len(scanned.names) > 20 and len(scanned.coverage) >= 2
    assert sorted(rolled.names, key=repr) == sorted(scanned.names, key=repr)
    assert sorted(rolled.coverage, key=repr) == sorted(scanned.coverage, key=repr)
    assert both.query_context().catalog.datasets == scanned.datasets
