package io.coebot.slack;

import java.util.Optional;

/**
 * The bot token to act for a workspace with. With SLACK_BOT_TOKEN it is that token for the one workspace; installed
 * through "Add to Slack" it is the workspace's own, from its installation (io.coebot.install), and none once the
 * workspace uninstalled the app or revoked its token: then no Web API call is made for it.
 */
public interface WorkspaceTokens {
    Optional<String> botToken(String teamId);
}
