package io.coebot.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * With SLACK_APP_TOKEN set, Slack delivers over a WebSocket the app opens (no public URL needed).
 * The same Bolt App handles it, so features behave identically in both modes.
 */
@Singleton
class SocketModeRunner {
    private static final Logger LOG = LoggerFactory.getLogger(SocketModeRunner.class);

    private final SlackSettings settings;
    private final App app;
    private SocketModeApp socketMode;

    /** Taking the registry makes sure every feature registered on the App before the socket opens. */
    public SocketModeRunner(SlackSettings settings, App app, SlackRegistry registered) {
        this.settings = settings;
        this.app = app;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (!settings.socketMode() || !settings.ready()) {
            return;
        }
        try {
            // bolt-socket-mode declares its WebSocket backends "provided": Java-WebSocket is on our classpath.
            socketMode = new SocketModeApp(settings.appToken(), app, SocketModeClient.Backend.JavaWebSocket);
            socketMode.startAsync();
            LOG.info("Socket Mode: connecting to Slack with the app-level token");
        } catch (Exception e) {
            LOG.error("Socket Mode could not start: {}. Check SLACK_APP_TOKEN (an xapp- token with connections:write).", e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        if (socketMode != null) {
            try {
                socketMode.stop();
                socketMode.close();
            } catch (Exception e) {
                LOG.debug("Socket Mode stop", e);
            }
        }
    }
}
