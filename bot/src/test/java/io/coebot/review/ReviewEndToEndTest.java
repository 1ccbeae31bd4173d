package io.coebot.review;

import io.coebot.actions.NudgeRun;
import io.coebot.coe.Coes;
import io.coebot.sandbox.slack.SlackMessage;
import io.coebot.sandbox.slack.SlackWorkspace.Channel;
import io.coebot.sandbox.slack.SlackWorkspace.Person;
import io.coebot.sandbox.slack.UploadedFile;
import io.coebot.testing.CompleteCoe;
import io.coebot.testing.EndToEnd;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A COE reviewed the way a team does it, entirely in Slack, with the default of one approval: the owner asks two
 * reviewers, one requests changes, the owner resolves them, the reviewer approves from the newest DM, and only then
 * does `/coe finish` publish it, with the audit of who reviewed what at its end.
 */
class ReviewEndToEndTest extends EndToEnd {
    private static final String DAY = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();

    @Override
    protected Map<String, Object> appProperties() {
        return Map.of("coe.publish.review-channel", "#coe-reviews");
    }

    private Person alice;
    private Person bob;
    private Person carol;
    private Channel channel;
    private SlackMessage card;
    private long coeId;

    private void startCompleteCoe(String channelName, String suffix) {
        alice = ws.user("U0ALICE" + suffix, "alice", "UTC");
        bob = ws.user("U0BOB00" + suffix, "bob", "UTC");
        carol = ws.user("U0CAROL" + suffix, "carol", "UTC");
        ws.channel("coe-reviews");
        channel = ws.channel(channelName);
        alice.runs("/coe start Checkout 500s", channel);
        card = channel.awaitMessageFromBot(m -> m.visibleText().contains("Checkout 500s"));
        coeId = app.bean(Coes.class).openIn(slack.teamId(), channel.id()).orElseThrow().id();
    }

