-- Issue 20: a `/coe graph` request is kept from before the command is answered until it is done, so that a bot
-- stopped while Prometheus is being asked loses nothing: the person was told "the graph will appear", and after the
-- restart it does, once. (V16 and V17 are taken by other work in progress.)
-- Claimed by one worker at a time under a lease (claim, claimed_until), as tracker_issue and the outbox are.
-- response_url is where the outcome is told (Slack keeps it usable 30 minutes, 5 uses); it is cleared when the
-- request ends. The Prometheus headers (auth) are never stored; the server is the settings' own.
CREATE TABLE graph_request (
    id            BIGSERIAL PRIMARY KEY,
    team_id       TEXT        NOT NULL,
    coe_id        BIGINT      NOT NULL REFERENCES coe (id),
    requested_by  TEXT        NOT NULL,
    query         TEXT        NOT NULL,
    title         TEXT,
    response_url  TEXT,
    status        TEXT        NOT NULL DEFAULT 'waiting',
    reason        TEXT,
    attempts      INT         NOT NULL DEFAULT 0,
    claim         BIGINT,
    claimed_until TIMESTAMPTZ,
    requested_at  TIMESTAMPTZ NOT NULL,
    finished_at   TIMESTAMPTZ,
    CONSTRAINT graph_request_status CHECK (status IN ('waiting', 'drawn', 'failed'))
);

CREATE INDEX graph_request_waiting ON graph_request (requested_at) WHERE status = 'waiting';
