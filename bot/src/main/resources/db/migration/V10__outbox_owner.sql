-- A message names who is told its fate (owner kind, id, and the owner's own name for it) instead of a tag string
-- that every listener parsed with its own prefix rules. Rows queued before the upgrade keep their owner: their
-- tags are read here, once, in the formats the features wrote them in.
ALTER TABLE outbox ADD COLUMN owner_kind TEXT;
ALTER TABLE outbox ADD COLUMN owner_id BIGINT;
ALTER TABLE outbox ADD COLUMN owner_part TEXT;
UPDATE outbox SET owner_kind = 'coe-card', owner_id = split_part(on_sent, ':', 2)::BIGINT,
                  owner_part = substr(on_sent, length('interview-question:' || split_part(on_sent, ':', 2) || ':') + 1)
WHERE on_sent LIKE 'interview-question:%';
UPDATE outbox SET owner_kind = 'whys', owner_id = split_part(on_sent, ':', 2)::BIGINT
WHERE on_sent LIKE 'whys-root:%';
UPDATE outbox SET owner_kind = 'whys', owner_id = split_part(on_sent, ':', 2)::BIGINT, owner_part = split_part(on_sent, ':', 3)
WHERE on_sent LIKE 'whys-question:%';
UPDATE outbox SET owner_kind = 'published', owner_id = split_part(on_sent, ':', 2)::BIGINT
WHERE on_sent LIKE 'published-part:%';
UPDATE outbox SET owner_kind = 'nudge', owner_id = 0, owner_part = substr(on_sent, length('nudge:') + 1)
WHERE on_sent LIKE 'nudge:%';
ALTER TABLE outbox DROP COLUMN on_sent;