    @Test
    void aCoeGoesFromDraftingThroughChangesRequestedToApprovedAndPublishedWithItsAudit() {
        startCompleteCoe("inc-review-whole", "71");
        slack.await("the card shows Drafting and a due date", () -> {
            String shown = channel.message(card.ts()).visibleText();
            return shown.contains("Drafting") && shown.contains("due ");
        });
        String tooEarly = alice.runs("/coe review <@" + bob.id() + "|bob>", channel).visibleText();
        assertTrue(tooEarly.contains("quality bar is the gate"), tooEarly);

        new CompleteCoe(ws, slack, app, channel, card, coeId, alice, bob, DAY).build();

        String notYet = alice.runs("/coe finish", channel).visibleText();
        assertTrue(notYet.contains("meets the quality bar") && notYet.contains("needs 1 approval"), notYet);
        String self = alice.runs("/coe review <@" + alice.id() + "|alice>", channel).visibleText();
        assertTrue(self.contains("cannot review it yourself"), self);
        String notOwner = bob.runs("/coe review <@" + carol.id() + "|carol>", channel).visibleText();
        assertTrue(notOwner.contains("Only the COE owner"), notOwner);

        String asked = alice.runs("/coe review <@" + bob.id() + "|bob> <@" + carol.id() + "|carol>", channel).visibleText();
        assertTrue(asked.contains("Asked"), asked);
        SlackMessage bobsDm = bob.awaitDm(m -> m.visibleText().contains("asks you to review"));
        assertTrue(bobsDm.visibleText().contains("Checkout 500s") && bobsDm.visibleText().contains("Quality bar: met"), bobsDm.visibleText());
        assertTrue(bobsDm.blocks().contains("/archives/" + channel.id() + "/p" + card.ts().replace(".", "")), "links to the card");
        UploadedFile draft = ws.awaitValue("the draft in bob's DM", () -> slack.files().stream()
                .filter(f -> f.channelId().equals(bob.dm().id()) && f.filename().endsWith("-draft.md")).findFirst().orElse(null));
        assertTrue(draft.contentAsString().contains("Exponential backoff with a retry budget"), draft.contentAsString());
        channel.awaitReplyFromBot(card.ts(), "Drafting → *In review*");
        Channel reviews = ws.channel("coe-reviews");
        SlackMessage inReviewChannel = reviews.awaitMessageFromBot(m -> m.visibleText().contains("Checkout 500s"));
        assertTrue(inReviewChannel.visibleText().contains("In review"), inReviewChannel.visibleText());
        slack.await("the card says In review", () -> channel.message(card.ts()).visibleText().contains("In review"));

        // carol requests changes from her DM
        SlackMessage carolsFirst = carol.awaitDm(m -> m.visibleText().contains("asks you to review"));
        carol.clicks("Request changes…", carolsFirst, carol.dm());
        carol.awaitOpenView(ReviewForms.NOTE);
        var empty = carol.submits(ReviewForms.NOTE, Map.of("section", Map.of("section", "Impact"), "text", Map.of("text", " ")));
        assertTrue(empty.body().contains("Say what should change"), empty.body());
        carol.submits(ReviewForms.NOTE, Map.of("section", Map.of("section", "Impact"),
                "text", Map.of("text", "Say how many customers were charged twice <!channel>")));
        SlackMessage request = channel.awaitReplyFromBot(card.ts(), "requested changes");
        assertTrue(request.visibleText().contains("Impact") && request.visibleText().contains("charged twice"), request.visibleText());
        assertFalse(request.text().contains("<!channel>"), "a typed @channel is never a broadcast: " + request.text());
        channel.awaitReplyFromBot(card.ts(), "In review → *Changes requested*");
        slack.await("the review channel's message is edited in place", () ->
                reviews.message(inReviewChannel.ts()).visibleText().contains("Changes requested"));

        // nobody approves past an open change request, and only the owner resolves it
        bob.clicks("Approve", bobsDm, bob.dm());
        assertTrue(bob.lastResponseUrlPosts().stream().anyMatch(p -> p.text().contains("change request is open")),
                bob.lastResponseUrlPosts().toString());
        String status = alice.runs("/coe status", channel).visibleText();
        assertTrue(status.contains("Status: Changes requested") && status.contains("Open change request by <@" + carol.id()),
                status);
        bob.clicks("Mark resolved", request, channel);
        assertTrue(bob.lastResponseUrlPosts().stream().anyMatch(p -> p.text().contains("Only the COE owner")));
        alice.clicks("Mark resolved", request, channel);
        channel.awaitReplyFromBot(card.ts(), "resolved <@" + carol.id() + ">'s change request");
        channel.awaitReplyFromBot(card.ts(), "Changes requested → *In review*");

        // carol is asked to look again; her first DM's buttons are out of date
        SlackMessage lookAgain = carol.awaitDm(m -> m.visibleText().contains("please look again"));
        carol.clicks("Approve", carolsFirst, carol.dm());
        assertTrue(carol.lastResponseUrlPosts().stream().anyMatch(p -> p.text().contains("out of date")),
                carol.lastResponseUrlPosts().toString());
        carol.clicks("Approve", lookAgain, carol.dm());
        assertTrue(carol.lastResponseUrlPosts().stream().anyMatch(p -> p.text().contains("You approved")));
        channel.awaitReplyFromBot(card.ts(), "In review → *Approved*");

        String published = alice.runs("/coe finish", channel).visibleText();
        assertTrue(published.contains("Publishing COE-"), published);
        UploadedFile md = ws.awaitValue("the published Markdown", () -> slack.files().stream()
                .filter(f -> f.channelId().equals(channel.id())).findFirst().orElse(null));
        String markdown = md.contentAsString();
        assertTrue(markdown.contains("**Approved by:** @carol"), markdown);
        assertTrue(markdown.contains("## Review"), markdown);
        for (String step : List.of("@alice asked @bob, @carol to review", "@carol requested changes on Impact",
                "@alice resolved @carol's change request on Impact", "@carol approved", "@alice published")) {
            assertTrue(markdown.contains(step), "the audit says “" + step + "”:\n" + markdown);
        }
        slack.await("the review channel's message says Published, and nothing else was posted there", () ->
                reviews.message(inReviewChannel.ts()).visibleText().contains("Published"));
        assertEquals(1, reviews.botMessages().size(), "one message per COE in the review channel: " + reviews.messages());
        slack.await("the card says Published", () -> channel.message(card.ts()).visibleText().contains("Published"));
        SlackMessage one = channel.awaitMessageFromBot(m -> m.visibleText().contains("whole COE is in this thread"));
        assertTrue(one.visibleText().contains("Published after review")
                && one.visibleText().contains("*Approved by* <@" + carol.id() + ">"), "the one message names the approver: "
                + one.visibleText());
    }

