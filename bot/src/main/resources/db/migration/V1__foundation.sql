-- Every table carries the Slack team_id so that several workspaces can share one database.

-- One COE per incident channel while it is open; numbers count per workspace (COE-1, COE-2, ...).
CREATE TABLE coe (
    id            BIGSERIAL PRIMARY KEY,
    team_id       TEXT        NOT NULL,
    channel_id    TEXT        NOT NULL,
    number        INT         NOT NULL,
    title         TEXT        NOT NULL,
    owner_user_id TEXT        NOT NULL,
    status        TEXT        NOT NULL,
    card_ts       TEXT,
    created_at    TIMESTAMPTZ NOT NULL,
    UNIQUE (team_id, number)
);
CREATE UNIQUE INDEX coe_one_open_per_channel ON coe (team_id, channel_id) WHERE status <> 'PUBLISHED';

CREATE TABLE coe_counter (
    team_id     TEXT PRIMARY KEY,
    last_number INT NOT NULL
);

-- Slack retries events; an event_id recorded in the same transaction as its effect makes a retry a no-op.
CREATE TABLE processed_event (
    team_id      TEXT        NOT NULL,
    event_id     TEXT        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (team_id, event_id)
);

-- Which conversation owns a thread: a reply is routed once, with one indexed lookup.
CREATE TABLE thread_route (
    team_id    TEXT   NOT NULL,
    channel_id TEXT   NOT NULL,
    thread_ts  TEXT   NOT NULL,
    owner_kind TEXT   NOT NULL,
    owner_id   BIGINT NOT NULL,
    PRIMARY KEY (team_id, channel_id, thread_ts)
);

-- Messages to Slack, written in the transaction that decided them and sent after it commits.
CREATE TABLE outbox (
    id              BIGSERIAL PRIMARY KEY,
    team_id         TEXT        NOT NULL,
    channel_id      TEXT        NOT NULL,
    kind            TEXT        NOT NULL,
    thread_of_coe   BIGINT,
    card_of_coe     BIGINT,
    text            TEXT        NOT NULL,
    blocks          TEXT,
    response_url    TEXT,
    on_sent         TEXT,
    status          TEXT        NOT NULL,
    attempts        INT         NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    last_error      TEXT,
    sent_ts         TEXT,
    created_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX outbox_pending ON outbox (team_id, channel_id, id) WHERE status = 'PENDING';

-- Slack time zones of people, cached from users.info.
CREATE TABLE slack_user (
    team_id    TEXT        NOT NULL,
    user_id    TEXT        NOT NULL,
    tz         TEXT,
    fetched_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (team_id, user_id)
);
