"""Dataset readers: how each dataset's file layout maps onto the event model.

A reader is data plus SQL: the columns that identify its layout, the columns it needs, and
for each model column a DuckDB expression over the raw text columns. Mapping in SQL (not in a
Python loop) is what lets a million-row export ingest in seconds. Adding a dataset means
registering one more :class:`Reader`; the pipeline (validation, quarantine, upsert,
revisions) is shared.

UCDP mapping (documented for users in docs/datasets.md):

- ``type_of_violence`` 1 (state-based) and 2 (non-state) -> Battles / Armed clash;
  3 (one-sided) -> Violence against civilians / Attack with civilian_targeting set.
- ``side_a`` -> actor1, ``side_b`` -> actor2. "Government of <the event's country>" is State
  forces, "Government of <another country>" is External/Other forces, "Civilians" is Civilians;
  the non-government side of a state-based conflict is a Rebel group; other sides are left
  without a category rather than guessed.
- ``best`` / ``low`` / ``high`` -> fatalities / fatalities_low / fatalities_high.
- ``date_prec`` 1 -> time_precision 1, 2-3 -> 2, 4-5 -> 3; ``where_prec`` 1 -> geo_precision 1,
  2-3 -> 2, 4-7 -> 3.
- ``adm_1`` / ``adm_2`` lose UCDP's " province" / " district" suffixes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

MappingFn = Callable[[frozenset[str]], dict[str, str]]


@dataclass(frozen=True)
class Reader:
    name: str
    dataset: str
    description: str
    signature: frozenset[str]
    required: frozenset[str]
    mapping: MappingFn
    ingest_command: str

    def matches(self, columns: frozenset[str]) -> bool:
        return self.signature <= columns


def col(name: str, present: frozenset[str]) -> str:
    """SQL for a raw column, NULL when the file does not have it (optional columns)."""
    if name not in present:
        return "NULL"
    return f"nullif(trim(r.\"{name}\"), '')"


def _acled_mapping(present: frozenset[str]) -> dict[str, str]:
    from ruydad.model import ACLED_COLUMN_NAMES

    mapping = {name: col(name, present) for name in ACLED_COLUMN_NAMES}
    mapping["dataset_event_id"] = col("event_id_cnty", present)
    mapping["fatalities_low"] = "NULL"
    mapping["fatalities_high"] = "NULL"
    mapping["event_date_end"] = "NULL"
    mapping["country_code"] = "NULL"
    return mapping


def _ucdp_side_category(side: str, violence_type: str, country: str) -> str:
    return (
        f"CASE WHEN {side} IS NULL THEN NULL "
        f"WHEN {side} = 'Civilians' THEN 'Civilians' "
        f"WHEN {side} = 'Government of ' || {country} THEN 'State forces' "
        f"WHEN starts_with({side}, 'Government of ') THEN 'External/Other forces' "
        f"WHEN {violence_type} = '1' THEN 'Rebel group' ELSE NULL END"
    )


def _ucdp_common(violence_type: str, side_a: str, side_b: str, country: str) -> dict[str, str]:
    return {
        "disorder_type": "'Political violence'",
        "event_type": (
            f"CASE {violence_type} WHEN '1' THEN 'Battles' WHEN '2' THEN 'Battles' "
            f"WHEN '3' THEN 'Violence against civilians' "
            f"ELSE 'UCDP type_of_violence ' || coalesce({violence_type}, '(empty)') END"
        ),
        "sub_event_type": (
            f"CASE {violence_type} WHEN '1' THEN 'Armed clash' WHEN '2' THEN 'Armed clash' "
            f"WHEN '3' THEN 'Attack' END"
        ),
        "civilian_targeting": f"CASE WHEN {violence_type} = '3' THEN 'Civilian targeting' END",
        "actor1": side_a,
        "actor2": side_b,
        "inter1": _ucdp_side_category(side_a, violence_type, country),
        "inter2": _ucdp_side_category(side_b, violence_type, country),
        "assoc_actor_1": "NULL",
        "assoc_actor_2": "NULL",
        "interaction": "NULL",
        "country": country,
        "iso": "NULL",
        "country_code": "NULL",
        "tags": "NULL",
        "source_scale": "NULL",
        "admin3": "NULL",
    }


def _strip_suffix(expr: str, suffixes: str) -> str:
    return f"nullif(trim(regexp_replace({expr}, '\\s+({suffixes})$', '', 'i')), '')"


def _ucdp_ged_mapping(present: frozenset[str]) -> dict[str, str]:
    def c(name: str) -> str:
        return col(name, present)

    mapping = _ucdp_common(c("type_of_violence"), c("side_a"), c("side_b"), c("country"))
    mapping.update({
        "dataset_event_id": c("id"),
        "event_id_cnty": f"'UCDP-' || {c('id')}",
        "event_date": c("date_start"),
        "event_date_end": c("date_end"),
        "year": c("year"),
        "time_precision": (
            f"CASE {c('date_prec')} WHEN '1' THEN '1' WHEN '2' THEN '2' WHEN '3' THEN '2' "
            f"WHEN '4' THEN '3' WHEN '5' THEN '3' END"
        ),
        "region": c("region"),
        "admin1": _strip_suffix(c("adm_1"), "province|region|state|governorate|oblast"),
        "admin2": _strip_suffix(c("adm_2"), "district|municipality"),
        "location": c("where_coordinates"),
        "latitude": c("latitude"),
        "longitude": c("longitude"),
        "geo_precision": (
            f"CASE WHEN {c('where_prec')} = '1' THEN '1' WHEN {c('where_prec')} IN ('2', '3') THEN '2' "
            f"WHEN {c('where_prec')} IN ('4', '5', '6', '7') THEN '3' END"
        ),
        "source": c("source_office"),
        "notes": c("source_headline"),
        "fatalities": c("best"),
        "fatalities_low": c("low"),
        "fatalities_high": c("high"),
        "timestamp": "NULL",
    })
    return mapping


def _ucdp_aec_mapping(present: frozenset[str]) -> dict[str, str]:
    def c(name: str) -> str:
        return col(name, present)

    violence_type = (
        f"(CASE WHEN {c('side_b_name')} = 'Civilians' THEN '3' "
        f"WHEN starts_with({c('side_a_name')}, 'Government of ') THEN '1' ELSE '2' END)"
    )
    deaths = " + ".join(
        f"coalesce(TRY_CAST({c(n)} AS INTEGER), 0)"
        for n in ("deaths_side_a", "deaths_side_b", "deaths_civilian", "deaths_unknown")
    )
    start, end = c("start_date"), c("end_date")
    span = f"date_diff('day', TRY_CAST({start} AS DATE), TRY_CAST({end} AS DATE))"
    mapping = _ucdp_common(violence_type, c("side_a_name"), c("side_b_name"), c("location_root_name"))
    mapping.update({
        "dataset_event_id": c("id"),
        "event_id_cnty": f"'UCDP-' || {c('id')}",
        "event_date": start,
        "event_date_end": end,
        "year": "NULL",
        "time_precision": (
            f"CASE WHEN {span} IS NULL THEN NULL WHEN {span} = 0 THEN '1' WHEN {span} <= 6 THEN '2' "
            f"ELSE '3' END"
        ),
        "region": "NULL",
        "admin1": _strip_suffix(c("location_adm1_name"), "province|region|state|governorate|oblast"),
        "admin2": _strip_suffix(c("location_adm2_name"), "district|municipality"),
        "location": c("location_where_name"),
        "latitude": "NULL",
        "longitude": "NULL",
        "geo_precision": (
            f"CASE WHEN {c('location_adm2_name')} IS NOT NULL THEN '2' "
            f"WHEN {c('location_adm1_name')} IS NOT NULL THEN '3' END"
        ),
        "source": "'UCDP GED (via UCDP-AEC)'",
        "notes": "NULL",
        "fatalities": f"CAST(({deaths}) AS VARCHAR)",
        "fatalities_low": c("deaths_low"),
        "fatalities_high": c("deaths_high"),
        "timestamp": "NULL",
    })
    return mapping


ACLED = Reader(
    name="acled",
    dataset="acled",
    description="ACLED export (CSV from the Data Export Tool or the API)",
    signature=frozenset({"event_id_cnty", "event_date", "event_type", "actor1"}),
    required=frozenset({"event_id_cnty", "event_date", "event_type", "actor1", "country"}),
    mapping=_acled_mapping,
    ingest_command="ruydad ingest acled",
)
UCDP_GED = Reader(
    name="ucdp-ged",
    dataset="ucdp",
    description="UCDP Georeferenced Event Dataset (GED) CSV or API rows",
    signature=frozenset({"id", "type_of_violence", "side_a", "side_b", "date_start", "best"}),
    required=frozenset({"id", "type_of_violence", "side_a", "side_b", "date_start", "best", "country"}),
    mapping=_ucdp_ged_mapping,
    ingest_command="ruydad ingest ucdp",
)
UCDP_AEC = Reader(
    name="ucdp-aec",
    dataset="ucdp",
    description="UCDP-AEC event records (UCDP GED events with side names and deaths by side)",
    signature=frozenset({"id", "side_a_name", "side_b_name", "start_date", "deaths_low", "deaths_high"}),
    required=frozenset({"id", "side_a_name", "side_b_name", "start_date", "location_root_name"}),
    mapping=_ucdp_aec_mapping,
    ingest_command="ruydad ingest ucdp",
)

READERS: dict[str, Reader] = {}


def register_reader(reader: Reader) -> None:
    """Make a dataset layout known to ``ingest`` and to wrong-dataset detection."""
    READERS[reader.name] = reader


for _reader in (ACLED, UCDP_GED, UCDP_AEC):
    register_reader(_reader)


def readers_for(dataset: str) -> list[Reader]:
    return [r for r in READERS.values() if r.dataset == dataset or r.name == dataset]


def identify(columns: frozenset[str]) -> Reader | None:
    """The registered reader whose signature the header matches, if any."""
    for reader in READERS.values():
        if reader.matches(columns):
            return reader
    return None
