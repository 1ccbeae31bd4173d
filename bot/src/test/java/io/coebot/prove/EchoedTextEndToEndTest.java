package io.coebot.prove;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.coebot.actions.ActionItems;
import io.coebot.coe.Coes;
import io.coebot.interview.Questions;
import io.coebot.sandbox.slack.ApiCall;
import io.coebot.sandbox.slack.Ephemeral;
import io.coebot.sandbox.slack.ResponseUrlPost;
import io.coebot.sandbox.slack.SlackMessage;
import io.coebot.sandbox.slack.SlackView;
import io.coebot.sandbox.slack.SlackWorkspace.Channel;
import io.coebot.sandbox.slack.SlackWorkspace.Person;
import io.coebot.sandbox.slack.UploadedFile;
import io.coebot.testing.EndToEnd;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * People type every kind of broadcast and a disguised link into everything the bot repeats (the title, interview
 * answers, a 5 Whys problem and causes, action items, timeline entries, a publish-anyway reason), and the COE is
 * published. Nothing the bot sent to Slack — messages and their notification text, edits, DMs, ephemerals,
 * response_url posts, modals, Home — may hold a live broadcast or a link whose label hides its address, and the
 * uploaded Markdown may hold no Markdown link built from a person's words.
 */
class EchoedTextEndToEndTest extends EndToEnd {
    /**
     * These tests are about what publishing posts; with COE_REVIEW_APPROVALS=0 `/coe finish` publishes as soon as the
     * bar is met, as it did before review existed. The review itself is ReviewEndToEndTest's.
     */
    @Override
    protected java.util.Map<String, Object> appProperties() {
        return java.util.Map.of("coe.review.approvals", 0);
    }

    private static final String DAY = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
    /** What Slack sends when someone types @channel, @here, @everyone, @oncall and pastes a link named "click". */
    private static final String EVIL = "<!channel> <!here> <!everyone> <!subteam^S1|@oncall> <https://evil.example|click>";

    private static final Pattern LIVE_BROADCAST = Pattern.compile("<!(channel|here|everyone|group|subteam)");
    private static final Pattern DISGUISED_LINK = Pattern.compile("<https?://[^|>]*\\|click>");
    private static final Pattern MARKDOWN_LINK_FROM_LABEL = Pattern.compile("\\[click]\\(|]\\(https?://evil\\.example");
    /** Fields Slack never renders as mrkdwn, or not at all: people's words may stay as typed there. */
    private static final Set<String> NOT_RENDERED = Set.of("value", "initial_value", "private_metadata", "action_id",
            "block_id", "callback_id", "external_id", "metadata", "token", "channel", "ts", "thread_ts", "user",
            "user_id", "trigger_id", "view_id", "hash", "filename", "title", "file_id", "files", "length");

    @Test
    void aCoeFullOfBroadcastsAndDisguisedLinksIsPublishedWithoutPingingAnyoneOrHidingALink() {
        Person alice = ws.user("U0ALICE91", "alice", "UTC");
        Person bob = ws.user("U0BOB0091", "bob", "UTC");
        Channel channel = ws.channel("inc-echo-whole");
        alice.runs("/coe start Checkout 500s " + EVIL, channel);
        SlackMessage card = channel.awaitMessageFromBot(m -> m.visibleText().contains("Checkout 500s"));
        long coeId = app.bean(Coes.class).openIn(slack.teamId(), channel.id()).orElseThrow().id();

        interview(alice, channel, card, coeId);
        fiveWhys(alice, bob, channel);
        for (String e : new String[] {"14:00 UTC Deploy 42 rolled out " + EVIL, "14:10 UTC Error rate alarm fired",
                "14:20 UTC Payments team paged", "14:30 UTC Config push identified",
                "14:40 UTC Rolled back the config push"}) {
            alice.runs("/coe timeline add " + DAY + " " + e, channel);
        }
        alice.runs("/coe timeline", channel);

        alice.runs("/coe actions", channel);
        var list = channel.awaitEphemeralFor(alice, e -> e.visibleText().contains("Draft from 5 Whys #1"));
        alice.clicks("Complete", list);
        alice.awaitOpenView("actions.create");
        alice.submits("actions.create", Map.of(
                "text", Map.of("text", "Exponential backoff with a retry budget " + EVIL),
                "owner", Map.of("owner", bob.id()),
                "priority", Map.of("priority", "high"),
                "due", Map.of("due", LocalDate.now(ZoneOffset.UTC).plusDays(14).toString())));
        alice.runs("/coe action Page on checkout errors " + EVIL + " <@" + bob.id() + "> high due "
                + LocalDate.now(ZoneOffset.UTC).plusDays(10), channel);
        slack.await("both items are stored", () -> app.bean(ActionItems.class).ofCoe(coeId).size() == 2);
        bob.awaitDm(m -> m.visibleText().contains("Page on checkout errors"));
        alice.runs("/coe actions", channel);
        alice.runs("/coe status", channel);
        alice.opensAppHome();

        alice.runs("/coe finish", channel);
        UploadedFile file = ws.awaitValue("the Markdown file", () -> slack.files().stream()
                .filter(f -> f.channelId().equals(channel.id())).findFirst().orElse(null));
        assertTrue(file.contentAsString().contains("Deploy 42 rolled out"), file.contentAsString());
        slack.await("the card says Published", () -> channel.message(card.ts()).visibleText().contains("Published"));

        assertNothingPingsOrHidesALink();
    }

