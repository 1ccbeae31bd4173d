package io.coebot.trackers;

import io.coebot.actions.ActionItem;
import io.coebot.actions.ActionItems;
import io.coebot.coe.Coes;
import io.coebot.sandbox.slack.SlackMessage;
import io.coebot.sandbox.slack.SlackWorkspace.Channel;
import io.coebot.sandbox.slack.SlackWorkspace.Person;
import io.coebot.testing.EndToEnd;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the trackers' end-to-end tests share: a COE in its own channel, its items, and webhooks sent to the app. */
abstract class TrackerEndToEnd extends EndToEnd {
    private final HttpClient http = HttpClient.newHttpClient();

    /** Fast retries and no scheduled reconcile (the tests run it), on top of the tracker's own settings. */
    static Map<String, Object> withTestPace(Map<String, Object> tracker) {
        Map<String, Object> all = new java.util.HashMap<>(tracker);
        all.put("coe.trackers.poll-millis", 100);
        all.put("coe.trackers.first-backoff-millis", 200);
        all.put("coe.trackers.timeout-millis", 1500);
        all.put("coe.trackers.sync-enabled", false);
        all.put("coe.trackers.sync-every", "1s");
        return all;
    }

    final class Coe {
        final Channel channel;
        final long coeId;
        final SlackMessage card;

        Coe(String channelName, Person owner) {
            channel = ws.channel(channelName);
            owner.runs("/coe start Checkout 500s", channel);
            card = channel.awaitMessageFromBot(m -> m.visibleText().contains("Checkout 500s"));
            coeId = app.bean(Coes.class).openIn(slack.teamId(), channel.id()).orElseThrow().id();
        }

        List<ActionItem> items() {
            return app.bean(ActionItems.class).ofCoe(coeId);
        }

        ActionItem item(String text) {
            return items().stream().filter(i -> i.text().equals(text)).findFirst().orElseThrow();
        }

        SlackMessage awaitInThread(String fragment) {
            return channel.awaitReplyFromBot(card.ts(), fragment);
        }

        /** `/coe action <text> @owner high due …`, as the creator types it. */
        void addByCommand(Person creator, String text, Person owner) {
            String ack = creator.runs("/coe action " + text + " <@" + owner.id() + "> high due " + inDays(10), channel).visibleText();
            assertTrue(ack.contains("Added to COE-"), ack);
        }

        /** The card's "Add action item" form, filled in. */
        void addByForm(Person creator, String text, Person owner, String trackerLink) {
            creator.clicks("Add action item", card, channel);
            creator.awaitOpenView("actions.create");
            Map<String, Map<String, String>> values = new java.util.HashMap<>(Map.of(
                    "text", Map.of("text", text),
                    "owner", Map.of("owner", owner.id()),
                    "priority", Map.of("priority", "high"),
                    "due", Map.of("due", inDays(10))));
            if (trackerLink != null) {
                values.put("tracker", Map.of("tracker", trackerLink));
            }
            creator.submits("actions.create", values);
        }

        /** A 5 Whys down to one root cause with {@code fix} as its remediation, completed into an item for {@code owner}. */
        void addFromWhys(Person creator, String fix, Person owner) {
            creator.runs("/coe whys Checkout errors", channel);
            SlackMessage root = channel.awaitMessageFromBot(m -> m.visibleText().contains("5 Whys #1") && !m.isReply());
            channel.awaitReplyFromBot(root.ts(), "Why #1");
            String[] causes = {"Timeouts", "Pool exhausted", "Pool too small", "Size hard-coded", "No capacity review"};
            SlackMessage last = null;
            for (int i = 0; i < causes.length; i++) {
                creator.repliesInThread(channel, root.ts(), causes[i]);
                last = channel.awaitReplyFromBot(root.ts(), "Why #" + (i + 2));
            }
            creator.clicks("Root cause", last, channel);
            channel.awaitReplyFromBot(root.ts(), "What would prevent root cause 1.1.1.1.1?");
            creator.repliesInThread(channel, root.ts(), fix);
            channel.awaitReplyFromBot(root.ts(), "These 5 Whys are complete");
            creator.runs("/coe actions", channel);
            var list = channel.awaitEphemeralFor(creator, e -> e.visibleText().contains("Draft from 5 Whys #1"));
            creator.clicks("Complete", list);
            creator.awaitOpenView("actions.create");
            creator.submits("actions.create", Map.of(
                    "text", Map.of("text", fix),
                    "owner", Map.of("owner", owner.id()),
                    "due", Map.of("due", inDays(12))));
        }
    }

    static final String ROOT_CAUSE = "root cause 1.1.1.1.1 of 5 Whys #1: No capacity review";

    static String inDays(int days) {
        return LocalDate.now(ZoneOffset.ofHours(14)).plusDays(days).toString();
    }

    ActionItem awaitLinked(Coe coe, String text) {
        return ws.awaitValue("the item shows its issue", () -> {
            ActionItem i = coe.item(text);
            return i.trackerKey() == null ? null : i;
        });
    }

    /** @param headers name, value, name, value… (a null value leaves the header out) */
    HttpResponse<String> post(String path, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            if (headers[i + 1] != null) b.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
