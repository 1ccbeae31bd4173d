package io.coebot.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.response.Response;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/** Builds the one Bolt {@link App} and lets every feature register on it. */
@Factory
class BoltAppFactory {
    private static final Logger LOG = LoggerFactory.getLogger(BoltAppFactory.class);
    /** Bolt needs some token to stay in single-workspace mode; requests are refused until a real one is set. */
    private static final String NOT_CONFIGURED = "xoxb-not-configured-see-manifest";

    @Singleton
    Slack slack(SlackSettings settings, @io.micronaut.context.annotation.Value("${coe.slack.read-timeout-millis:8000}") int readTimeoutMillis) {
        // SlackConfig.DEFAULT is immutable: a fresh config is the only way to point the whole client elsewhere.
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(settings.apiUrl());
        config.setStatsEnabled(false);
        config.setPrettyResponseLoggingEnabled(false);
        // Bounded, so a slow Slack delays one outbox message, never an ack for long.
        config.setHttpClientReadTimeoutMillis(readTimeoutMillis);
        config.setHttpClientCallTimeoutMillis(readTimeoutMillis + 2_000);
        return Slack.getInstance(config);
    }

    @Singleton
    App app(SlackSettings settings, Slack slack, java.time.Clock clock,
            io.micronaut.context.BeanProvider<com.slack.api.bolt.service.InstallationService> installations) {
        AppConfig.AppConfigBuilder builder = AppConfig.builder().slack(slack);
        if (settings.oauth()) {
            // Many workspaces: Bolt's multi-workspace authorization finds each request's installation (its token for
            // ctx.client()) in the InstallationService; the install pages themselves are io.coebot.install's.
            builder.clientId(settings.clientId()).clientSecret(settings.clientSecret())
                    // one auth.test per workspace and token, not one per request
                    .authTestCacheEnabled(true);
        } else {
            builder.singleTeamBotToken(settings.botToken() != null ? settings.botToken() : NOT_CONFIGURED);
        }
        AppConfig config = builder
                .signingSecret(settings.signingSecret())
                // Slack retries anything not answered with 2xx: ack what no feature handles.
                .subtypedMessageEventsAutoAckEnabled(true)
                .allEventsApiAutoAckEnabled(true)
                .build();
        config.setUnmatchedRequestHandler(request -> {
            LOG.debug("No handler for a {} request; acked", request.getRequestType());
            return Response.ok();
        });
        App app = new EdgeApp(config, new RequestSignature(settings.signingSecret(), clock));
        if (settings.oauth()) {
            app.service(installations.get());
        }
        return app;
    }

    @Singleton
    SlackRegistry registry(App app, List<SlackFeature> features) {
        SlackRegistry registry = new SlackRegistry(app);
        features.forEach(f -> f.register(registry));
        return registry;
    }
}
