package io.coebot.publish;

import io.coebot.actions.ActionItems;
import io.coebot.coe.Coe;
import io.coebot.coe.Coes;
import io.coebot.interview.Questions;
import io.coebot.testing.CompleteCoe;
import io.coebot.testing.EndToEnd;
import io.coebot.sandbox.slack.SlackMessage;
import io.coebot.sandbox.slack.SlackWorkspace.Channel;
import io.coebot.sandbox.slack.SlackWorkspace.Person;
import io.coebot.sandbox.slack.UploadedFile;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A whole COE, the way a team does it: `/coe start`, the interview, a 5 Whys, a timeline, an action item for the
 * root cause, then `/coe status` and `/coe finish` — the COE posted to the channel and uploaded as Markdown — and a
 * second `/coe finish` that edits the same messages instead of posting them twice.
 */
class PublishEndToEndTest extends EndToEnd {
    /**
     * These tests are about what publishing posts; with COE_REVIEW_APPROVALS=0 `/coe finish` publishes as soon as the
     * bar is met, as it did before review existed. The review itself is ReviewEndToEndTest's.
     */
    @Override
    protected java.util.Map<String, Object> appProperties() {
        return java.util.Map.of("coe.review.approvals", 0);
    }

    private static final String DAY = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();

    private Person alice;
    private Person bob;
    private Channel channel;
    private SlackMessage card;
    private long coeId;

