/**
 * Sandbox mode: coe-bot with no Slack at all. When no Slack token is configured, {@link io.coebot.sandbox.SandboxMode}
 * starts the shared fake Slack ({@link io.coebot.sandbox.slack.FakeSlack}) inside the app and points the bot at it;
 * {@code /sandbox} is a Slack-like page whose every action reaches the bot as a signed Slack request through
 * {@code POST /slack/events}, the very path it takes in production. Every bean here requires
 * {@code coe.sandbox.active=true}, so with a real token none of it exists and {@code /sandbox} is a 404.
 */
package io.coebot.sandbox;
