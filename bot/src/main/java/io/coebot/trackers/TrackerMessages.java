package io.coebot.trackers;

import io.coebot.actions.ActionItem;
import io.coebot.slack.BlockKit;
import io.coebot.slack.EchoedText;
import io.coebot.store.OutboundMessage;
import io.coebot.store.Outbox;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

/** What the tracker feature says in Slack, always through the outbox (after commit, retried). */
@Singleton
class TrackerMessages {
    private final Outbox outbox;

    TrackerMessages(Outbox outbox) {
        this.outbox = outbox;
    }

    static String what(ActionItem item) {
        return "*" + EchoedText.mrkdwn(BlockKit.cut(item.text(), 300, "in the COE")) + "*";
    }

    static String link(IssueRef ref) {
        return "<" + ref.url() + "|" + ref.key() + ">";
    }

    /** In the COE card's thread. */
    void inThread(String teamId, ActionItem item, String text, Instant now) {
        outbox.enqueue(OutboundMessage.post(teamId, item.channelId(), text,
                BlockKit.json(List.of(section(s -> s.text(markdownText(text)))))).inThreadOfCoe(item.coeId()), now);
    }

    /** A DM. */
    void dm(String teamId, String userId, String text, Instant now) {
        outbox.enqueue(OutboundMessage.post(teamId, userId, text,
                BlockKit.json(List.of(section(s -> s.text(markdownText(text)))))), now);
    }
}
