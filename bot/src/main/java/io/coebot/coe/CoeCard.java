package io.coebot.coe;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import io.coebot.slack.BlockKit;
import io.coebot.slack.EchoedText;
import io.coebot.slack.SlackDate;
import io.coebot.store.OutboundMessage;
import io.coebot.store.Outbox;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

/**
 * The COE card: the one message in the channel that says what this COE is and how far it got.
 * Posted once, then updated in place after every change; its thread is where the interview runs.
 */
@Singleton
public class CoeCard {
    private static final int HEADER_MAX = 150;

    private final Outbox outbox;
    private final CoeStore coes;
    private final List<CoeCardContributor> contributors;

    public CoeCard(Outbox outbox, CoeStore coes, List<CoeCardContributor> contributors) {
        this.outbox = outbox;
        this.coes = coes;
        this.contributors = contributors;
    }

    /** Post the card (after commit); a failure is explained through the command's response_url. */
    void post(Coe coe, String responseUrl, Instant now) {
        outbox.enqueue(OutboundMessage.card(OutboundMessage.Kind.POST, coe.teamId(), coe.channelId(), coe.id(),
                fallback(coe), BlockKit.json(blocks(coe))).reportingFailureTo(responseUrl), now);
    }

    /**
     * Re-render the card in place; call inside the transaction that changed what it shows, at its end (the render
     * waits for any other transaction rendering this card, so the newest edit queued has everything committed).
     */
    public void refresh(Coe coe, Instant now) {
        coes.lockCard(coe.id());
        outbox.enqueue(OutboundMessage.card(OutboundMessage.Kind.UPDATE, coe.teamId(), coe.channelId(), coe.id(),
                fallback(coe), BlockKit.json(blocks(coe))), now);
    }

    static String fallback(Coe coe) {
        return coe.label() + " · " + EchoedText.mrkdwn(coe.title()) + " — owner <@" + coe.ownerUserId() + ">";
    }

    List<LayoutBlock> blocks(Coe coe) {
        List<CardPart> parts = contributors.stream().map(c -> c.part(coe))
                .sorted(Comparator.comparingInt(CardPart::order)).toList();
        String status = coe.status() == Coe.Status.PUBLISHED ? "Published"
                : parts.stream().map(CardPart::status).filter(s -> s != null).findFirst().orElse("Open");

        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(fit(coe.label() + " · " + EchoedText.plain(coe.title()), HEADER_MAX)))));
        blocks.add(context(c -> c.elements(List.of(markdownText(
                "Owner <@" + coe.ownerUserId() + "> · Opened " + SlackDate.token(coe.createdAt()) + " · *" + status + "*")))));
        List<String> lines = parts.stream().flatMap(p -> p.lines().stream()).toList();
        String progress = lines.isEmpty()
                ? "*To do:* Summary · Impact · Timeline · Metrics · Detection · Diagnosis · Mitigation · 5 Whys · Action items · Lessons learned"
                : String.join("\n", lines);
        blocks.add(section(s -> s.text(markdownText(fit(progress, 3000)))));
        blocks.add(context(c -> c.elements(List.of(markdownText(coe.status() == Coe.Status.PUBLISHED
                ? "This COE is published. Its commands still work here; `/coe finish` publishes changes again, in place."
                : "The interview runs in this message's thread: reply there to answer. `/coe help` lists everything.")))));
        List<BlockElement> buttons = new ArrayList<>();
        parts.forEach(p -> p.buttons().forEach(b ->
                buttons.add(button(x -> x.actionId(b.actionId()).text(plainText(b.label())).value(b.value())))));
        if (!buttons.isEmpty()) {
            blocks.add(actions(a -> a.blockId("coe-card").elements(buttons)));
        }
        return blocks;
    }

    private static String fit(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
