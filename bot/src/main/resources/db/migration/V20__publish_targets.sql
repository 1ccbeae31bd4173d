-- Issue 19: the published COE is one message in the channel (its parts in that message's thread, as published_part
-- rows keyed 'overview', 'header', 'summary'…), and copies where the organisation keeps COEs. The one message's
-- blocks as published, but for its last one (where the COE is), so it is drawn again when a copy's link arrives.
ALTER TABLE coe_publication ADD COLUMN overview_body TEXT;

-- One row per COE and place it is copied to ('canvas', 'confluence', 'git'): the copy once it exists (its remote id
-- and link) and what is still to write there. Each publish bumps "wanted" and stores the body to write, in the
-- publishing transaction; the worker writes it after commit and records "pushed" (with the remote id, on the first
-- write) in the transaction that saw the remote's success, so a retry, a restart or a second instance never creates a
-- second page or canvas. maybe_created marks a create whose answer never came: the next attempt looks the copy up
-- (the page by title in its space, the channel's canvas) before creating again. Only names and links here: tokens
-- stay in the environment.
CREATE TABLE coe_copy (
    coe_id          BIGINT      NOT NULL REFERENCES coe (id),
    team_id         TEXT        NOT NULL,
    target          TEXT        NOT NULL,
    remote_id       TEXT,
    url             TEXT,
    body            TEXT        NOT NULL,
    published_by    TEXT        NOT NULL,
    version         INT         NOT NULL,
    wanted          INT         NOT NULL DEFAULT 1,
    pushed          INT         NOT NULL DEFAULT 0,
    attempts        INT         NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    sending_until   TIMESTAMPTZ,
    sending_claim   BIGINT,
    maybe_created   BOOLEAN     NOT NULL DEFAULT FALSE,
    last_error      TEXT,
    refused         BOOLEAN     NOT NULL DEFAULT FALSE,
    PRIMARY KEY (coe_id, target)
);
CREATE INDEX coe_copy_to_push ON coe_copy (next_attempt_at) WHERE wanted > pushed;
