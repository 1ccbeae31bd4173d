-- The interview of a COE: its whole conversation state (answers with who gave them, skips, the
-- current question) as one JSON document, changed under a row lock in the transaction that
-- records the Slack event which caused the change.
CREATE TABLE interview (
    coe_id     BIGINT PRIMARY KEY REFERENCES coe (id),
    team_id    TEXT        NOT NULL,
    state      TEXT        NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
