/**
 * One fake Slack, shared by the end-to-end tests and the browser sandbox: the real app runs against
 * a fake Slack Web API on loopback and receives requests signed exactly as Slack signs them.
 * It is its own module (coe-bot-fake-slack), not test code, because sandbox mode (the coe-bot-sandbox module,
 * {@code io.coebot.sandbox}) runs the bot against it when no Slack token is configured; the bot's tests use the very
 * same classes. It depends on no bot class.
 *
 * <ul>
 *   <li>{@link io.coebot.sandbox.slack.FakeSlack} — the Web API (start it, give the app
 *       {@link io.coebot.sandbox.slack.FakeSlack#appEnvironment(String)}: SLACK_API_URL, SLACK_BOT_TOKEN,
 *       SLACK_SIGNING_SECRET), a small workspace model, recorded calls, fault injection, and what people see.</li>
 *   <li>{@code SlackWebApi} — the Web API methods the fake serves (chat.*, conversations.*, views.*, files.*,
 *       canvases.*, …), one handler each, on the workspace {@code FakeSlack} keeps.</li>
 *   <li>{@link io.coebot.sandbox.slack.SlackRequests} — signed POSTs to {@code /slack/events}, plus unsigned,
 *       wrongly signed and stale variants for the security tests.</li>
 *   <li>{@link io.coebot.sandbox.slack.SlackWorkspace} — the DSL stories are written in (and the sandbox
 *       acts through): people run commands, reply in threads, click, select and submit; channels are awaited and read.</li>
 *   <li>{@link io.coebot.sandbox.slack.SlackPayloads} — the payload builders behind the DSL, for tests that
 *       send unusual requests by hand.</li>
 * </ul>
 *
 * Failures are reported as {@link java.lang.AssertionError} (a test's step failed); the sandbox catches
 * them and shows the message instead.
 *
 * Deliberate limits: group DMs (conversations.open with several users) answer
 * {@code not_supported_by_fake_slack}; mrkdwn is not rendered in visible text; human channel
 * membership is not modelled (only the bot's).
 */
package io.coebot.sandbox.slack;
