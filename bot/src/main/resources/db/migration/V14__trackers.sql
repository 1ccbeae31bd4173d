-- Action items live in the team's tracker (GitHub Issues, Jira, Linear). The item shows its issue's key and link, or
-- which tracker it is not yet in while the issue is being created.
ALTER TABLE action_item ADD COLUMN tracker_key TEXT;
ALTER TABLE action_item ADD COLUMN tracker_pending TEXT;

-- One row per item that belongs in a tracker: the issue once it exists, and what is still to be sent there. A change
-- in Slack bumps "wanted" in the transaction that changed the item; the worker pushes the item's state as it is then
-- and records "pushed" (and the issue's id, on the first push) in the transaction that saw the tracker's success, so
-- a retry, a restart or a second instance never creates a second issue. A linked issue (someone pasted its link) is
-- never created and keeps its own title and text; only its state is pushed. maybe_created marks a create whose answer
-- never came: the next attempt searches the tracker for the item's marker before creating again.
CREATE TABLE tracker_issue (
    item_id         BIGINT PRIMARY KEY REFERENCES action_item (id),
    team_id         TEXT        NOT NULL,
    tracker         TEXT        NOT NULL,
    target          TEXT        NOT NULL,
    remote_id       TEXT,
    issue_key       TEXT,
    issue_url       TEXT,
    linked          BOOLEAN     NOT NULL DEFAULT FALSE,
    wanted          INT         NOT NULL DEFAULT 1,
    pushed          INT         NOT NULL DEFAULT 0,
    attempts        INT         NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    sending_until   TIMESTAMPTZ,
    sending_claim   BIGINT,
    maybe_created   BOOLEAN     NOT NULL DEFAULT FALSE,
    last_error      TEXT,
    creator         TEXT        NOT NULL,
    told_creator    BOOLEAN     NOT NULL DEFAULT FALSE,
    created_at      TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX tracker_issue_by_key ON tracker_issue (tracker, target, issue_key);
CREATE INDEX tracker_issue_to_push ON tracker_issue (next_attempt_at) WHERE wanted > pushed;

-- Which tracker (and project, repository or team) a channel's action items go to, when not the workspace default.
-- Only names: tokens stay in the environment.
CREATE TABLE tracker_channel (
    team_id    TEXT        NOT NULL,
    channel_id TEXT        NOT NULL,
    tracker    TEXT        NOT NULL,
    target     TEXT        NOT NULL,
    set_by     TEXT        NOT NULL,
    set_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (team_id, channel_id)
);

-- The periodic reconcile: one instance at a time runs it per tracker and target, and asks for what changed since
-- the last run that finished.
CREATE TABLE tracker_sync (
    tracker       TEXT        NOT NULL,
    target        TEXT        NOT NULL,
    synced_until  TIMESTAMPTZ,
    running_until TIMESTAMPTZ,
    PRIMARY KEY (tracker, target)
);

-- Webhook deliveries already handled (GitHub's X-GitHub-Delivery, Linear's webhookId + timestamp …): a retried
-- delivery is a no-op.
CREATE TABLE tracker_delivery (
    tracker     TEXT        NOT NULL,
    delivery_id TEXT        NOT NULL,
    received_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (tracker, delivery_id)
);

-- users.info's profile.email (with the users:read.email scope): how an action item's owner is found in the team's
-- tracker. Null when Slack does not tell.
ALTER TABLE slack_user ADD COLUMN email TEXT;
