-- 0010: API tokens for writes over HTTP. Only a SHA-256 hash of each token is kept.
CREATE TABLE api_tokens (
    token_id VARCHAR PRIMARY KEY,
    name VARCHAR NOT NULL,
    token_hash VARCHAR NOT NULL UNIQUE,
    created_at TIMESTAMP NOT NULL,
    last_used_at TIMESTAMP,
    revoked_at TIMESTAMP
);
