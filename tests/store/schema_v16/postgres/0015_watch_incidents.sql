-- 0015 (PostgreSQL): news sources watched (RSS 2.0, Atom, news sitemaps), the items seen in them and what became
-- of each, a log of every failure held against its source; incidents merged from article reports,
-- with each report's figures and why it joined, and the analyst's split/merge decisions.

CREATE TABLE watch_sources (
    source_id INTEGER PRIMARY KEY,
    url VARCHAR NOT NULL UNIQUE,
    name VARCHAR,                      -- the outlet, as the analyst names it
    theatre VARCHAR,
    kind VARCHAR,                      -- rss, atom, sitemap (known after the first successful poll)
    active BOOLEAN NOT NULL,
    etag VARCHAR,                      -- validators for conditional GET
    last_modified VARCHAR,
    added_at TIMESTAMP NOT NULL,
    last_polled_at TIMESTAMP,
    last_success_at TIMESTAMP,
    last_error_at TIMESTAMP,
    last_error VARCHAR,
    articles INTEGER NOT NULL          -- articles stored from this source, all polls
);

CREATE TABLE watch_items (
    source_id INTEGER NOT NULL,
    guid VARCHAR NOT NULL,             -- the feed's id/guid, else the link
    url VARCHAR NOT NULL,
    title VARCHAR,
    published TIMESTAMP,               -- as the feed gives it
    first_seen_at TIMESTAMP NOT NULL,
    fetched_at TIMESTAMP,
    status VARCHAR NOT NULL,           -- stored, fetched (written for Spark), failed, robots (disallowed), pending
    document_id VARCHAR,
    events INTEGER,
    error VARCHAR,
    PRIMARY KEY (source_id, guid)
);

CREATE TABLE watch_log (
    source_id INTEGER NOT NULL,
    logged_at TIMESTAMP NOT NULL,
    level VARCHAR NOT NULL,            -- error, warning
    url VARCHAR,
    message VARCHAR NOT NULL
);

CREATE TABLE incidents (
    incident_id VARCHAR PRIMARY KEY,
    first_date DATE,
    last_date DATE,
    event_type VARCHAR,
    sub_event_type VARCHAR,
    actors VARCHAR,                    -- '; '-joined, as reported
    admin1 VARCHAR,
    admin1_code VARCHAR,
    admin2 VARCHAR,
    admin2_pcode VARCHAR,
    location VARCHAR,
    latitude DOUBLE PRECISION,
    longitude DOUBLE PRECISION,
    reports INTEGER NOT NULL,
    outlets INTEGER NOT NULL,
    killed_low INTEGER, killed_best INTEGER, killed_high INTEGER,
    wounded_low INTEGER, wounded_best INTEGER, wounded_high INTEGER,
    detained_low INTEGER, detained_best INTEGER, detained_high INTEGER,
    built_at TIMESTAMP NOT NULL
);

CREATE TABLE incident_reports (
    dataset_event_id VARCHAR PRIMARY KEY,   -- the article event (events.dataset = 'article')
    incident_id VARCHAR NOT NULL,
    document_id VARCHAR,
    outlet VARCHAR,
    url VARCHAR,
    published DATE,
    event_date DATE,
    killed INTEGER,
    wounded INTEGER,
    detained INTEGER,
    score DOUBLE PRECISION,                      -- how well it matched the report it joined (NULL for the first)
    joined_with VARCHAR,               -- that report
    reason VARCHAR                     -- the matching fields, or the analyst's decision
);

CREATE TABLE incident_decisions (
    decision_id INTEGER PRIMARY KEY,
    kind VARCHAR NOT NULL CHECK (kind IN ('merge', 'split')),
    report_a VARCHAR NOT NULL,         -- article event ids: 'merge' keeps them together, 'split' apart
    report_b VARCHAR NOT NULL,
    note VARCHAR,
    made_at TIMESTAMP NOT NULL
);
