-- The review lifecycle of a COE (Drafting → In review → Changes requested → Approved → Published), its deadline
-- and the audit of who did what. A COE without a row is Drafting, due by its severity.
CREATE TABLE coe_review (
    coe_id            BIGINT PRIMARY KEY REFERENCES coe (id),
    team_id           TEXT        NOT NULL,
    -- read from the facts below after every event, stored so reminders and digests can filter on it
    status            TEXT        NOT NULL,
    -- bumped when reviewers must look again: a button from an earlier round is out of date
    round             INT         NOT NULL DEFAULT 1,
    -- set by /coe deadline (with its reason); null: due by severity
    due_on            DATE,
    due_reason        TEXT,
    due_set_by        TEXT,
    -- the day the card last said "overdue", so the reminder run redraws it once when the COE becomes overdue
    overdue_shown_on  DATE,
    entered_review_at TIMESTAMPTZ,
    updated_at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX coe_review_unpublished ON coe_review (team_id) WHERE status <> 'PUBLISHED';

-- The people asked to review a COE, and what each said.
CREATE TABLE coe_reviewer (
    coe_id     BIGINT      NOT NULL REFERENCES coe (id),
    team_id    TEXT        NOT NULL,
    user_id    TEXT        NOT NULL,
    verdict    TEXT        NOT NULL,
    stale      BOOLEAN     NOT NULL DEFAULT false,
    asked_by   TEXT        NOT NULL,
    asked_at   TIMESTAMPTZ NOT NULL,
    decided_at TIMESTAMPTZ,
    PRIMARY KEY (coe_id, user_id)
);

-- Comments and change requests, open until the owner resolves them. source_key: the form (view id) it came from,
-- so a form Slack delivers twice is one note.
CREATE TABLE coe_review_note (
    id          BIGSERIAL PRIMARY KEY,
    coe_id      BIGINT      NOT NULL REFERENCES coe (id),
    team_id     TEXT        NOT NULL,
    kind        TEXT        NOT NULL,
    author      TEXT        NOT NULL,
    section     TEXT,
    body        TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    resolved_by TEXT,
    resolved_at TIMESTAMPTZ,
    source_key  TEXT,
    UNIQUE (coe_id, source_key)
);

-- Every step of the review with who took it and when: shown at the end of the published COE.
CREATE TABLE coe_review_audit (
    id      BIGSERIAL PRIMARY KEY,
    coe_id  BIGINT      NOT NULL REFERENCES coe (id),
    team_id TEXT        NOT NULL,
    -- null when Slack did not say who (a deleted message)
    actor   TEXT,
    what    TEXT        NOT NULL,
    at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX coe_review_audit_by_coe ON coe_review_audit (coe_id, id);
