-- The names people go by (users.info display and real names), so a 5 Whys cause that names a teammate
-- ("Bob pushed the wrong config") is recognised as putting the cause on a person.
-- Numbered 8.1 so that another branch's V8 cannot collide with it.
ALTER TABLE slack_user ADD COLUMN display_name TEXT;
ALTER TABLE slack_user ADD COLUMN real_name TEXT;
-- rows cached before the names were kept are asked again
UPDATE slack_user SET fetched_at = 'epoch';
