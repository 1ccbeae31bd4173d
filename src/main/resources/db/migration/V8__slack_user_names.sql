-- The name a person goes by in Slack, cached with their time zone: the Markdown export is read outside Slack, where
-- a user id names nobody. IF NOT EXISTS because another change may add the same column to this cache.
ALTER TABLE slack_user ADD COLUMN IF NOT EXISTS display_name TEXT;
