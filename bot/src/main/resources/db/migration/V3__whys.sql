-- Messages may go into any conversation's thread, not only a COE card's: the thread is named by its owner
-- (the same kind and id as in thread_route) and resolved when the message is sent.
ALTER TABLE outbox RENAME COLUMN thread_of_coe TO thread_owner_id;
ALTER TABLE outbox ADD COLUMN thread_owner_kind TEXT;
UPDATE outbox SET thread_owner_kind = 'coe-card' WHERE thread_owner_id IS NOT NULL;
CREATE INDEX thread_route_by_owner ON thread_route (team_id, channel_id, owner_kind, owner_id);

-- A 5 Whys session: one problem, its cause tree and remediations, stored whole as JSON and changed under its
-- row lock. Numbered per COE (5 Whys #1, #2...); root_ts is the session's root message once posted.
CREATE TABLE whys_session (
    id         BIGSERIAL PRIMARY KEY,
    team_id    TEXT        NOT NULL,
    coe_id     BIGINT      NOT NULL REFERENCES coe (id),
    channel_id TEXT        NOT NULL,
    number     INT         NOT NULL,
    root_ts    TEXT,
    state      TEXT        NOT NULL,
    finished   BOOLEAN     NOT NULL DEFAULT FALSE,
    created_by TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    UNIQUE (coe_id, number)
);
