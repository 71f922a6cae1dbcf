-- 0016: data-quality notes on a dataset's own values. UCDP GED has events whose high fatality
-- estimate is below the low one: they are real events, stored as the dataset gives them and flagged
-- (quality_flags = 'fatalities_high_below_low') instead of being quarantined.
ALTER TABLE events ADD COLUMN quality_flags VARCHAR;
ALTER TABLE event_revisions ADD COLUMN quality_flags VARCHAR;
