package io.coebot.sandbox;

import io.coebot.Application;
import io.coebot.SandboxStarter;
import io.coebot.sandbox.slack.FakeSlack;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Starts the sandbox: a fake Slack on loopback with a bot token and signing secret made up for this run, and the app
 * configured to use them, listening on loopback only. The bot decides whether to ({@link io.coebot.Startup}, when
 * nothing is configured) and finds this class through {@code META-INF/services/io.coebot.SandboxStarter}.
 */
public final class SandboxMode implements SandboxStarter {
    /** Set (to true) only by {@link #start}; every sandbox bean and route requires it. */
    public static final String ACTIVE = "coe.sandbox.active";
    /** The address the sandbox listens on, as configured (an IP or a name); requests must be addressed to it. */
    static final String BIND = SandboxStarter.BIND;

    /** For the ServiceLoader. */
    public SandboxMode() {
    }

    @Override
    public ApplicationContext run(String[] args, Map<String, Object> properties) {
        return start(args, properties);
    }

    /**
     * Starts the fake Slack and then the app against it; {@code extra} overrides properties (tests: port, data dir).
     * Without a {@code micronaut.server.host} in {@code extra} it listens on loopback only.
     */
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
        // The page lets whoever reaches it act as any member: only this machine, unless COE_SANDBOX_BIND says otherwise.
        // Set here, as a context property, it outranks MICRONAUT_SERVER_HOST and application.yml.
        props.put("micronaut.server.host", SandboxStarter.LOOPBACK);
        props.put(BIND, SandboxStarter.LOOPBACK);
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

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
