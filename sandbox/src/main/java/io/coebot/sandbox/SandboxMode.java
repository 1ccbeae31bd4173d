package io.coebot.sandbox;

import io.coebot.Application;
import io.coebot.sandbox.slack.FakeSlack;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Decides between Slack and the sandbox ({@link StartupChoice}), and starts the sandbox: a fake Slack on loopback
 * with a bot token and signing secret made up for this run, and the app configured to use them, listening on
 * loopback only. It is done before Micronaut starts, because every Slack bean reads its settings once, when it is
 * created, and the HTTP server binds its address once.
 */
public final class SandboxMode {
    private static final Logger LOG = LoggerFactory.getLogger(SandboxMode.class);

    /** Set (to true) only by {@link #start}; every sandbox bean and route requires it. */
    public static final String ACTIVE = "coe.sandbox.active";
    /** The address the sandbox listens on, as configured (an IP or a name); requests must be addressed to it. */
    static final String BIND = "coe.sandbox.bind";

    private SandboxMode() {
    }

    /** What {@code main} does: the environment and system properties decide. */
    public static ApplicationContext run(String[] args) {
        return run(args, settings -> { });
    }

    /**
     * As {@link #run(String[])}; {@code beforeContext} gets the settings once they are known to start an app (not a
     * refusal), before Micronaut starts: main starts the embedded PostgreSQL there, alongside the context.
     */
    public static ApplicationContext run(String[] args, Consumer<Map<String, String>> beforeContext) {
        Map<String, String> settings = new HashMap<>(System.getenv());
        System.getProperties().forEach((k, v) -> settings.put(String.valueOf(k), String.valueOf(v)));
        return run(args, settings, Map.of(), beforeContext);
    }

    /**
     * Runs the bot against Slack, or the sandbox, or refuses with a {@link SandboxRefusal} naming what to set.
     * {@code settings} are the environment variables and system properties, by their own names.
     */
    public static ApplicationContext run(String[] args, Map<String, String> settings) {
        return run(args, settings, Map.of());
    }

    /** As {@link #run(String[], Map)}; {@code extra} overrides the sandbox's properties (tests: port, data dir). */
    static ApplicationContext run(String[] args, Map<String, String> settings, Map<String, Object> extra) {
        return run(args, settings, extra, s -> { });
    }

    private static ApplicationContext run(String[] args, Map<String, String> settings, Map<String, Object> extra,
                                          Consumer<Map<String, String>> beforeContext) {
        StartupChoice choice = StartupChoice.decide(settings);
        switch (choice.kind()) {
            case SLACK:
                beforeContext.accept(settings);
                return Micronaut.run(Application.class, args);
            case REFUSE:
                throw refused(choice.message());
            default:
                Map<String, Object> props = new HashMap<>(Map.of("micronaut.server.host", listenOn(choice.bind()),
                        BIND, choice.bind()));
                beforeContext.accept(settings);
                props.putAll(extra);
                return start(args, props);
        }
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
        props.put("micronaut.server.host", StartupChoice.LOOPBACK);
        props.put(BIND, StartupChoice.LOOPBACK);
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

    /** The address to bind: checked here, so that a typo is named rather than a bind error deep in Netty. */
    private static String listenOn(String bind) {
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw refused(StartupChoice.BIND + "=" + bind + " is not an address of this machine: unset it to listen on "
                    + StartupChoice.LOOPBACK + " only, or give an IP address or host name.");
        }
        if (!address.isLoopbackAddress()) {
            LOG.warn("The sandbox listens on {} ({}={}), not only on this machine: anyone who reaches its port can act as "
                    + "any sandbox member. It answers only requests addressed to it as {} or by this machine's IP address.",
                    address.getHostAddress(), StartupChoice.BIND, bind, bind);
        }
        return bind;
    }

    private static SandboxRefusal refused(String message) {
        LOG.error("Not starting: {}", message);
        return new SandboxRefusal(message);
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
