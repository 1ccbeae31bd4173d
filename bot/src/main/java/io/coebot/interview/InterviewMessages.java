package io.coebot.interview;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.BlockElement;
import io.coebot.coe.Coe;
import io.coebot.slack.BlockKit;
import io.coebot.slack.EchoedText;
import io.coebot.store.MessageOwner;
import io.coebot.store.OutboundMessage;
import io.coebot.store.Outbox;
import io.coebot.store.OwnerKind;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.multiStaticSelect;

/**
 * What the interview says in the card's thread, as Block Kit: a question with its choices and
 * the controls (slash commands do not work in threads, so skip/back/pause are buttons too).
 */
@Singleton
public class InterviewMessages {
    public static final String PICK = "interview.pick";
    public static final String PICK_MANY = "interview.pick-many";
    public static final String SKIP = "interview.skip";
    public static final String BACK = "interview.back";
    public static final String PAUSE = "interview.pause";
    public static final String RESUME = "interview.resume";
    /** On the Prevention question; handled by the 5 Whys feature, which opens a session and answers the question. */
    public static final String START_WHYS = "whys.start";
    /** On the Metrics question when a Prometheus is configured; handled by the graphs feature, which opens its form. */
    public static final String ADD_GRAPH = "graphs.add";

    private final Outbox outbox;
    /** Whether graphs can be drawn here: without a Prometheus the button would only ever say so. */
    private final boolean graphs;

    private final io.micronaut.context.event.ApplicationEventPublisher<RelatedItemsAsked> relatedAsked;

    public InterviewMessages(Outbox outbox, @io.micronaut.context.annotation.Value("${coe.prometheus.url:}") String prometheusUrl,
                             io.micronaut.context.event.ApplicationEventPublisher<RelatedItemsAsked> relatedAsked) {
        this.outbox = outbox;
        this.relatedAsked = relatedAsked;
        this.graphs = prometheusUrl != null && !prometheusUrl.isBlank();
    }

    /**
     * The interview's words quote people's answers and never carry markup of their own beyond mentions, so the whole
     * reply goes through {@link EchoedText}: a quoted answer cannot ping the channel from the card's thread.
     */
    void send(Coe coe, List<BotReply> replies, Instant now) {
        for (BotReply reply : replies) {
            OutboundMessage m;
            if (reply instanceof Ask ask) {
                m = OutboundMessage.post(coe.teamId(), coe.channelId(), EchoedText.mrkdwn(ask.text()),
                                BlockKit.json(askBlocks(coe.id(), ask, graphs)))
                        .ownedBy(new MessageOwner(OwnerKind.COE_CARD, coe.id(), ask.questionId()));
                if (Questions.RELATED.equals(ask.questionId())) {
                    relatedAsked.publishEvent(new RelatedItemsAsked(coe));
                }
            } else if (reply instanceof Traced traced) {
                String text = EchoedText.mrkdwn(traced.question().text());
                List<LayoutBlock> blocks = new ArrayList<>(sayBlocks(text));
                // the same block id the buttons had: the message still says which question it is
                blocks.add(context(c -> c.blockId("interview|" + coe.id() + "|" + traced.question().questionId())
                        .elements(List.of(markdownText(EchoedText.mrkdwn(traced.line()))))));
                // an edit of a message already in the thread, by its ts: no thread to resolve, nothing new posted
                outbox.enqueue(OutboundMessage.updateMessage(coe.teamId(), coe.channelId(), traced.question().ts().value(), text,
                        BlockKit.json(blocks)), now);
                continue;
            } else {
                String text = EchoedText.mrkdwn(((Say) reply).text());
                m = OutboundMessage.post(coe.teamId(), coe.channelId(), text, BlockKit.json(sayBlocks(text)));
            }
            outbox.enqueue(m.inThreadOfCoe(coe.id()), now);
        }
    }

    static List<LayoutBlock> sayBlocks(String text) {
        List<LayoutBlock> blocks = new ArrayList<>();
        for (String chunk : BlockKit.chunks(text)) {
            blocks.add(section(s -> s.text(markdownText(chunk))));
        }
        return blocks;
    }

    static List<LayoutBlock> askBlocks(long coeId, Ask ask, boolean graphs) {
        List<LayoutBlock> blocks = new ArrayList<>(sayBlocks(EchoedText.mrkdwn(ask.text())));
        if (ask.hint() != null && !ask.hint().isBlank()) {
            blocks.add(context(c -> c.elements(List.of(markdownText(EchoedText.mrkdwn(ask.hint()))))));
        }
        String base = coeId + "|" + ask.questionId();
        List<BlockElement> elements = new ArrayList<>();
        if (ask.multiSelect()) {
            List<OptionObject> options = ask.choices().stream()
                    .map(c -> option(plainText(c.label()), c.value())).toList();
            elements.add(multiStaticSelect(m -> m.actionId(PICK_MANY).placeholder(plainText("Choose all that apply"))
                    .options(options)));
        } else {
            for (Choice c : ask.choices()) {
                elements.add(button(b -> b.actionId(PICK + ":" + c.value()).text(plainText(c.label()))
                        .value(base + "|" + c.value())));
            }
        }
        if (Questions.PREVENTION.equals(ask.questionId())) {
            elements.add(button(b -> b.actionId(START_WHYS).text(plainText("Start 5 Whys")).style("primary")
                    .value(String.valueOf(coeId))));
        }
        if (graphs && Questions.METRICS.equals(ask.questionId())) {
            elements.add(button(b -> b.actionId(ADD_GRAPH).text(plainText("Add a graph")).style("primary")
                    .value(String.valueOf(coeId))));
        }
        elements.add(button(b -> b.actionId(SKIP).text(plainText("Skip")).value(base)));
        elements.add(button(b -> b.actionId(BACK).text(plainText("Back")).value(base)));
        elements.add(button(b -> b.actionId(PAUSE).text(plainText("Pause")).value(base)));
        // The block id carries the question, so a multi-select (which has no value of its own) is routed too.
        blocks.add(actions(a -> a.blockId("interview|" + base).elements(elements)));
        return blocks;
    }
}
