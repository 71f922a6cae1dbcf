-- Version 18: two smaller summary tables (ruydad.store.summary): totals per dataset, month and country,
-- and counts per month of the actor columns. The tables are declared in ruydad/store/schema.py and created
-- from there; this file fills them from the summary tables a store already has (the same statements as
-- summary.ROLLUP_SQL).

INSERT INTO summary_totals (dataset, month, country, country_code, first_day, last_day, events, fatalities, fatalities_low, fatalities_high) SELECT dataset, month, country, country_code, min(first_day), max(last_day), sum(events) AS events, sum(fatalities) AS fatalities, sum(fatalities_low) AS fatalities_low, sum(fatalities_high) AS fatalities_high FROM summary_months m WHERE TRUE GROUP BY dataset, month, country, country_code;

INSERT INTO summary_actor_months (dataset, month, country, country_code, inter1, inter2, actor1, actor2, assoc_actor_1, assoc_actor_2, first_day, last_day, events, fatalities, fatalities_low, fatalities_high) SELECT dataset, CAST(date_trunc('month', event_date) AS DATE), country, country_code, inter1, inter2, actor1, actor2, assoc_actor_1, assoc_actor_2, min(event_date), max(event_date), sum(events) AS events, sum(fatalities) AS fatalities, sum(fatalities_low) AS fatalities_low, sum(fatalities_high) AS fatalities_high FROM summary_days d WHERE TRUE GROUP BY dataset, CAST(date_trunc('month', event_date) AS DATE), country, country_code, inter1, inter2, actor1, actor2, assoc_actor_1, assoc_actor_2;
