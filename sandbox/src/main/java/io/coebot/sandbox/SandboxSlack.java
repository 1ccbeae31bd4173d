package io.coebot.sandbox;

import io.coebot.sandbox.slack.FakeSlack;

/**
 * The fake Slack the bot talks to in sandbox mode, and the signing secret the bot checks requests with (so the
 * page's actions can be signed exactly as Slack signs them). Registered as a bean by {@link SandboxMode}.
 */
public record SandboxSlack(FakeSlack fake, String signingSecret) {
}
