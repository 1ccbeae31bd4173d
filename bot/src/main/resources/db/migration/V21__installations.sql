-- Issue 22: one row per workspace (or, on Enterprise Grid, per organisation for an org-wide install) that installed
-- coe-bot through "Add to Slack". The bot token is stored only encrypted (AES-GCM with COE_SECRET_KEY, a random IV per
-- value, kept in front of the ciphertext): a dump of this table, a backup or a SELECT never shows a token.
-- An uninstall (app_uninstalled, tokens_revoked) deletes the row: no token, so no Web API call for that workspace.
CREATE TABLE slack_installation (
    id               BIGSERIAL   PRIMARY KEY,
    -- '' rather than NULL, so that the pair is one unique key (an org-wide install has no team, a plain one no enterprise)
    enterprise_id    TEXT        NOT NULL DEFAULT '',
    team_id          TEXT        NOT NULL DEFAULT '',
    is_enterprise_install BOOLEAN NOT NULL DEFAULT FALSE,
    app_id           TEXT,
    bot_id           TEXT,
    bot_user_id      TEXT        NOT NULL,
    bot_scopes       TEXT        NOT NULL,
    bot_token_sealed BYTEA       NOT NULL,
    installer_user_id TEXT,
    installed_at     TIMESTAMPTZ NOT NULL,
    UNIQUE (enterprise_id, team_id)
);

-- The OAuth state of each "Add to Slack" started here: single use (deleted when the redirect comes back) and short-lived,
-- so a forged or replayed redirect finds nothing. Kept server-side so that every instance behind a load balancer knows it.
CREATE TABLE oauth_state (
    state       TEXT        PRIMARY KEY,
    expires_at  TIMESTAMPTZ NOT NULL
);

-- An org-wide install (Enterprise Grid) is one row for the whole organisation, with no team; the outbox knows only a
-- message's team. Each workspace of the organisation seen in a request is remembered here, so its messages find the
-- organisation's token.
CREATE TABLE slack_org_workspace (
    team_id        TEXT PRIMARY KEY,
    enterprise_id  TEXT NOT NULL
);
