package io.coebot.slack;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One clear line at start-up: how Slack reaches us, or exactly what is missing and where to get it. */
@Singleton
class StartupReport implements ApplicationEventListener<ServerStartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(StartupReport.class);
    private final SlackSettings settings;

    public StartupReport(SlackSettings settings) {
        this.settings = settings;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        int port = event.getSource().getPort();
        if (!settings.ready()) {
            LOG.warn("coe-bot is running on port {} but Slack is not configured: missing {}. Create the app from manifest.yml "
                    + "(api.slack.com/apps → Create New App → From an app manifest), install it, then set SLACK_BOT_TOKEN "
                    + "(OAuth & Permissions → Bot User OAuth Token) and SLACK_SIGNING_SECRET (Basic Information → Signing Secret).",
                    port, String.join(", ", settings.missing()));
        } else if (settings.socketMode()) {
            LOG.info("coe-bot is ready on port {} (Socket Mode; Slack API {})", port, settings.apiUrl());
        } else {
            LOG.info("coe-bot is ready: Slack requests to POST http://<host>:{}/slack/events (Slack API {})", port, settings.apiUrl());
        }
        if (settings.ready() && settings.oauth()) {
            String base = settings.publicUrl() != null ? settings.publicUrl() : "http://<host>:" + port;
            LOG.info("Workspaces install coe-bot at {}/slack/install (\"Add to Slack\"); Slack sends them back to {}", base,
                    settings.publicUrl() != null ? base + "/slack/oauth_redirect" : "the redirect URL set in the Slack app");
        }
    }
}
