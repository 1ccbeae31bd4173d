-- The names people go by in Slack (users.info display and real names), cached with their time zone: a 5 Whys cause
-- that names a teammate ("Bob pushed the wrong config") is recognised as putting the cause on a person, and the
-- Markdown export, read outside Slack where a user id names nobody, shows names.
ALTER TABLE slack_user ADD COLUMN display_name TEXT;
ALTER TABLE slack_user ADD COLUMN real_name TEXT;
-- rows cached before the names were kept are asked again
UPDATE slack_user SET fetched_at = 'epoch';