    @Test
    void aCompleteCoeIsPublishedAsMessagesAndAMarkdownFileAndPublishingAgainEditsThem() {
        alice = ws.user("U0ALICE81", "alice", "UTC");
        bob = ws.user("U0BOB0081", "bob", "UTC");
        channel = ws.channel("inc-publish-whole");
        alice.runs("/coe start Checkout 500s", channel);
        card = channel.awaitMessageFromBot(m -> m.visibleText().contains("Checkout 500s"));
        coeId = app.bean(Coes.class).openIn(slack.teamId(), channel.id()).orElseThrow().id();

        String early = alice.runs("/coe finish", channel).visibleText();
        assertTrue(early.contains("Quality bar: not met yet"), early);
        assertTrue(channel.messages().size() == 1, "nothing published while the bar fails");

        interview();
        fiveWhys();
        timeline();
        actionItemForTheRootCause();

        String status = alice.runs("/coe status", channel).visibleText();
        assertTrue(status.contains("Quality bar: met"), status);

        int before = channel.messages().size();
        String ack = alice.runs("/coe finish", channel).visibleText();
        assertTrue(ack.contains("Publishing COE-"), ack);
        UploadedFile file = ws.awaitValue("the Markdown file", () -> slack.files().stream()
                .filter(f -> f.channelId().equals(channel.id())).findFirst().orElse(null));
        assertTrue(file.filename().matches("COE-\\d+-checkout-500s\\.md"), file.filename());
        String md = file.contentAsString();
        for (String expected : List.of("Checkout 500s", "12,000 customers", "Deploy 42 rolled out",
                "Retries have no backoff", "Exponential backoff with a retry budget", "Config is code")) {
            assertTrue(md.contains(expected), "the Markdown has “" + expected + "”:\n" + md);
        }
        // one quiet message in the channel: what a reader scanning it needs, and where the COE is in full
        assertEquals(before + 1, channel.messages().size(), "one top-level message: " + channel.messages());
        SlackMessage one = channel.messages().get(before);
        String overview = one.visibleText();
        for (String expected : List.of("Checkout 500s", "Status:* Published", "Severity:*", "12,000 customers",
                "1 root cause · 1 action item", "whole COE is in this thread")) {
            assertTrue(overview.contains(expected), "the one message shows “" + expected + "”:\n" + overview);
        }
        assertEquals(one.ts(), file.threadTs(), "the Markdown file is in its thread");
        List<SlackMessage> published = channel.thread(one.ts()).stream()
                .filter(m -> m.fileIds().isEmpty() && !m.visibleText().contains("as Markdown")).toList();
        String all = published.stream().map(SlackMessage::visibleText).reduce("", (a, b) -> a + "\n" + b);
        List<String> inOrder = List.of("Summary", "Impact", "Timeline", "Metrics", "Incident questions", "5 Whys",
                "Action items", "Lessons learned", "Related items");
        int at = -1;
        for (String heading : inOrder) {
            int next = all.indexOf("\n" + heading + "\n");
            assertTrue(next > at, "the thread reads in order, “" + heading + "” after the one before:\n" + all);
            at = next;
        }
        for (String expected : List.of("Deploy 42 rolled out", "Exponential backoff with a retry budget")) {
            assertTrue(all.contains(expected), "the thread shows “" + expected + "”:\n" + all);
        }
        slack.await("the card says Published", () -> channel.message(card.ts()).visibleText().contains("Published"));
        String oneMessage = one.ts().replace(".", "");
        slack.await("the card links to the one message and no longer points at the interview", () -> {
            String shown = channel.message(card.ts()).visibleText() + channel.message(card.ts()).blocks();
            return shown.contains("/archives/" + channel.id() + "/p" + oneMessage) && !shown.contains("The interview runs");
        });

        // a published COE stays reachable by every command until the next /coe start
        String statusAfter = alice.runs("/coe status", channel).visibleText();
        assertTrue(statusAfter.contains("*Published.*") && !statusAfter.contains("`/coe finish` publishes it."), statusAfter);
        for (String command : List.of("/coe actions", "/coe timeline", "/coe answers")) {
            String answer = alice.runs(command, channel).visibleText();
            assertFalse(answer.contains("There is no"), command + " still reaches the published COE: " + answer);
        }

        // publish again: the one message and its thread are edited, and a new version of the file is uploaded there
        int messagesAfterFirst = channel.messages().size();
        int repliesAfterFirst = channel.thread(one.ts()).size();
        String again = alice.runs("/coe finish", channel).visibleText();
        assertTrue(again.contains("Updating COE-"), again);
        slack.await("a second version of the file", () -> slack.files().stream()
                .filter(f -> f.channelId().equals(channel.id()) && f.filename().endsWith(".md")).count() == 2);
        // (the one message is also edited when a copy's link arrives, so it is its words that tell the new version)
        slack.await("the one message and its thread are edited", () -> channel.message(one.ts()).visibleText().contains("(version 2)")
                && published.stream().allMatch(m -> channel.message(m.ts()).isEdited()));
        assertEquals(messagesAfterFirst, channel.messages().size(), "no second top-level message: " + channel.messages());
        assertEquals(repliesAfterFirst + 1, channel.thread(one.ts()).size(), "only the file's new version is added");
    }

    @Test
    void theOwnerMayPublishAnywayWithAReasonThatTheCoeShows() {
        Person carol = ws.user("U0CAROL82", "carol", "UTC");
        Person dave = ws.user("U0DAVE082", "dave", "UTC");
        Channel c = ws.channel("inc-publish-anyway");
        carol.runs("/coe start Search slow", c);
        c.awaitMessageFromBot(m -> m.visibleText().contains("Search slow"));

        dave.runs("/coe finish", c);
        var notOwner = c.awaitEphemeralFor(dave, e -> e.visibleText().contains("Quality bar: not met yet"));
        assertFalse(notOwner.buttons().stream().anyMatch(b -> b.label().startsWith("Publish anyway")),
                "only the COE owner is offered to publish anyway");

        carol.runs("/coe finish", c);
        var owner = c.awaitEphemeralFor(carol, e -> e.visibleText().contains("publish it anyway"));
        carol.clicks("Publish anyway…", owner);
        carol.awaitOpenView(PublishSlack.ANYWAY_VIEW);
        var tooShort = carol.submits(PublishSlack.ANYWAY_VIEW, Map.of("reason", Map.of("reason", "because")));
        assertTrue(tooShort.body().contains("A sentence or two"), tooShort.body());
        carol.submits(PublishSlack.ANYWAY_VIEW, Map.of("reason", Map.of("reason",
                "The customer asked for our analysis today; the 5 Whys follow next week.")));

        UploadedFile file = ws.awaitValue("the Markdown file", () -> slack.files().stream()
                .filter(f -> f.channelId().equals(c.id())).findFirst().orElse(null));
        assertTrue(file.contentAsString().contains("The customer asked for our analysis today"), file.contentAsString());
        slack.await("the one message in the channel shows the reason", () -> c.messages().stream()
                .anyMatch(m -> m.visibleText().contains("whole COE is in this thread")
                        && m.visibleText().contains("The customer asked for our analysis today")));
        Coe coe = app.bean(Coes.class).latestIn(slack.teamId(), c.id()).orElseThrow();
        assertEquals(Coe.Status.PUBLISHED, coe.status());
    }

