package io.coebot.actions;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import io.coebot.slack.BlockKit;
import io.coebot.slack.EchoedText;
import io.coebot.store.MessageOwner;
import io.coebot.store.OutboundMessage;
import io.coebot.store.Outbox;
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

/** How action items read in Slack: one line per item, the buttons that change it, and the DMs. */
@Singleton
public class ActionMessages {
    public static final String ADD = "actions.add";
    static final String DONE = "actions.done";
    static final String SNOOZE = "actions.snooze";
    static final String CHANGE_DUE = "actions.change-due";
    static final String WONT_DO = "actions.wont-do";
    static final String REASSIGN = "actions.reassign";
    /** Each item takes a section and an actions block; the rest of a 50-block message is the frame. */
    static final int ITEMS_PER_MESSAGE = 22;

    private final Outbox outbox;

    public ActionMessages(Outbox outbox) {
        this.outbox = outbox;
    }

    /**
     * "*Add an alarm* — <@U1> · high · due Mon 7 Dec 2026 (in 2 days) · COE-7". The count is the reader's (a
     * channel reads the date alone), and only while the item is open.
     */
    static String line(ActionItem item, Dueness.Reader reader) {
        LocalDate today = reader.today();
        StringBuilder sb = new StringBuilder("*").append(EchoedText.mrkdwn(item.text())).append("*\n<@").append(item.owner()).append("> · ")
                .append(item.priority().key()).append(" · ")
                .append(Dueness.words(item.due(), item.isOpen() ? reader : Dueness.Reader.CHANNEL));
        sb.append(" · <#").append(item.channelId()).append("> COE-").append(item.coeNumber());
        if (item.type() != null) {
            sb.append(" · ").append(item.type().key());
        }
        if (item.status() == ActionStatus.DONE) {
            sb.append("\n✅ Done");
        } else if (item.status() == ActionStatus.WONT_DO) {
            sb.append("\n🚫 Won't do: ").append(EchoedText.mrkdwn(item.statusReason()));
        } else if (item.snoozedUntil() != null && (today == null || item.isSnoozedOn(today))) {
            sb.append("\n💤 Snoozed until ").append(Dueness.day(item.snoozedUntil()));
        }
        if (item.causeText() != null) {
            sb.append("\n_Fixes:_ ").append(EchoedText.mrkdwn(item.causeText()));
        }
        if (item.trackerUrl() != null) {
            sb.append("\n<").append(item.trackerUrl()).append("|").append(item.trackerLabel()).append(">");
        } else if (item.trackerKey() != null) {
            sb.append("\n🔗 ").append(EchoedText.mrkdwn(item.trackerKey()));
        } else if (item.notYetIn() != null) {
            sb.append("\n⏳ Not yet in ").append(item.notYetIn());
        }
        return sb.toString();
    }

