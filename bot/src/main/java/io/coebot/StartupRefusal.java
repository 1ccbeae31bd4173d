package io.coebot.sandbox;

/**
 * Start-up stopped on purpose: the configuration says someone meant the real bot (or a real database) but it cannot
 * run as configured, and the sandbox would hide that. The message names the variable to set; no stack trace needed.
 */
public final class SandboxRefusal extends RuntimeException {
    SandboxRefusal(String message) {
        super(message, null, false, false);
    }
}
