package io.coebot.review;

import com.slack.api.model.block.LayoutBlock;
import io.coebot.actions.Dueness;
import io.coebot.coe.Coe;
import io.coebot.slack.BlockKit;
import io.coebot.slack.EchoedText;
import io.coebot.store.MessageOwner;
import io.coebot.store.OutboundMessage;
import io.coebot.store.Outbox;
import io.coebot.store.OwnerKind;
import io.coebot.timeline.TimelineText;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

/** What the review says in Slack: the reviewers' DMs, the notes in the card's thread, the review channel's message. */
@Singleton
class ReviewMessages {
    static final String APPROVE = "review.approve";
    static final String REQUEST_CHANGES = "review.changes";
    static final String COMMENT = "review.comment";
    static final String RESOLVE = "review.resolve";
    static final String REQUEST_REVIEW = "review.request";

    /** The parts of a COE a comment can be about, as `/coe status` names them. */
    static final List<String> SECTIONS = List.of("Summary", "Impact", "Timeline", "Metrics", "Detection", "Diagnosis",
            "Mitigation", "5 Whys", "Action items", "Lessons learned", "Related items");

    private final Outbox outbox;

    ReviewMessages(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Says something in the COE card's thread. */
    void inThread(Coe coe, String text, Instant now) {
        outbox.enqueue(OutboundMessage.post(coe.teamId(), coe.channelId(), text,
                BlockKit.json(List.of(section(s -> s.text(markdownText(text)))))).inThreadOfCoe(coe.id()), now);
    }

    /** A comment or change request in the card's thread, quoting its section, with the owner's Resolve button. */
    void note(Coe coe, ReviewNote n, Instant now) {
        String head = (n.kind() == ReviewNote.Kind.CHANGES ? "✋ <@" + n.author() + "> *requested changes*"
                : "💬 <@" + n.author() + "> *commented*")
                + (n.section() == null ? "" : " on *" + n.section() + "*") + ":";
        String text = head + "\n" + TimelineText.quoted(EchoedText.mrkdwn(n.text()));
        List<LayoutBlock> blocks = new ArrayList<>();
        for (String chunk : BlockKit.chunks(text)) {
            blocks.add(section(s -> s.text(markdownText(chunk))));
        }
        blocks.add(context(c -> c.elements(List.of(markdownText("Open until the COE owner, <@" + coe.ownerUserId()
                + ">, marks it resolved" + (n.kind() == ReviewNote.Kind.CHANGES ? "; the COE cannot be approved before." : "."))))));
        blocks.add(actions(a -> a.elements(List.of(button(b -> b.actionId(RESOLVE).text(plainText("Mark resolved"))
                .value(coe.id() + "|" + n.id()))))));
        outbox.enqueue(OutboundMessage.post(coe.teamId(), coe.channelId(), BlockKit.cut(head, 3000, "…"),
                BlockKit.json(blocks)).inThreadOfCoe(coe.id()), now);
    }

    /**
     * The review DM: what the COE is about, where it stands, a link to its card, the buttons, and the whole draft
     * as a Markdown file under it (the draft as it is at this moment; the card's thread has the rest).
     *
     * @param why the first line: why this reviewer hears of it now
     */
    void reviewDm(Coe coe, String reviewer, String why, ReviewState state, String summary, LocalDate due,
                  String draftMarkdown, Instant now) {
        String title = coe.label() + " · " + EchoedText.mrkdwn(coe.title());
        String opening = why + "\n*" + title + "* in <#" + coe.channelId() + "> · owner <@" + coe.ownerUserId() + "> · "
                + Dueness.words(due, Dueness.Reader.CHANNEL);
        String summaryText = summary == null || summary.isBlank() ? "_No summary yet._"
                : "*Summary*\n" + TimelineText.quoted(BlockKit.cut(EchoedText.mrkdwn(summary), 2500, "(the rest is in the file below)"));
        String card = coe.cardTs() == null ? "" : " · <" + BlockKit.permalink(null, coe.channelId(), coe.cardTs()) + "|Open the COE card>";
        String value = coe.id() + "|" + state.round();
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText(BlockKit.cut(opening, 3000, "…")))));
        blocks.add(section(s -> s.text(markdownText(summaryText))));
        blocks.add(context(c -> c.elements(List.of(markdownText("Quality bar: met ✅ · Status: *" + state.status().label()
                + "* (" + state.approvals() + " of " + Math.max(1, state.approvalsNeeded()) + " approvals)" + card
                + " · The whole draft is in the file below.")))));
        blocks.add(actions(a -> a.blockId("review-" + coe.id()).elements(List.of(
                button(b -> b.actionId(APPROVE).style("primary").text(plainText("Approve")).value(value)),
                button(b -> b.actionId(REQUEST_CHANGES).text(plainText("Request changes…")).value(value)),
                button(b -> b.actionId(COMMENT).text(plainText("Comment…")).value(value))))));
        outbox.enqueue(OutboundMessage.post(coe.teamId(), reviewer, why + " " + coe.label(), BlockKit.json(blocks)), now);
        outbox.enqueue(OutboundMessage.upload(coe.teamId(), reviewer, draftFileName(coe), draftMarkdown,
                "The draft of " + coe.label() + " as it is now."), now);
    }

    /** A DM with no buttons (to an approver whose approval went stale, the owner…). */
    void dm(Coe coe, String to, String text, Instant now) {
        outbox.enqueue(OutboundMessage.post(coe.teamId(), to, text,
                BlockKit.json(List.of(section(s -> s.text(markdownText(text)))))), now);
    }

    /**
     * The review channel's one message about this COE: posted when it enters review, then edited in place as its
     * status changes (the outbox resolves the message through its route, kind REVIEW).
     */
    void reviewChannel(Coe coe, String channel, ReviewStatus status, long approvals, int needed, LocalDate due,
                       boolean first, Instant now) {
        String text = "📝 *" + coe.label() + " · " + EchoedText.mrkdwn(coe.title()) + "* in <#" + coe.channelId()
                + "> · owner <@" + coe.ownerUserId() + ">\n*" + status.label() + "*"
                + (status == ReviewStatus.PUBLISHED ? "" : " · " + approvals + " of " + needed + " approvals · "
                + Dueness.words(due, Dueness.Reader.CHANNEL));
        String blocks = BlockKit.json(List.of(section(s -> s.text(markdownText(text)))));
        if (first) {
            outbox.enqueue(OutboundMessage.post(coe.teamId(), channel, text, blocks)
                    .ownedBy(MessageOwner.of(OwnerKind.REVIEW, coe.id())), now);
        } else {
            outbox.enqueue(OutboundMessage.updateRootOf(coe.teamId(), channel, OwnerKind.REVIEW, coe.id(), text, blocks), now);
        }
    }

    static String draftFileName(Coe coe) {
        return coe.label() + "-draft.md";
    }
}
