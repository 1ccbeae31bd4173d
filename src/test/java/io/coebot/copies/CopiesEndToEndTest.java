package io.coebot.copies;

import io.coebot.coe.CoeStore;
import io.coebot.sandbox.slack.SlackMessage;
import io.coebot.sandbox.slack.SlackWorkspace.Channel;
import io.coebot.sandbox.slack.SlackWorkspace.Person;
import io.coebot.sandbox.slack.UploadedFile;
import io.coebot.testing.CompleteCoe;
import io.coebot.testing.EndToEnd;
import io.coebot.testing.RealGit;
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
                "coe.copies.first-backoff-millis", 200, "coe.copies.poll-millis", 500));
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
        long coeId = app.bean(CoeStore.class).openIn(slack.teamId(), channel.id()).orElseThrow().id();
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
    }
}
