-- Action items: one owner, a priority, a due date (a calendar day in the owner's calendar), tracked until
-- done or deliberately dropped (won't do, with a reason).
CREATE TABLE action_item (
    id            BIGSERIAL PRIMARY KEY,
    team_id       TEXT        NOT NULL,
    coe_id        BIGINT      NOT NULL REFERENCES coe (id),
    text          TEXT        NOT NULL,
    owner_user_id TEXT        NOT NULL,
    priority      TEXT        NOT NULL,
    due           DATE        NOT NULL,
    type          TEXT,
    status        TEXT        NOT NULL,
    status_reason TEXT,
    snoozed_until DATE,
    cause_ref     TEXT,
    cause_text    TEXT,
    tracker_url   TEXT,
    created_by    TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX action_item_by_coe ON action_item (coe_id);
CREATE INDEX action_item_open_by_owner ON action_item (team_id, owner_user_id) WHERE status = 'open';

-- Every nudge (an owner's daily digest, a COE owner's weekly overdue report, a reassign request) is claimed
-- here before it is sent, so two app instances or a restart mid-run never send it twice. A send that failed
-- for good is released for a retry after retry_after.
CREATE TABLE nudge_claim (
    team_id     TEXT        NOT NULL,
    kind        TEXT        NOT NULL,
    claim_key   TEXT        NOT NULL,
    status      TEXT        NOT NULL,
    retry_after TIMESTAMPTZ,
    claimed_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (team_id, kind, claim_key)
);

-- users.info also says whether a person's account is deactivated: their items need a new owner.
ALTER TABLE slack_user ADD COLUMN deactivated BOOLEAN NOT NULL DEFAULT FALSE;
