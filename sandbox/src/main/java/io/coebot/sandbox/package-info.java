/**
 * Sandbox mode: coe-bot with no Slack at all, from its own module (coe-bot-sandbox), which the deployed bot does not
 * carry. When no Slack token is configured, the bot ({@link io.coebot.Startup}) finds {@link io.coebot.sandbox.SandboxMode}
 * on the classpath; it starts the shared fake Slack ({@link io.coebot.sandbox.slack.FakeSlack}) inside the app and
 * points the bot at it; {@code /sandbox} is a Slack-like page whose every action reaches the bot as a signed Slack
 * request through {@code POST /slack/events}, the very path it takes in production. Every bean here requires
 * {@code coe.sandbox.active=true}, so with a real token none of it exists and {@code /sandbox} is a 404.
 */
package io.coebot.sandbox;
