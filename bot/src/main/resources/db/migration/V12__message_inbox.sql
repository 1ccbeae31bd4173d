-- Message events, committed in one statement before Slack gets its ack (Slack's advice: ack first, work after),
-- then handed to the conversations and the timeline in order per channel by the inbox's workers. A row is deleted
-- once handled; one that keeps failing is parked as FAILED so that its channel goes on.
CREATE TABLE message_inbox (
    id              BIGSERIAL   PRIMARY KEY,
    team_id         TEXT        NOT NULL,
    channel_id      TEXT        NOT NULL,
    event_id        TEXT,
    change          TEXT        NOT NULL,
    user_id         TEXT,
    human           BOOLEAN     NOT NULL,
    from_bot        BOOLEAN     NOT NULL,
    ts              TEXT        NOT NULL,
    thread_ts       TEXT,
    text            TEXT,
    our_bot_user_id TEXT,
    status          TEXT        NOT NULL DEFAULT 'PENDING',
    attempts        INT         NOT NULL DEFAULT 0,
    working_until   TIMESTAMPTZ,
    last_error      TEXT,
    received_at     TIMESTAMPTZ NOT NULL
);
-- Slack delivers an event again when the ack was late: the copy is dropped at the door while the first is queued
-- (once handled, the features' processed_event record makes a late copy a no-op).
CREATE UNIQUE INDEX message_inbox_event ON message_inbox (team_id, event_id) WHERE event_id IS NOT NULL;
CREATE INDEX message_inbox_pending ON message_inbox (team_id, channel_id, id) WHERE status = 'PENDING';
