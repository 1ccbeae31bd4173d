package io.coebot;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Consumer;

/**
 * What {@code main} starts: the bot against Slack, the sandbox, or nothing ({@link StartupChoice}). Done before
 * Micronaut starts, because every Slack bean reads its settings once, when it is created, and the HTTP server binds
 * its address once. The sandbox is not part of the bot: it is found on the classpath ({@link SandboxStarter}), which
 * {@code ./mvnw mn:run} arranges and a deployment does not.
 */
public final class Startup {
    private static final Logger LOG = LoggerFactory.getLogger(Startup.class);

    private Startup() {
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
     * Runs the bot against Slack, or the sandbox, or refuses with a {@link StartupRefusal} naming what to set.
     * {@code settings} are the environment variables and system properties, by their own names.
     */
    public static ApplicationContext run(String[] args, Map<String, String> settings) {
        return run(args, settings, Map.of());
    }

    /** As {@link #run(String[], Map)}; {@code extra} overrides the sandbox's properties (tests: port, data dir). */
    public static ApplicationContext run(String[] args, Map<String, String> settings, Map<String, Object> extra) {
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
                SandboxStarter sandbox = sandbox();
                Map<String, Object> props = new HashMap<>(Map.of("micronaut.server.host", listenOn(choice.bind()),
                        SandboxStarter.BIND, choice.bind()));
                beforeContext.accept(settings);
                props.putAll(extra);
                return sandbox.run(args, props);
        }
    }

    /** The sandbox module's starter; without that module, no Slack setting is a configuration to refuse. */
    private static SandboxStarter sandbox() {
        Iterator<SandboxStarter> found = ServiceLoader.load(SandboxStarter.class).iterator();
        if (!found.hasNext()) {
            throw refused("No Slack is configured, and this coe-bot has no sandbox (the coe-bot-sandbox module is not "
                    + "on its classpath, as in a deployment). To use Slack, " + StartupChoice.TO_SET + "; to try the "
                    + "sandbox, run ./mvnw mn:run from the source.");
        }
        return found.next();
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

    private static StartupRefusal refused(String message) {
        LOG.error("Not starting: {}", message);
        return new StartupRefusal(message);
    }
}
