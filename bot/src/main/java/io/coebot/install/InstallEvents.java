package io.coebot.install;

import com.slack.api.model.event.AppUninstalledEvent;
import com.slack.api.model.event.TokensRevokedEvent;
import io.coebot.slack.SlackFeature;
import io.coebot.slack.SlackRegistry;
import jakarta.inject.Singleton;

/**
 * A workspace that uninstalls the app (app_uninstalled) or revokes its bot token (tokens_revoked) loses its token here
 * at once, in the request: from then on {@link InstalledTokens} has none for it, so no Web API call is made for it and
 * the outbox parks its messages as failed (app_not_installed) instead of retrying them. Its COEs stay in the database.
 * Bolt lets these two events through without looking for a token (there is none to look for any more).
 */
@Singleton
class InstallEvents implements SlackFeature {
    private final Installations installations;

    InstallEvents(Installations installations) {
        this.installations = installations;
    }

    @Override
    public void register(SlackRegistry slack) {
        slack.event(AppUninstalledEvent.class, (payload, ctx) -> {
            forget(ctx.getEnterpriseId(), ctx.getTeamId(), ctx.isEnterpriseInstall());
            return ctx.ack();
        });
        slack.event(TokensRevokedEvent.class, (payload, ctx) -> {
            var tokens = payload.getEvent().getTokens();
            // a revoked user token (none is asked for) changes nothing; a revoked bot token is the installation's
            if (tokens != null && tokens.getBot() != null && !tokens.getBot().isEmpty()) {
                forget(ctx.getEnterpriseId(), ctx.getTeamId(), ctx.isEnterpriseInstall());
            }
            return ctx.ack();
        });
    }

    private void forget(String enterpriseId, String teamId, boolean orgWide) {
        installations.deleteAll(enterpriseId, orgWide ? null : teamId);
        if (!orgWide && enterpriseId != null) {
            // a workspace install on Enterprise Grid may have been stored before its enterprise was known
            installations.deleteAll(null, teamId);
        }
    }
}
