/**
 * Slack test harness: the real app runs against a fake Slack Web API on loopback and receives
 * requests signed exactly as Slack signs them.
 *
 * <ul>
 *   <li>{@link io.coebot.testing.FakeSlack} — the Web API (start it, give the app
 *       {@link io.coebot.testing.FakeSlack#appEnvironment(String)}: SLACK_API_URL, SLACK_BOT_TOKEN,
 *       SLACK_SIGNING_SECRET), a small workspace model, recorded calls, fault injection, and what people see.</li>
 *   <li>{@link io.coebot.testing.SlackRequests} — signed POSTs to {@code /slack/events}, plus unsigned,
 *       wrongly signed and stale variants for the security tests.</li>
 *   <li>{@link io.coebot.testing.SlackWorkspace} — the DSL stories are written in: people run commands,
 *       reply in threads, click, select and submit; channels are awaited and read.</li>
 *   <li>{@link io.coebot.testing.SlackPayloads} — the payload builders behind the DSL, for tests that
 *       send unusual requests by hand.</li>
 * </ul>
 *
 * Deliberate limits: group DMs (conversations.open with several users) answer
 * {@code not_supported_by_fake_slack}; mrkdwn is not rendered in visible text; human channel
 * membership is not modelled (only the bot's).
 */
package io.coebot.testing;
