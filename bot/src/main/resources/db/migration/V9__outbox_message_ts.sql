-- An edit of one known message (a question in a thread, marked with what was chosen): addressed by its ts, which is
-- known when the edit is decided, unlike a card's or a thread root's, which are looked up at send time.
ALTER TABLE outbox ADD COLUMN message_ts TEXT;