    @Test
    void anAnswerEditedAfterApprovalMakesTheApprovalStaleUntilTheReviewerConfirmsIt() {
        startCompleteCoe("inc-review-stale", "72");
        new CompleteCoe(ws, slack, app, channel, card, coeId, alice, bob, DAY).build();
        alice.runs("/coe review <@" + bob.id() + "|bob>", channel);
        SlackMessage first = bob.awaitDm(m -> m.visibleText().contains("asks you to review"));
        bob.clicks("Approve", first, bob.dm());
        channel.awaitReplyFromBot(card.ts(), "In review → *Approved*");

        SlackMessage answer = channel.thread(card.ts()).stream()
                .filter(m -> alice.id().equals(m.user()) && m.visibleText().contains("about 12,000 customers")).findFirst().orElseThrow();
        alice.edits(channel, answer.ts(), "about 13,000 customers");
        SlackMessage confirm = bob.awaitDm(m -> m.visibleText().contains("marked stale"));
        channel.awaitReplyFromBot(card.ts(), "Approved → *In review*");
        String status = alice.runs("/coe status", channel).visibleText();
        assertTrue(status.contains("approved (stale"), status);
        String held = alice.runs("/coe finish", channel).visibleText();
        assertTrue(held.contains("has 0 of the 1 approval"), held);

        bob.clicks("Approve", confirm, bob.dm());
        assertTrue(bob.lastResponseUrlPosts().stream().anyMatch(p -> p.text().contains("confirmed your approval")));
        channel.awaitReplyFromBot(card.ts(), "In review → *Approved*");
        assertTrue(alice.runs("/coe finish", channel).visibleText().contains("Publishing COE-"));
    }

    @Test
    void twoReviewersApprovingAtTheSameInstantLeaveOneStatusAndSomeoneRemovedCannotBeAsked() throws Exception {
        startCompleteCoe("inc-review-race", "73");
        Person dave = ws.user("U0DAVE073", "dave", "UTC");
        slack.deactivateUser(dave.id());
        new CompleteCoe(ws, slack, app, channel, card, coeId, alice, bob, DAY).build();
        String removed = alice.runs("/coe review <@" + dave.id() + "|dave>", channel).visibleText();
        assertTrue(removed.contains("no longer in this workspace"), removed);

        alice.runs("/coe review <@" + bob.id() + "|bob> <@" + carol.id() + "|carol>", channel);
        SlackMessage bobs = bob.awaitDm(m -> m.visibleText().contains("asks you to review"));
        SlackMessage carols = carol.awaitDm(m -> m.visibleText().contains("asks you to review"));
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        var a = two.submit(() -> bob.clicks("Approve", bobs, bob.dm()));
        var b = two.submit(() -> carol.clicks("Approve", carols, carol.dm()));
        assertEquals(200, a.get().status());
        assertEquals(200, b.get().status());
        two.shutdown();
        String status = alice.runs("/coe status", channel).visibleText();
        assertTrue(status.contains("Status: Approved") && status.contains("(2 of 1 approval)"), status);
        slack.await("both approvals are announced", () -> channel.thread(card.ts()).stream()
                .filter(m -> m.visibleText().contains("approved COE-")).count() == 2);
        slack.await("everything queued is sent", () -> app.unsentMessages() == 0);
        assertEquals(1, channel.thread(card.ts()).stream().filter(m -> m.visibleText().contains("In review → *Approved*")).count(),
                "one status change, announced once: " + channel.thread(card.ts()));

        // a retried press changes nothing and says so
        bob.clicks("Approve", bobs, bob.dm());
        assertTrue(bob.lastResponseUrlPosts().stream().anyMatch(p -> p.text().contains("already approved")));
    }
}
