package io.coebot;

import io.coebot.sandbox.SandboxMode;
import io.micronaut.runtime.Micronaut;

import java.util.Map;

public class Application {
    public static void main(String[] args) {
        // No Slack token at all: run against the built-in fake Slack and its page (/sandbox) instead.
        if (SandboxMode.wanted(System.getenv())) {
            SandboxMode.start(args, Map.of());
        } else {
            Micronaut.run(Application.class, args);
        }
    }
}
