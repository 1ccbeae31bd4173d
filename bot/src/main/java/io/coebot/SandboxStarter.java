package io.coebot;

import io.micronaut.context.ApplicationContext;

import java.util.Map;

/**
 * The sandbox, as the bot knows it: something on the classpath that starts a fake Slack and then the bot against it.
 * The bot has no sandbox of its own (its deployed jar must not carry one); the sandbox module provides this through
 * {@link java.util.ServiceLoader} ({@code META-INF/services/io.coebot.SandboxStarter}), and {@link Startup} looks it
 * up only when nothing else is configured. A ServiceLoader rather than a Micronaut bean: the choice is made before
 * the application context exists, since the sandbox's properties (its made-up token, its fake's URL) are the
 * context's own.
 */
public interface SandboxStarter {
    /** The address the sandbox listens on, as configured (an IP or a name); requests must be addressed to it. */
    String BIND = "coe.sandbox.bind";
    /** Where the sandbox listens unless {@code COE_SANDBOX_BIND} says otherwise: this machine only. */
    String LOOPBACK = StartupChoice.LOOPBACK;

    /**
     * Starts the fake Slack and the bot against it. {@code properties} are the context's properties decided at
     * start-up ({@code micronaut.server.host}, {@link #BIND}) and a test's overrides (port, data folder).
     */
    ApplicationContext run(String[] args, Map<String, Object> properties);
}
