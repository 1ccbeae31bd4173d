package io.coebot.copies;

import io.coebot.coe.Coes;
import io.coebot.sandbox.slack.SlackCanvas;
import io.coebot.sandbox.slack.SlackMessage;
import io.coebot.sandbox.slack.SlackWorkspace.Channel;
import io.coebot.sandbox.slack.SlackWorkspace.Person;
import io.coebot.sandbox.slack.UploadedFile;
import io.coebot.testing.CompleteCoe;
import io.coebot.testing.EndToEnd;
import io.coebot.testing.FakeConfluence;
import io.coebot.testing.RealGit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A team publishes once and finds its COE in the channel (one message) and in its Git repository of COEs; publishing
 * again updates the copy in place, also when a teammate pushed to the branch in between.
 */
class CopiesEndToEndTest extends EndToEnd {
    private static final String DAY = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
    private final Path bare = bareRepository();
    private final FakeConfluence confluence = confluence();

    private static FakeConfluence confluence() {
        try {
            return new FakeConfluence("coe-bot@example.com", "atl-token-0123456789");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    void stopConfluence() {
        confluence.close();
    }

    private static Path bareRepository() {
        if (!RealGit.installed()) {
            return null;
        }
        try {
            return RealGit.bare("main");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected Map<String, Object> appProperties() {
        Map<String, Object> p = new java.util.HashMap<>(Map.of("coe.review.approvals", 0,
                "coe.copies.first-backoff-millis", 200, "coe.copies.poll-millis", 500, "coe.copies.timeout-millis", 2000,
                "coe.confluence.url", confluence.url(), "coe.confluence.email", "coe-bot@example.com",
                "coe.confluence.api-token", "atl-token-0123456789", "coe.confluence.space-id", FakeConfluence.SPACE));
        if (bare != null) {
            p.put("coe.git.url", bare.toUri().toString());
        }
        return p;
    }

    @Test
    void publishingCommitsTheCoeToTheRepositoryAndTheOneMessageLinksItAndRepublishingCommitsTheChange() throws Exception {
        RealGit.assumeInstalled();
        Person alice = ws.user("U0ALICE19", "alice", "UTC");
        Person bob = ws.user("U0BOB0019", "bob", "UTC");
        Channel channel = ws.channel("inc-copies-git");
        alice.runs("/coe start Checkout 500s", channel);
        SlackMessage card = channel.awaitMessageFromBot(m -> m.visibleText().contains("Checkout 500s"));
        long coeId = app.bean(Coes.class).openIn(slack.teamId(), channel.id()).orElseThrow().id();
        new CompleteCoe(ws, slack, app, channel, card, coeId, alice, bob, DAY).build();

        int before = channel.messages().size();
        alice.runs("/coe finish", channel);
        SlackMessage one = channel.awaitMessageFromBot(m -> m.visibleText().contains("whole COE is in this thread"));
        slack.await("the one message says the COE is in Git", () ->
                channel.message(one.ts()).visibleText().matches("(?s).*\\*Git:\\* written \\(`[0-9a-f]{7}`\\).*"));
        UploadedFile file = ws.awaitValue("the Markdown file", () -> slack.files().stream()
                .filter(f -> f.channelId().equals(channel.id()) && f.filename().endsWith(".md")).findFirst().orElse(null));
        String path = "coes/" + file.filename();
        assertEquals(file.contentAsString(), RealGit.show(bare, "main", path), "the same Markdown as the file in Slack");
        assertEquals(List.of("COE-1: Checkout 500s"), RealGit.log(bare, "main"));
        assertTrue(RealGit.run(bare, "git", "--git-dir=" + bare, "log", "-1", "--format=%B", "main").contains("Published by @alice"));
        assertTrue(RealGit.run(bare, "git", "--git-dir=" + bare, "ls-tree", "-r", "--name-only", "main")
                .contains("coes/COE-1-checkout-500s/timeline.png"), "the timeline chart next to the Markdown");

        // a teammate pushes to the branch; publishing again commits on top of theirs, and edits the one message
        RealGit.commitElsewhere(bare, "main", "README.md", "Our COEs\n");
        alice.runs("/coe finish", channel);
        slack.await("the second commit", () -> RealGit.log(bare, "main").size() == 3);
        assertEquals("COE-1: Checkout 500s (version 2)", RealGit.log(bare, "main").get(0));
        assertEquals("Our COEs\n", RealGit.show(bare, "main", "README.md"), "the teammate's commit is kept");
        String head = RealGit.run(bare, "git", "--git-dir=" + bare, "rev-parse", "--short=7", "main").strip();
        slack.await("the one message shows the new commit", () -> channel.message(one.ts()).visibleText().contains("`" + head + "`"));
        assertEquals(before + 1, channel.messages().size(), "still one message in the channel: " + channel.messages());

        // the canvas: the channel's own, the same Markdown as the file, edited in place by the second publish
        slack.await("the canvas was edited", () -> slack.canvases().stream().anyMatch(c -> c.edits() == 1));
        List<SlackCanvas> canvases = slack.canvases().stream().filter(c -> c.sharedWith().contains(channel.id())).toList();
        assertEquals(1, canvases.size(), "one canvas: " + canvases);
        SlackCanvas canvas = canvases.get(0);
        assertEquals(channel.id(), canvas.channelCanvasOf(), "the channel's canvas, as the channel had none");
        assertEquals("COE-1: Checkout 500s", canvas.title());
        for (String expected : List.of("# COE-1: Checkout 500s", "## Timeline", "Exponential backoff with a retry budget",
                "Written by coe-bot from COE-1")) {
            assertTrue(canvas.markdown().contains(expected), "the canvas has “" + expected + "”:\n" + canvas.markdown());
        }
        assertTrue(channel.message(one.ts()).visibleText().contains("*Canvas:* <https://app.slack.com/docs/" + slack.teamId()
                + "/" + canvas.id() + "|the canvas>"), channel.message(one.ts()).visibleText());

        // Confluence: one page, updated to version 2 in place, its body well-formed XHTML, the chart attached
        slack.await("the page's second version", () -> confluence.pages().stream().anyMatch(pg -> pg.version() == 2));
        List<FakeConfluence.Page> pages = confluence.pages();
        assertEquals(1, pages.size(), "one page: " + pages);
        FakeConfluence.Page page = pages.get(0);
        assertEquals("COE-1: Checkout 500s", page.title());
        assertEquals(FakeConfluence.SPACE, page.spaceId());
        var xhtml = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new org.xml.sax.InputSource(new java.io.StringReader(FakeConfluence.wrap(page.body()))));
        String text = xhtml.getDocumentElement().getTextContent();
        for (String expected : List.of("Exponential backoff with a retry budget", "Deploy 42 rolled out", "root cause")) {
            assertTrue(text.contains(expected), "the page has “" + expected + "”: " + text);
        }
        assertEquals(3, xhtml.getElementsByTagName("table").getLength(), "milestones, timeline and items as tables");
        assertTrue(page.attachments().containsKey("timeline.png"), page.attachments().keySet().toString());
        assertTrue(page.body().contains("<ri:attachment ri:filename=\"timeline.png\"/>"), "the chart shown from its attachment");
        slack.await("the one message links the page", () -> channel.message(one.ts()).visibleText()
                .contains("*Confluence:* <" + confluence.url() + "/wiki/spaces/COE/pages/" + page.id() + "|the page>"));

        // a second COE in the same channel: the channel's canvas is the first one's, so its canvas is shared to it
        alice.runs("/coe start Checkout 500s again", channel);
        channel.awaitMessageFromBot(m -> m.visibleText().contains("Checkout 500s again") && !m.ts().equals(one.ts()));
        alice.runs("/coe finish", channel);
        var offer = channel.awaitEphemeralFor(alice, e -> e.visibleText().contains("publish it anyway"));
        alice.clicks("Publish anyway…", offer);
        alice.awaitOpenView("publish.anyway-reason");
        alice.submits("publish.anyway-reason", Map.of("reason", Map.of("reason", "A second look at the same incident, for the record.")));
        SlackCanvas second = ws.awaitValue("a standalone canvas shared to the channel", () -> slack.canvases().stream()
                .filter(c -> c.title().equals("COE-2: Checkout 500s again") && !c.sharedWith().isEmpty()).findFirst().orElse(null));
        assertEquals(null, second.channelCanvasOf());
        assertEquals(List.of(channel.id()), second.sharedWith());
        assertEquals("read", second.accessLevel());
    }

    @Test
    void aConfluenceThatIsDownOrAnswersTooLateNeverBlocksTheCoeAndNeverGetsASecondPage() {
        Person dave = ws.user("U0DAVE019", "dave", "UTC");
        Channel channel = ws.channel("inc-copies-confluence");
        dave.runs("/coe start Login loops", channel);
        channel.awaitMessageFromBot(m -> m.visibleText().contains("Login loops"));
        confluence.downFor(1_000);
        dave.runs("/coe finish", channel);
        var offer = channel.awaitEphemeralFor(dave, e -> e.visibleText().contains("publish it anyway"));
        dave.clicks("Publish anyway…", offer);
        dave.awaitOpenView("publish.anyway-reason");
        dave.submits("publish.anyway-reason", Map.of("reason", Map.of("reason", "The customer needs this today, details later.")));

        SlackMessage one = channel.awaitMessageFromBot(m -> m.visibleText().contains("whole COE is in this thread"));
        ws.awaitValue("the Markdown file in the thread while Confluence is down", () -> slack.files().stream()
                .filter(f -> one.ts().equals(f.threadTs())).findFirst().orElse(null));
        slack.await("the one message says Confluence is down and that it keeps trying", () -> channel.message(one.ts())
                .visibleText().contains("*Confluence:* _not written yet: Confluence answered HTTP 503: Service Unavailable. I keep trying._"));

        // up again, but the create's answer comes after the bot stopped waiting: the page exists, the retry finds it
        confluence.answerLateOnce(java.time.Duration.ofSeconds(4));
        confluence.downFor(0);
        slack.await("the one message links the page", () -> channel.message(one.ts()).visibleText().contains("|the page>"));
        List<FakeConfluence.Page> pages = confluence.pages().stream().filter(pg -> pg.title().endsWith(": Login loops")).toList();
        assertEquals(1, pages.size(), "one page, not two, after an answer that came too late: " + confluence.requests());
    }

    @Test
    void aCanvasWhoseCreationWasNeverAnsweredIsFoundAndEditedNotMadeTwice() {
        Person erin = ws.user("U0ERIN019", "erin", "UTC");
        Channel channel = ws.channel("inc-copies-canvas-timeout");
        // Slack makes the canvas but answers after the bot stopped waiting (its read timeout is 8 s)
        slack.delayNext("conversations.canvases.create", java.time.Duration.ofSeconds(11));
        erin.runs("/coe start Queue backlog", channel);
        channel.awaitMessageFromBot(m -> m.visibleText().contains("Queue backlog"));
        erin.runs("/coe finish", channel);
        var offer = channel.awaitEphemeralFor(erin, e -> e.visibleText().contains("publish it anyway"));
        erin.clicks("Publish anyway…", offer);
        erin.awaitOpenView("publish.anyway-reason");
        erin.submits("publish.anyway-reason", Map.of("reason", Map.of("reason", "Publishing early to test the canvas.")));
        SlackMessage one = channel.awaitMessageFromBot(m -> m.visibleText().contains("whole COE is in this thread"));

        SlackCanvas canvas = ws.awaitValue("the canvas, edited by the retry that found it", () -> slack.canvases().stream()
                .filter(c -> channel.id().equals(c.channelCanvasOf()) && c.edits() == 1).findFirst().orElse(null));
        slack.await("the one message links it", () -> channel.message(one.ts()).visibleText().contains("/" + canvas.id() + "|the canvas>"));
        assertEquals(1, slack.canvases().stream().filter(c -> c.sharedWith().contains(channel.id())).count(),
                "one canvas, not two: " + slack.canvases());
        assertEquals(1, slack.calls("conversations.canvases.create").stream()
                .filter(c -> channel.id().equals(c.params().get("channel_id"))).count(), "created once");
    }

    @Test
    void whereSlackRefusesCanvasesTheCoeIsPublishedAllTheSameAndTheOneMessageSaysWhy() {
        Person carol = ws.user("U0CAROL19", "carol", "UTC");
        Channel channel = ws.channel("inc-copies-no-canvas");
        slack.failAlways("conversations.canvases.create", "team_tier_cannot_create_channel_canvases");
        slack.failAlways("canvases.create", "canvas_disabled_user_team");
        try {
            carol.runs("/coe start Search slow", channel);
            channel.awaitMessageFromBot(m -> m.visibleText().contains("Search slow"));
            carol.runs("/coe finish", channel);
            var offer = channel.awaitEphemeralFor(carol, e -> e.visibleText().contains("publish it anyway"));
            carol.clicks("Publish anyway…", offer);
            carol.awaitOpenView("publish.anyway-reason");
            carol.submits("publish.anyway-reason", Map.of("reason", Map.of("reason", "A rehearsal of publishing without canvases.")));
            SlackMessage one = channel.awaitMessageFromBot(m -> m.visibleText().contains("whole COE is in this thread"));
            slack.await("the one message says why there is no canvas", () -> channel.message(one.ts()).visibleText()
                    .contains("*Canvas:* _not written: this workspace's plan or settings do not allow canvases (`canvas_disabled_user_team`)."));
            assertTrue(slack.canvases().stream().noneMatch(c -> c.sharedWith().contains(channel.id())));
            ws.awaitValue("the Markdown file in the thread", () -> slack.files().stream()
                    .filter(f -> one.ts().equals(f.threadTs())).findFirst().orElse(null));
        } finally {
            slack.clearFaults();
        }
    }
}
