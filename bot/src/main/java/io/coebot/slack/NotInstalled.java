package io.coebot.slack;

/**
 * A Web API call for a workspace that has no bot token: it uninstalled the app or revoked the token (app_uninstalled,
 * tokens_revoked). Nothing is sent; the outbox parks the message as failed with this reason.
 */
public final class NotInstalled extends RuntimeException {
    public static final String REASON = "app_not_installed";

    NotInstalled(String teamId) {
        super("coe-bot is not installed in workspace " + teamId, null, false, false);
    }
}
