package io.coebot.sandbox;

import io.coebot.Application;
import io.coebot.sandbox.slack.FakeSlack;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Decides between Slack and the sandbox, and starts the sandbox: a fake Slack on loopback with a bot token and
 * signing secret made up for this run, and the app configured to use them. It is done before Micronaut starts,
 * because every Slack bean reads its settings once, when it is created.
 */
public final class SandboxMode {
    /** Set (to true) only by {@link #start}; every sandbox bean and route requires it. */
    public static final String ACTIVE = "coe.sandbox.active";

    private SandboxMode() {
    }

    /**
     * True when neither a bot token nor an app token is configured, in the environment or as a system property:
     * then there is no Slack to talk to, and the README's run command opens the sandbox instead.
     */
    public static boolean wanted(Map<String, String> env) {
        return blank(env.get("SLACK_BOT_TOKEN")) && blank(env.get("SLACK_APP_TOKEN"))
                && blank(System.getProperty("coe.slack.bot-token")) && blank(System.getProperty("coe.slack.app-token"));
    }

    /** Starts the fake Slack and then the app against it; {@code extra} overrides properties (tests: port, data dir). */
    public static ApplicationContext start(String[] args, Map<String, Object> extra) {
        String botToken = "xoxb-sandbox-" + random(12);
        String signingSecret = random(16);
        FakeSlack fake = FakeSlack.start(botToken);
        Map<String, Object> props = new HashMap<>();
        props.put("coe.slack.bot-token", botToken);
        props.put("coe.slack.signing-secret", signingSecret);
        props.put("coe.slack.app-token", "");
        props.put("coe.slack.api-url", fake.apiUrl());
        props.put(ACTIVE, true);
        // Snappier than the production default; a person is watching the page.
        props.put("coe.outbox.poll-millis", 150);
        props.putAll(extra);
        try {
            return Micronaut.build(args)
                    .mainClass(Application.class)
                    .properties(props)
                    .singletons(new SandboxSlack(fake, signingSecret))
                    .start();
        } catch (RuntimeException e) {
            fake.close();
            throw e;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