    @Test
    void capturedMessagesAndAPublishAnywayReasonAreEchoedSafelyToo() {
        Person carol = ws.user("U0CAROL92", "carol", "UTC");
        Channel c = ws.channel("inc-echo-anyway");
        carol.runs("/coe start Search slow " + EVIL, c);
        c.awaitMessageFromBot(m -> m.visibleText().contains("Search slow"));
        SlackMessage pinned = carol.says(c, "Rolled back search " + EVIL);
        carol.reacts(c, pinned.ts(), "pushpin");
        SlackMessage noted = carol.says(c, "Cache flushed " + EVIL);
        carol.usesShortcut("add_to_coe_timeline", noted, c);
        SlackView shortcut = carol.awaitOpenView("timeline.add-message");
        carol.submits(shortcut.id(), Map.of("note", Map.of("text", "by hand " + EVIL)));
        carol.runs("/coe whys Search answered in 9 s " + EVIL, c);
        c.awaitMessageFromBot(m -> m.visibleText().contains("5 Whys #1") && !m.isReply());

        carol.runs("/coe finish", c);
        var owner = c.awaitEphemeralFor(carol, e -> e.visibleText().contains("publish it anyway"));
        carol.clicks("Publish anyway…", owner);
        carol.awaitOpenView("publish.anyway-reason");
        carol.submits("publish.anyway-reason", Map.of("reason", Map.of("reason",
                "The customer asked for our analysis today " + EVIL)));
        ws.awaitValue("the Markdown file", () -> slack.files().stream()
                .filter(f -> f.channelId().equals(c.id())).findFirst().orElse(null));

        assertNothingPingsOrHidesALink();
    }

    private void assertNothingPingsOrHidesALink() {
        List<String> found = new ArrayList<>();
        for (ApiCall call : slack.calls()) {
            call.params().forEach((name, value) -> {
                if (!NOT_RENDERED.contains(name)) {
                    check(call.method() + " " + name, value, found);
                }
            });
        }
        for (Ephemeral e : slack.ephemerals()) {
            check("ephemeral(" + e.source() + ") text", e.text(), found);
            check("ephemeral(" + e.source() + ") blocks", e.blocks(), found);
        }
        for (ResponseUrlPost r : slack.responses()) {
            check("response_url post", r.json(), found);
        }
        for (SlackView v : slack.views()) {
            check("view " + v.callbackId(), v.json().toString(), found);
        }
        for (UploadedFile f : slack.files()) {
            String md = f.contentAsString();
            if (LIVE_BROADCAST.matcher(md).find() || DISGUISED_LINK.matcher(md).find()
                    || MARKDOWN_LINK_FROM_LABEL.matcher(md).find()) {
                found.add("file " + f.filename() + ":\n" + md);
            }
        }
        assertTrue(found.isEmpty(), found.size() + " echoes ping people or hide a link:\n" + String.join("\n\n", found));
    }

    private static void check(String where, String value, List<String> found) {
        if (value == null || value.isEmpty()) {
            return;
        }
        String t = value.strip();
        if (t.startsWith("[") || t.startsWith("{")) {
            try {
                walk(where, JsonParser.parseString(t), found);
                return;
            } catch (RuntimeException notJson) {
                // plain text that starts with a bracket
            }
        }
        checkText(where, value, found);
    }

