package io.coebot;

/**
 * Start-up stopped on purpose: the configuration says someone meant the real bot (or a real database) but it cannot
 * run as configured, and the sandbox would hide that; or it means the sandbox, which this classpath does not have.
 * The message names what to set; no stack trace needed.
 */
public final class StartupRefusal extends RuntimeException {
    StartupRefusal(String message) {
        super(message, null, false, false);
    }
}
