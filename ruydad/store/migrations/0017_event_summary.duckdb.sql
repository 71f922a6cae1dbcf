-- DuckDB: the summary's state row (the events it counts).

INSERT INTO summary_state (version, summary_events) SELECT 1, coalesce(sum(events), 0) FROM summary_months;
