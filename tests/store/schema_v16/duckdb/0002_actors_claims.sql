-- 0002: documents, the claims made in them (who said what about whom, where), candidate new actors.
-- Claims are never facts: a denial is a row with stance 'denies', and contradicting rows stay side by side.

CREATE TABLE documents (
    document_id VARCHAR PRIMARY KEY,   -- stable id, e.g. 'newsweek-2022-08-30'
    title VARCHAR,
    url VARCHAR,
    outlet VARCHAR,
    published DATE,
    language VARCHAR,
    text_sha256 VARCHAR,               -- hash of the exact text the claim offsets point into
    text_chars INTEGER,
    path VARCHAR,                      -- where the text is kept, if shipped or saved
    theatre VARCHAR,
    added_at TIMESTAMP NOT NULL
);

CREATE TABLE claims (
    claim_id VARCHAR PRIMARY KEY,
    theatre VARCHAR,
    subject_actor_id VARCHAR,          -- registry id; NULL when the subject is not (yet) in the registry
    subject_text VARCHAR NOT NULL,     -- the subject as written in the sentence
    predicate VARCHAR NOT NULL,        -- ruydad.actors.claims.PREDICATES
    object_actor_id VARCHAR,
    object_text VARCHAR,
    object_place_code VARCHAR,         -- ISO 3166-2 (AF-PAN) or ISO 3166-1 alpha-2 for a whole country
    object_place_pcode VARCHAR,        -- OCHA P-code when the place is a district
    object_value VARCHAR,
    stance VARCHAR NOT NULL CHECK (stance IN ('asserts', 'denies')),
    claimed_by_name VARCHAR,           -- the person who made the claim
    claimed_by_role VARCHAR,
    claimed_by_actor_id VARCHAR,       -- the actor they speak for
    claimed_on DATE,
    document_id VARCHAR,
    sentence VARCHAR,
    start_char INTEGER,                -- Python string offsets of sentence in the document text
    end_char INTEGER,
    origin VARCHAR NOT NULL,           -- seed, extracted, manual
    note VARCHAR,
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE candidate_actors (
    candidate_id VARCHAR PRIMARY KEY,
    theatre VARCHAR,
    name VARCHAR NOT NULL,
    normalized_name VARCHAR NOT NULL,
    acronym VARCHAR,
    document_id VARCHAR,
    start_char INTEGER,                -- first mention in the document
    end_char INTEGER,
    mentions INTEGER NOT NULL,
    status VARCHAR NOT NULL,           -- new, accepted, rejected
    first_seen_at TIMESTAMP NOT NULL
);
