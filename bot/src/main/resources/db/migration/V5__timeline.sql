-- The incident timeline of a COE: one row per entry. A message is in a COE's timeline at most once, however many
-- ways it was added (reaction, shortcut, import); an entry typed by hand has no message_ts.
CREATE TABLE timeline_entry (
    id          BIGSERIAL PRIMARY KEY,
    team_id     TEXT        NOT NULL,
    coe_id      BIGINT      NOT NULL REFERENCES coe (id),
    channel_id  TEXT        NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL,
    message_ts  TEXT,
    text        TEXT        NOT NULL,
    author      TEXT,
    source      TEXT        NOT NULL,
    permalink   TEXT,
    milestone   TEXT,
    note        TEXT,
    added_by    TEXT,
    created_at  TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX timeline_entry_message ON timeline_entry (coe_id, message_ts) WHERE message_ts IS NOT NULL;
-- A milestone is marked on one entry at most: marking another moves it.
CREATE UNIQUE INDEX timeline_entry_milestone ON timeline_entry (coe_id, milestone) WHERE milestone IS NOT NULL;
CREATE INDEX timeline_entry_by_channel ON timeline_entry (team_id, channel_id, message_ts);

-- What the team said about a silence in the timeline, keyed like TimelineGap.key() ("<beforeId>-<afterId>").
CREATE TABLE timeline_gap_note (
    coe_id       BIGINT      NOT NULL REFERENCES coe (id),
    gap_key      TEXT        NOT NULL,
    team_id      TEXT        NOT NULL,
    explanation  TEXT        NOT NULL,
    explained_by TEXT,
    explained_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (coe_id, gap_key)
);

-- Messages seen through message events in channels with an open COE: a reaction event carries neither text nor
-- thread_ts, and this saves a conversations.history call (a scarce, rate-limited one) per pinned message.
CREATE TABLE timeline_seen_message (
    team_id    TEXT        NOT NULL,
    channel_id TEXT        NOT NULL,
    ts         TEXT        NOT NULL,
    thread_ts  TEXT,
    user_id    TEXT,
    bot        BOOLEAN     NOT NULL DEFAULT FALSE,
    text       TEXT        NOT NULL,
    seen_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (team_id, channel_id, ts)
);

-- An import of channel history into a timeline, resumable: every page read moves the cursor in the same
-- transaction that stores its entries, so a restart continues where the last committed page ended.
CREATE TABLE timeline_import (
    id               BIGSERIAL PRIMARY KEY,
    team_id          TEXT        NOT NULL,
    coe_id           BIGINT      NOT NULL REFERENCES coe (id),
    channel_id       TEXT        NOT NULL,
    team_domain      TEXT,
    requested_by     TEXT        NOT NULL,
    from_at          TIMESTAMPTZ NOT NULL,
    to_at            TIMESTAMPTZ NOT NULL,
    status           TEXT        NOT NULL,
    phase            TEXT        NOT NULL,
    cursor           TEXT,
    threads          TEXT        NOT NULL DEFAULT '',
    scanned          INT         NOT NULL DEFAULT 0,
    added            INT         NOT NULL DEFAULT 0,
    calls            INT         NOT NULL DEFAULT 0,
    next_call_at     TIMESTAMPTZ NOT NULL,
    last_progress_at TIMESTAMPTZ,
    last_error       TEXT,
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX timeline_import_one_running ON timeline_import (coe_id) WHERE status = 'RUNNING';
CREATE INDEX timeline_import_due ON timeline_import (next_call_at) WHERE status = 'RUNNING';
