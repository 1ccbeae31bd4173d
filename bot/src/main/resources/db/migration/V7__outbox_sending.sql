-- A message is marked SENDING in its own commit before Slack is called, so a crash between Slack accepting it and
-- "sent" being committed leaves a trace: after the lease ends, the message is looked up in Slack by the outbox id
-- it carries in its metadata before anything is posted again. The claim names who holds it, so a late answer from
-- a sender whose lease ran out cannot overwrite the work of the one that took over.
ALTER TABLE outbox ADD COLUMN sending_until TIMESTAMPTZ;
ALTER TABLE outbox ADD COLUMN sending_claim BIGINT;
DROP INDEX outbox_pending;
CREATE INDEX outbox_unsent ON outbox (team_id, channel_id, id) WHERE status IN ('PENDING', 'SENDING');