    /**
     * What a reader of the published COE sees, for the three tests below: a team in three time zones ran a whole COE
     * (people mentioned by id in an answer, a channel too, a 20-minute gap explained) and published it once.
     */
    private record ReadersCopy(String markdown, List<SlackMessage> messages, SlackMessage card, Person owner,
                               Person responder, Channel deploys) {
        String messagesText() {
            return messages.stream().map(SlackMessage::visibleText).reduce("", (a, b) -> a + "\n" + b);
        }

        SlackMessage part(String header) {
            return messages.stream().filter(m -> m.visibleText().startsWith(header + "\n")).findFirst().orElseThrow(
                    () -> new AssertionError("no published message “" + header + "”: " + messagesText()));
        }
    }

    private ReadersCopy readersCopy;

    private ReadersCopy publishedForReaders() {
        if (readersCopy != null) {
            return readersCopy;
        }
        alice = ws.user("U0ALICE001", "alice", "America/New_York");
        bob = ws.user("U0BOB00001", "bob", "Europe/Berlin");
        Channel deploys = ws.channel("inc-deploys");
        channel = ws.channel("inc-checkout-502s");
        alice.runs("/coe start Checkout 502s", channel);
        card = channel.awaitMessageFromBot(m -> m.visibleText().contains("Checkout 502s"));
        coeId = app.bean(Coes.class).openIn(slack.teamId(), channel.id()).orElseThrow().id();
        interview(Map.of(Questions.MITIGATION_FOUND, "<@" + bob.id() + "> saw the config push announced in <#"
                + deploys.id() + "|> and rolled it back"));
        fiveWhys();
        timeline("14:00 UTC Deploy 42 rolled out", "14:10 UTC Error rate alarm fired",
                "14:30 UTC Config push identified", "14:40 UTC Rolled back the config push");
        alice.runs("/coe timeline", channel);
        var view = channel.awaitEphemeralFor(alice, e -> e.buttons().stream().anyMatch(b -> b.label().equals("Explain this gap")));
        alice.clicks("Explain this gap", view);
        var modal = alice.awaitOpenView("timeline.explain-gap");
        alice.submits(modal.id(), Map.of("explanation", Map.of("text", "On a bridge with the payments team")));
        channel.awaitEphemeralFor(alice, e -> e.visibleText().contains("On a bridge with the payments team"));
        actionItemForTheRootCause();

        int before = channel.messages().size();
        alice.runs("/coe finish", channel);
        UploadedFile file = ws.awaitValue("the Markdown file", () -> slack.files().stream()
                .filter(f -> f.channelId().equals(channel.id())).findFirst().orElse(null));
        SlackMessage one = channel.messages().get(before);
        List<SlackMessage> published = channel.thread(one.ts()).stream()
                .filter(m -> m.fileIds().isEmpty() && !m.visibleText().contains("as Markdown")).toList();
        readersCopy = new ReadersCopy(file.contentAsString(), published, channel.message(card.ts()), alice, bob, deploys);
        return readersCopy;
    }