    /** The item and, while it is open, what can be done about it. */
    public static List<LayoutBlock> itemBlocks(ActionItem item, LocalDate today, boolean allButtons) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText(clip(line(item, Dueness.Reader.on(today)))))));
        if (item.isOpen()) {
            String v = String.valueOf(item.id());
            List<BlockElement> buttons = new ArrayList<>();
            buttons.add(button(b -> b.actionId(DONE).text(plainText("Done")).style("primary").value(v)));
            buttons.add(button(b -> b.actionId(SNOOZE).text(plainText("Snooze 1 week")).value(v)));
            buttons.add(button(b -> b.actionId(CHANGE_DUE).text(plainText("Change date")).value(v)));
            if (allButtons) {
                buttons.add(button(b -> b.actionId(WONT_DO).text(plainText("Won't do")).value(v)));
                buttons.add(button(b -> b.actionId(REASSIGN).text(plainText("Reassign")).value(v)));
            }
            blocks.add(actions(a -> a.blockId("action-item|" + item.id()).elements(buttons)));
        }
        return blocks;
    }

    /** Said in the COE card's thread, where the team follows the COE. */
    void announce(String teamId, ActionItem item, String text, Instant now) {
        outbox.enqueue(OutboundMessage.post(teamId, item.channelId(), clip(text),
                BlockKit.json(List.of(section(s -> s.text(markdownText(clip(text))))))).inThreadOfCoe(item.coeId()), now);
    }

    /** A DM: Slack opens the bot's conversation with a person when the channel is their user id. */
    void dm(String teamId, String userId, String text, List<LayoutBlock> blocks, MessageOwner owner, Instant notBefore) {
        OutboundMessage m = OutboundMessage.post(teamId, userId, clip(text), BlockKit.json(blocks));
        outbox.enqueue(owner == null ? m : m.ownedBy(owner), notBefore);
    }

    /** The owner hears about an item the moment it is theirs. */
    void assigned(String teamId, ActionItem item, String by, LocalDate ownerToday, Instant now) {
        String text = "<@" + by + "> made you the owner of an action item from COE-" + item.coeNumber() + " · "
                + EchoedText.mrkdwn(item.coeTitle()) + ":";
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText(clip(text)))));
        blocks.addAll(itemBlocks(item, ownerToday, false));
        blocks.add(context(c -> c.elements(List.of(markdownText("I'll remind you on weekday mornings until it's done.")))));
        dm(teamId, item.owner(), text, blocks, null, now);
    }

    static List<LayoutBlock> digestBlocks(ActionItemDigest digest) {
        List<DigestLine> lines = digest.lines();
        List<LayoutBlock> blocks = new ArrayList<>();
        if (!digest.coes().isEmpty()) {
            blocks.add(section(s -> s.text(markdownText(BlockKit.cut(coeLines(digest), BlockKit.SECTION_TEXT_MAX,
                    "`/coe status` in each COE's channel")))));
        }
        if (lines.isEmpty()) {
            return blocks;
        }
        String head = "Good morning! You have " + lines.size() + " open action item" + (lines.size() == 1 ? "" : "s") + ":";
        blocks.add(section(s -> s.text(markdownText(head))));
        for (DigestLine l : lines.subList(0, Math.min(lines.size(), ITEMS_PER_MESSAGE))) {
            blocks.addAll(itemBlocks(l.item(), digest.localDate(), false));
        }
        if (lines.size() > ITEMS_PER_MESSAGE) {
            int more = lines.size() - ITEMS_PER_MESSAGE;
            blocks.add(context(c -> c.elements(List.of(markdownText("…and " + more + " more: `/coe actions mine` lists them all.")))));
        }
        return blocks;
    }

    /** "Good morning! COEs waiting for you:" and a line per COE to finish (with its due phrase) or to review. */
    private static String coeLines(ActionItemDigest digest) {
        StringBuilder sb = new StringBuilder("Good morning! COEs waiting for you:\n");
        for (CoeReminder r : digest.coes()) {
            String coe = "*" + r.label() + " · " + EchoedText.mrkdwn(r.title()) + "* in <#" + r.channelId() + ">";
            if (r.kind() == CoeReminder.Kind.FINISH) {
                sb.append("• 📝 Finish and publish ").append(coe).append(" — ")
                        .append(Dueness.words(r.due(), Dueness.Reader.on(digest.localDate()))).append('\n');
            } else {
                sb.append("• 🔎 Review ").append(coe).append(" — waiting for your review since ")
                        .append(Dueness.day(r.waitingSince().atZone(digest.zone()).toLocalDate())).append('\n');
            }
        }
        return sb.toString().strip();
    }

    /**
     * An item's text is kept whole (and published whole), but one section shows at most its start; the same cut
     * keeps a notification's text far under Slack's limit, since it repeats the section.
     */
    static String clip(String text) {
        return BlockKit.cut(text, BlockKit.SECTION_TEXT_MAX, "in the published COE and its Markdown");
    }
}
