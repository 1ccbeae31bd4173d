package io.coebot.whys;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import io.coebot.coe.Coe;
import io.coebot.interview.InterviewMessages;
import io.coebot.slack.BlockKit;
import io.coebot.slack.EchoedText;
import io.coebot.store.MessageOwner;
import io.coebot.store.OutboundMessage;
import io.coebot.store.Outbox;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

/**
 * What a 5 Whys session looks like in Slack: its root message in the channel (the problem and the tree so far,
 * edited in place as it grows) and the questions in its thread, with their buttons.
 */
@Singleton
class WhysMessages {
    /** Thread owner kind in thread_route and the outbox. */
    public static final io.coebot.store.OwnerKind THREAD = io.coebot.store.OwnerKind.WHYS;
    /** The card's and the Prevention question's "Start 5 Whys" button; its value is the COE id. */
    public static final String START = InterviewMessages.START_WHYS;
    /** Buttons in a session's thread: "whys.<action>", valued "sessionId|nodeId|seq". */
    static final String ACTION_PREFIX = "whys.";

    /** Leaves room for the header and the footer within Slack's 50 blocks. */
    private static final int TREE_SECTIONS_MAX = 45;

    private final Outbox outbox;

    public WhysMessages(Outbox outbox) {
        this.outbox = outbox;
    }

    /** The session's root message; its thread is the session's once Slack has it. */
    void postRoot(Coe coe, WhysSession s, String responseUrl, Instant now) {
        OutboundMessage m = OutboundMessage.post(s.teamId(), s.channelId(), fallback(s), BlockKit.json(rootBlocks(coe, s)))
                .ownedBy(MessageOwner.of(THREAD, s.id()));
        outbox.enqueue(responseUrl == null ? m : m.reportingFailureTo(responseUrl), now);
    }

    void refreshRoot(Coe coe, WhysSession s, Instant now) {
        outbox.enqueue(OutboundMessage.updateRootOf(s.teamId(), s.channelId(), THREAD, s.id(), fallback(s),
                BlockKit.json(rootBlocks(coe, s))), now);
    }

    /** The 5 Whys' own words carry no markup but mentions, so each whole message is echoed: it quotes causes. */
    void send(WhysSession s, List<WhysMessage> messages, Instant now) {
        for (WhysMessage message : messages) {
            OutboundMessage m = OutboundMessage.post(s.teamId(), s.channelId(), firstLine(message.text()),
                    BlockKit.json(blocks(s.id(), message))).inThreadOf(THREAD, s.id());
            outbox.enqueue(message.seq() == null ? m : m.ownedBy(new MessageOwner(THREAD, s.id(), String.valueOf(message.seq()))), now);
        }
    }

    static String fallback(WhysSession s) {
        return s.label() + " — " + (s.problem() == null ? "the problem is being named in the thread"
                : WhysTreeText.shortLine(EchoedText.mrkdwn(s.problem()), 300));
    }

    List<LayoutBlock> rootBlocks(Coe coe, WhysSession s) {
        List<LayoutBlock> blocks = new ArrayList<>();
        String problem = s.problem() == null ? "_the problem is being named in the thread_" : EchoedText.mrkdwn(s.problem());
        blocks.add(section(x -> x.text(markdownText(
                // the first why in the thread quotes the whole problem
                BlockKit.cut("*" + s.label() + " — " + coe.label() + "*\n" + FiveWhys.quote(problem),
                        BlockKit.SECTION_TEXT_MAX, "in the thread")))));
        List<String> lines = WhysTreeText.slackLines(s.state()).stream().map(EchoedText::mrkdwn).toList();
        List<String> sections = BlockKit.chunks(String.join("\n", lines));
        if (!lines.isEmpty()) {
            int shown = Math.min(sections.size(), TREE_SECTIONS_MAX);
            sections.subList(0, shown).forEach(t -> blocks.add(section(x -> x.text(markdownText(t)))));
            if (shown < sections.size()) {
                // Never cut silently: the published COE has the whole tree.
                blocks.add(context(c -> c.elements(List.of(markdownText("The tree goes on beyond what one Slack message "
                        + "can hold; the published COE has all of it.")))));
            }
        }
        WhysState state = s.state();
        long roots = state.tree().rootCauses().size();
        String status = state.finished()
                ? "✅ Complete: " + roots + " root cause" + (roots == 1 ? "" : "s") + ", each with a remediation"
                : lines.isEmpty() ? "Reply in this thread to answer the whys." : "In progress · reply in this thread to answer";
        blocks.add(context(c -> c.elements(List.of(markdownText(status + " · opened by <@" + s.createdBy() + ">")))));
        return blocks;
    }

    static List<LayoutBlock> blocks(long sessionId, WhysMessage message) {
        List<LayoutBlock> blocks = new ArrayList<>();
        for (String chunk : BlockKit.chunks(EchoedText.mrkdwn(message.text()))) {
            blocks.add(section(x -> x.text(markdownText(chunk))));
        }
        if (!message.buttons().isEmpty()) {
            List<BlockElement> elements = new ArrayList<>();
            for (WhysMessage.Button b : message.buttons()) {
                String value = sessionId + "|" + b.nodeId() + "|" + (message.seq() == null ? "" : message.seq());
                elements.add(button(x -> x.actionId(actionId(b.action())).text(plainText(b.label())).value(value)));
            }
            blocks.add(actions(a -> a.elements(elements)));
        }
        return blocks;
    }

    static String actionId(WhysMessage.Action action) {
        return ACTION_PREFIX + action.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static WhysMessage.Action action(String actionId) {
        return WhysMessage.Action.valueOf(actionId.substring(ACTION_PREFIX.length()).toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    private static String firstLine(String text) {
        return WhysTreeText.shortLine(EchoedText.mrkdwn(text.strip().lines().findFirst().orElse("5 Whys")), 300);
    }


}
