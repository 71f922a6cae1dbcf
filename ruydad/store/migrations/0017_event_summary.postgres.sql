-- PostgreSQL: also counts every statement that writes to events (events_writes, bumped by a statement
-- trigger, lock-free), so a summary that missed a write (rows written by hand) is never read as current.

CREATE SEQUENCE events_writes;

CREATE FUNCTION ruydad_events_written() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM nextval('events_writes');
    RETURN NULL;
END
$$;

CREATE TRIGGER events_written AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON events
    FOR EACH STATEMENT EXECUTE FUNCTION ruydad_events_written();

INSERT INTO summary_state (version, summary_events, writes)
    SELECT 1, coalesce(sum(events), 0), nextval('events_writes') FROM summary_months;  -- a used sequence: last_value moves with the next write