    private static void walk(String where, JsonElement e, List<String> found) {
        if (e.isJsonArray()) {
            e.getAsJsonArray().forEach(x -> walk(where, x, found));
        } else if (e.isJsonObject()) {
            JsonObject o = e.getAsJsonObject();
            if (o.has("type") && o.get("type").isJsonPrimitive() && "plain_text".equals(o.get("type").getAsString())) {
                return; // Slack shows plain_text as typed: nothing in it pings or links
            }
            o.entrySet().stream().filter(x -> !NOT_RENDERED.contains(x.getKey()))
                    .forEach(x -> walk(where + "/" + x.getKey(), x.getValue(), found));
        } else if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
            checkText(where, e.getAsString(), found);
        }
    }

    private static void checkText(String where, String text, List<String> found) {
        if (LIVE_BROADCAST.matcher(text).find() || DISGUISED_LINK.matcher(text).find()) {
            found.add(where + ": " + (text.length() > 400 ? text.substring(0, 400) + "…" : text));
        }
    }

    private static void interview(Person alice, Channel channel, SlackMessage card, long coeId) {
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put(Questions.TRIGGER_AT, DAY + " 14:00 UTC");
        answers.put(Questions.DETECTED_AT, DAY + " 14:10 UTC");
        answers.put(Questions.MITIGATED_AT, DAY + " 14:40 UTC");
        answers.put(Questions.RESOLVED_AT, DAY + " 15:00 UTC");
        answers.put(Questions.SEVERITY, "sev2");
        answers.put(Questions.SERVICES, "checkout-api " + EVIL);
        answers.put(Questions.CUSTOMERS_AFFECTED, "about 12,000 customers " + EVIL);
        answers.put(Questions.CUSTOMER_EXPERIENCE, "Checkout failed with an error page " + EVIL);
        answers.put(Questions.IMPACT_SEVERITY, "No data lost; the SLA was breached " + EVIL);
        answers.put(Questions.SECOND_ORDER_IMPACT, "The support queue tripled for a day " + EVIL);
        answers.put(Questions.NFR, "reliability");
        answers.put(Questions.CONSEQUENCES, "Two escalations from enterprise accounts " + EVIL);
        answers.put(Questions.DETECTION_HOW, "monitoring");
        answers.put(Questions.DETECTION_HALVE, "Alarm on checkout error rate " + EVIL);
        answers.put(Questions.UNDERLYING_CAUSE, "A config push removed the pool limit " + EVIL);
        answers.put(Questions.INTERNAL_ACTIVITY, "no");
        answers.put(Questions.DIAGNOSIS_HALVE, "Link config pushes to the deploy dashboard " + EVIL);
        answers.put(Questions.MITIGATED_CONFIRM, "yes");
        answers.put(Questions.RESTORED_HOW, "Error rate back under 0.1% for an hour " + EVIL);
        answers.put(Questions.MITIGATION_FOUND, "Rolled back the config push " + EVIL);
        answers.put(Questions.MITIGATION_HALVE, "A one-click config rollback " + EVIL);
        answers.put(Questions.PREVENTION, "Worked out in the 5 Whys below " + EVIL);
        answers.put(Questions.METRICS, "Checkout error rate on the payments dashboard " + EVIL);
        answers.put(Questions.MONITORING_HOW, "Only latency alarms " + EVIL);
        answers.put(Questions.LESSONS, "Config is code: review it like code " + EVIL);
        answers.put(Questions.RELATED, "none " + EVIL);
        answers.put(Questions.SUMMARY, "accept");
        for (Map.Entry<String, String> a : answers.entrySet()) {
            String marker = "interview|" + coeId + "|" + a.getKey();
            channel.awaitReplyFromBot(card.ts(), m -> m.blocks() != null && m.blocks().contains(marker));
            alice.repliesInThread(channel, card.ts(), a.getValue());
        }
        channel.awaitReplyFromBot(card.ts(), "That's the whole interview");
    }

    private static void fiveWhys(Person alice, Person bob, Channel channel) {
        alice.runs("/coe whys Checkout returned 500s for 40 minutes " + EVIL, channel);
        SlackMessage root = channel.awaitMessageFromBot(m -> m.visibleText().contains("5 Whys #1") && !m.isReply());
        channel.awaitReplyFromBot(root.ts(), "Why #1");
        bob.repliesInThread(channel, root.ts(), "The payments API timed out " + EVIL);
        channel.awaitReplyFromBot(root.ts(), "Why #2");
        bob.repliesInThread(channel, root.ts(), "Retries from checkout doubled the load " + EVIL);
        channel.awaitReplyFromBot(root.ts(), "Why #3");
        bob.repliesInThread(channel, root.ts(), "Retries have no backoff and no budget " + EVIL);
        SlackMessage why4 = channel.awaitReplyFromBot(root.ts(), "Why #4");
        bob.clicks("Root cause", why4, channel);
        channel.awaitReplyFromBot(root.ts(), "three checks");
        bob.repliesInThread(channel, root.ts(), "1. yes 2. a load test would have shown it 3. no");
        channel.awaitReplyFromBot(root.ts(), "What would prevent root cause 1.1.1?");
        bob.repliesInThread(channel, root.ts(), "Exponential backoff with a retry budget " + EVIL);
        channel.awaitReplyFromBot(root.ts(), "These 5 Whys are complete");
    }
}
