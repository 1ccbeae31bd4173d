-- The senders claim the oldest unsent message (ORDER BY id) many times a second; sent rows stay a week for
-- lookups, so without this index each claim walked past all of them.
CREATE INDEX outbox_unsent_by_id ON outbox (id) WHERE status IN ('PENDING', 'SENDING');
