-- 0017: summary tables, event counts kept current at every write (ruydad/store/summary.py). The tables are
-- declared in ruydad/store/schema.py (created before this runs; IF NOT EXISTS keeps this file self-sufficient);
-- this file fills them from the events a store already holds.
-- summary_days: per dataset, day, place, type and actor names as stored; summary_months: per month
-- without the actors, with each group's first and last day. summary_state: a version stamp moved by
-- every write, and the events the summary counts. PostgreSQL has its own copy of this file, which adds
-- a statement trigger counting writes to events (0017_event_summary.postgres.sql).
CREATE TABLE IF NOT EXISTS summary_days (
    dataset VARCHAR,
    event_date DATE,
    country VARCHAR,
    country_code VARCHAR,
    admin1 VARCHAR,
    admin1_code VARCHAR,
    admin1_pcode VARCHAR,
    event_type VARCHAR,
    sub_event_type VARCHAR,
    disorder_type VARCHAR,
    civilian_targeting VARCHAR,
    inter1 VARCHAR,
    inter2 VARCHAR,
    actor1 VARCHAR,
    actor2 VARCHAR,
    assoc_actor_1 VARCHAR,
    assoc_actor_2 VARCHAR,
    events BIGINT NOT NULL,
    fatalities BIGINT,
    fatalities_low BIGINT,
    fatalities_high BIGINT
);

CREATE TABLE IF NOT EXISTS summary_months (
    dataset VARCHAR,
    month DATE,
    country VARCHAR,
    country_code VARCHAR,
    admin1 VARCHAR,
    admin1_code VARCHAR,
    admin1_pcode VARCHAR,
    event_type VARCHAR,
    sub_event_type VARCHAR,
    disorder_type VARCHAR,
    civilian_targeting VARCHAR,
    first_day DATE,
    last_day DATE,
    events BIGINT NOT NULL,
    fatalities BIGINT,
    fatalities_low BIGINT,
    fatalities_high BIGINT
);

CREATE TABLE IF NOT EXISTS summary_state (
    version BIGINT NOT NULL,
    summary_events BIGINT NOT NULL,
    writes BIGINT
);

-- a store that already holds events gets their counts now
INSERT INTO summary_days (dataset, event_date, country, country_code, admin1, admin1_code, admin1_pcode, event_type, sub_event_type, disorder_type, civilian_targeting, inter1, inter2, actor1, actor2, assoc_actor_1, assoc_actor_2, events, fatalities, fatalities_low, fatalities_high) SELECT dataset, event_date, country, country_code, admin1, admin1_code, admin1_pcode, event_type, sub_event_type, disorder_type, civilian_targeting, inter1, inter2, actor1, actor2, assoc_actor_1, assoc_actor_2, count(*) AS events, sum(fatalities) AS fatalities, sum(fatalities_low) AS fatalities_low, sum(fatalities_high) AS fatalities_high FROM events e WHERE TRUE GROUP BY dataset, event_date, country, country_code, admin1, admin1_code, admin1_pcode, event_type, sub_event_type, disorder_type, civilian_targeting, inter1, inter2, actor1, actor2, assoc_actor_1, assoc_actor_2;

INSERT INTO summary_months (dataset, month, country, country_code, admin1, admin1_code, admin1_pcode, event_type, sub_event_type, disorder_type, civilian_targeting, first_day, last_day, events, fatalities, fatalities_low, fatalities_high) SELECT dataset, CAST(date_trunc('month', event_date) AS DATE), country, country_code, admin1, admin1_code, admin1_pcode, event_type, sub_event_type, disorder_type, civilian_targeting, min(event_date), max(event_date), sum(events) AS events, sum(fatalities) AS fatalities, sum(fatalities_low) AS fatalities_low, sum(fatalities_high) AS fatalities_high FROM summary_days d WHERE TRUE GROUP BY dataset, CAST(date_trunc('month', event_date) AS DATE), country, country_code, admin1, admin1_code, admin1_pcode, event_type, sub_event_type, disorder_type, civilian_targeting;

INSERT INTO summary_state (version, summary_events) SELECT 1, coalesce(sum(events), 0) FROM summary_months;
