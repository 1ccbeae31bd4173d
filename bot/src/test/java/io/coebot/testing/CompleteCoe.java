package io.coebot.testing;

import io.coebot.actions.ActionItems;
import io.coebot.interview.Questions;
import io.coebot.sandbox.slack.FakeSlack;
import io.coebot.sandbox.slack.SlackMessage;
import io.coebot.sandbox.slack.SlackWorkspace;
import io.coebot.sandbox.slack.SlackWorkspace.Channel;
import io.coebot.sandbox.slack.SlackWorkspace.Person;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A COE that meets the quality bar, built the way a team builds one: the whole interview in the card's thread
 * ({@code owner} answers), a 5 Whys ({@code helper} answers) with its root cause, a dated timeline and an action
 * item for the root cause. Shared by the tests that need a finished COE (publishing, review).
 *
 * @param day the incident's day (YYYY-MM-DD, UTC), usually yesterday
 */
public record CompleteCoe(SlackWorkspace ws, FakeSlack slack, RunningApp app, Channel channel, SlackMessage card,
                          long coeId, Person owner, Person helper, String day) {

    /** All four parts, in the order a team does them. */
    public void build() {
        interview(Map.of());
        fiveWhys();
        timeline();
        actionItemForTheRootCause();
    }

    /** The whole interview, with some answers worded differently. */
    public void interview(Map<String, String> differently) {
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put(Questions.TRIGGER_AT, day + " 14:00 UTC");
        answers.put(Questions.DETECTED_AT, day + " 14:10 UTC");
        answers.put(Questions.MITIGATED_AT, day + " 14:40 UTC");
        answers.put(Questions.RESOLVED_AT, day + " 15:00 UTC");
        answers.put(Questions.SEVERITY, "sev2");
        answers.put(Questions.SERVICES, "checkout-api and payments-gateway");
        answers.put(Questions.CUSTOMERS_AFFECTED, "about 12,000 customers");
        answers.put(Questions.CUSTOMER_EXPERIENCE, "Checkout failed with an error page");
        answers.put(Questions.IMPACT_SEVERITY, "No data lost; the SLA was breached for two enterprise customers");
        answers.put(Questions.SECOND_ORDER_IMPACT, "The support queue tripled for a day");
        answers.put(Questions.NFR, "reliability");
        answers.put(Questions.CONSEQUENCES, "Two escalations from enterprise accounts");
        answers.put(Questions.DETECTION_HOW, "monitoring");
        answers.put(Questions.DETECTION_HALVE, "Alarm on checkout error rate instead of latency");
        answers.put(Questions.UNDERLYING_CAUSE, "A config push removed the connection pool limit");
        answers.put(Questions.INTERNAL_ACTIVITY, "no");
        answers.put(Questions.DIAGNOSIS_HALVE, "Link config pushes to the deploy dashboard");
        answers.put(Questions.MITIGATED_CONFIRM, "yes");
        answers.put(Questions.RESTORED_HOW, "Error rate back under 0.1% for an hour");
        answers.put(Questions.MITIGATION_FOUND, "Rolled back the config push");
        answers.put(Questions.MITIGATION_HALVE, "A one-click config rollback");
        answers.put(Questions.PREVENTION, "Worked out in the 5 Whys below");
        answers.put(Questions.METRICS, "Checkout error rate on the payments dashboard");
        answers.put(Questions.MONITORING_HOW, "Only latency alarms");
        answers.put(Questions.LESSONS, "Config is code: review it like code");
        answers.put(Questions.RELATED, "none");
        answers.put(Questions.SUMMARY, "accept");
        answers.putAll(differently);
        for (Map.Entry<String, String> a : answers.entrySet()) {
            String marker = "interview|" + coeId + "|" + a.getKey();
            // the newest question in the thread (other bot messages may follow it: the related COEs suggested at
            // Related items, a graph)
            slack.await("the interview asks " + a.getKey(), () -> {
                var t = channel.thread(card.ts());
                for (int i = t.size() - 1; i >= 0; i--) {
                    var m = t.get(i);
                    if (!m.isFromBot()) {
                        return false;
                    }
                    if (m.blocks() != null && m.blocks().contains("interview|" + coeId + "|")) {
                        return m.blocks().contains(marker);
                    }
                }
                return false;
            });
            owner.repliesInThread(channel, card.ts(), a.getValue());
        }
        channel.awaitReplyFromBot(card.ts(), "That's the whole interview");
    }

    public void fiveWhys() {
        owner.runs("/coe whys Checkout returned 500s for 40 minutes", channel);
        SlackMessage root = channel.awaitMessageFromBot(m -> m.visibleText().contains("5 Whys #1") && !m.isReply());
        channel.awaitReplyFromBot(root.ts(), "Why #1");
        helper.repliesInThread(channel, root.ts(), "The payments API timed out");
        channel.awaitReplyFromBot(root.ts(), "Why #2");
        helper.repliesInThread(channel, root.ts(), "Retries from checkout doubled the load");
        SlackMessage why3 = channel.awaitReplyFromBot(root.ts(), "Why #3");
        helper.repliesInThread(channel, root.ts(), "Retries have no backoff and no budget");
        SlackMessage why4 = channel.awaitReplyFromBot(root.ts(), "Why #4");
        assertTrue(why3.ts().compareTo(why4.ts()) < 0);
        helper.clicks("Root cause", why4, channel);
        channel.awaitReplyFromBot(root.ts(), "three checks");
        helper.repliesInThread(channel, root.ts(), "1. yes 2. a load test would have shown it 3. no");
        channel.awaitReplyFromBot(root.ts(), "What would prevent root cause 1.1.1?");
        helper.repliesInThread(channel, root.ts(), "Exponential backoff with a retry budget in the checkout client");
        channel.awaitReplyFromBot(root.ts(), "These 5 Whys are complete");
    }

    public void timeline() {
        timeline("14:00 UTC Deploy 42 rolled out", "14:10 UTC Error rate alarm fired",
                "14:20 UTC Payments team paged", "14:30 UTC Config push identified", "14:40 UTC Rolled back the config push");
    }

    public void timeline(String... entries) {
        for (String e : entries) {
            String ack = owner.runs("/coe timeline add " + day + " " + e, channel).visibleText();
            assertTrue(ack.contains("Added to the COE"), ack);
        }
    }

    public void actionItemForTheRootCause() {
        owner.runs("/coe actions", channel);
        var list = channel.awaitEphemeralFor(owner, e -> e.visibleText().contains("Draft from 5 Whys #1"));
        owner.clicks("Complete", list);
        owner.awaitOpenView("actions.create");
        owner.submits("actions.create", Map.of(
                "text", Map.of("text", "Exponential backoff with a retry budget in the checkout client"),
                "owner", Map.of("owner", helper.id()),
                "priority", Map.of("priority", "high"),
                "due", Map.of("due", LocalDate.ofInstant(app.bean(java.time.Clock.class).instant(), ZoneOffset.UTC).plusDays(14).toString())));
        slack.await("the item is stored", () -> app.bean(ActionItems.class).ofCoe(coeId).size() == 1);
    }
}
