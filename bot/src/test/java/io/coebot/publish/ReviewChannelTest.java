package io.coebot.publish;

import io.coebot.testing.EndToEnd;
import io.coebot.sandbox.slack.SlackWorkspace.Channel;
import io.coebot.sandbox.slack.SlackWorkspace.Person;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With a review channel configured, a published COE of a public channel is announced there; a private one never. */
class ReviewChannelTest extends EndToEnd {

    @Override
    protected Map<String, Object> appProperties() {
        return Map.of("coe.publish.review-channel", "#coe-reviews");
    }

    private void publishAnyway(Person owner, Channel channel, String title) {
        owner.runs("/coe start " + title, channel);
        channel.awaitMessageFromBot(m -> m.visibleText().contains(title));
        owner.runs("/coe finish", channel);
        var offer = channel.awaitEphemeralFor(owner, e -> e.visibleText().contains("publish it anyway"));
        owner.clicks("Publish anyway…", offer);
        owner.awaitOpenView(PublishSlack.ANYWAY_VIEW);
        owner.submits(PublishSlack.ANYWAY_VIEW, Map.of("reason", Map.of("reason", "A rehearsal: publishing the draft for review.")));
        slack.await("the COE is published", () -> slack.files().stream().anyMatch(f -> f.channelId().equals(channel.id())));
    }

    @Test
    void onlyPublicChannelsCoesAreAnnouncedInTheReviewChannel() {
        Person alice = ws.user("U0ALICE91", "alice", "UTC");
        Channel reviews = ws.channel("coe-reviews");
        Channel open = ws.channel("inc-review-public");
        Channel secret = ws.privateChannel("inc-review-private");

        publishAnyway(alice, open, "Public incident");
        publishAnyway(alice, secret, "Secret incident");

        var announced = reviews.awaitMessageFromBot(m -> m.visibleText().contains("Public incident"));
        assertTrue(announced.visibleText().contains("<#" + open.id() + ">"), announced.visibleText());
        slack.await("the private COE's messages are out", () -> slack.files().size() >= 2);
        assertEquals(0, reviews.messages().stream().filter(m -> m.visibleText().contains("Secret incident")).count(),
                "a private channel's COE is never announced: " + reviews.messages());
    }
}