    /** Issue 15, item 4: the file is read outside Slack, where an id names nobody. */
    @Test
    void theMarkdownNamesThePeopleAndChannelsItMentionsWhileSlackKeepsItsMentions() {
        ReadersCopy coe = publishedForReaders();
        String md = coe.markdown();

        assertTrue(md.contains("- **Owner:** @alice\n"), "the owner by name:\n" + md);
        assertTrue(md.contains("| @alice | by hand |"), "timeline authors by name:\n" + md);
        assertTrue(md.contains("| @bob | high |"), "action owners by name:\n" + md);
        assertTrue(md.contains("@bob saw the config push announced in #inc-deploys"), "mentions in answers:\n" + md);
        for (String id : List.of(coe.owner().id(), coe.responder().id(), coe.deploys().id())) {
            assertFalse(md.contains(id), id + " is shown by name everywhere in the file:\n" + md);
        }
        assertTrue(coe.messagesText().contains("<@" + coe.responder().id() + ">"),
                "in Slack a mention renders natively, so it stays one: " + coe.messagesText());
    }

    /** Issue 15, item 6: the drafted summary is prose, and its durations are the header's. */
    @Test
    void theDraftedSummaryReadsAsSentencesWhoseDurationsAgreeWithTheHeader() {
        String md = publishedForReaders().markdown();
        String summary = md.substring(md.indexOf("## Summary"), md.indexOf("## Impact"));

        assertTrue(md.contains("Time to detect: 10 minutes · to mitigate: 40 minutes"), md);
        assertTrue(summary.contains("Our monitoring detected it 10 minutes after the trigger."), summary);
        assertTrue(summary.contains("Impact was mitigated 40 minutes after the trigger."), summary);
        assertFalse(summary.contains("after detection"), "one way to measure, from the trigger: " + summary);
        assertTrue(summary.contains("About 12,000 customers were impacted."), summary);
        assertFalse(summary.contains("Customers impacted:"), "a sentence, not a label: " + summary);
        assertTrue(summary.contains("Checkout failed with an error page."), summary);
    }

    /** Issue 15, item 7: the published COE keeps its promises about times, headings and quotes. */
    @Test
    void thePublishedCoeShowsEveryTimeLocallyAndInUtcWithoutDoubledHeadingsOrStrayQuoteMarks() {
        ReadersCopy coe = publishedForReaders();
        String header = coe.messages().get(0).visibleText();
        assertTrue(header.contains("All times are shown in your time zone and in UTC"), header);
        Matcher trigger = Pattern.compile("\\*Trigger:\\* <!date\\^\\d+\\^[^|]+\\|[^>]+>(.*)").matcher(header);
        assertTrue(trigger.find(), header);
        assertTrue(trigger.group(1).contains(DAY + " 14:00:00 UTC"), "the trigger in UTC too: " + header);

        String metrics = coe.part("Metrics").visibleText();
        assertFalse(metrics.contains("Metrics\n*Metrics*"), "one Metrics heading: " + metrics);
        assertFalse(coe.markdown().contains("## Metrics\n\n### Metrics"), coe.markdown());

        String timeline = coe.part("Timeline").visibleText();
        assertTrue(timeline.contains("\n> On a bridge with the payments team"),
                "the explanation is a quote (\"> \"), not a stray \">\": " + timeline);

        Matcher opened = Pattern.compile("Opened <!date\\^\\d+\\^[^|]+\\|([^>]+)>").matcher(coe.card().blocks());
        assertTrue(opened.find(), coe.card().blocks());
        assertTrue(opened.group(1).matches("[A-Z][a-z]{2} \\d{1,2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2} UTC"),
                "where Slack cannot draw the date (notifications) it reads like a date: " + opened.group(1));
    }

    private void interview() {
        story().interview(Map.of());
    }

    private void interview(Map<String, String> differently) {
        story().interview(differently);
    }

    private void fiveWhys() {
        story().fiveWhys();
    }

    private void timeline() {
        story().timeline();
    }

    private void timeline(String... entries) {
        story().timeline(entries);
    }

    private void actionItemForTheRootCause() {
        story().actionItemForTheRootCause();
    }

    private CompleteCoe story() {
        return new CompleteCoe(ws, slack, app, channel, card, coeId, alice, bob, DAY);
    }
}
