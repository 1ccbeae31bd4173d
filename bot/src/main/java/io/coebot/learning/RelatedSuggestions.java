package io.coebot.learning;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.Slack;
import com.slack.api.model.block.LayoutBlock;
import io.coebot.coe.Coe;
import io.coebot.coe.Coes;
import io.coebot.interview.AnswerReplaced;
import io.coebot.interview.InterviewService;
import io.coebot.interview.Interviews;
import io.coebot.interview.Questions;
import io.coebot.interview.RelatedItemsAsked;
import io.coebot.publish.StatusExtras;
import io.coebot.slack.BlockKit;
import io.coebot.slack.ChannelAccess;
import io.coebot.slack.EchoedText;
import io.coebot.slack.Interaction;
import io.coebot.slack.SlackFeature;
import io.coebot.slack.SlackRegistry;
import io.coebot.slack.TeamRef;
import io.coebot.slack.UserZones;
import io.coebot.store.OutboundMessage;
import io.coebot.store.Outbox;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

/**
 * Up to three earlier COEs like this one, each with a line on why and *Add to Related items*, which puts its link into
 * the COE's Related items answer: in the card's thread when the interview asks for related items, and after
 * `/coe status`. They are said where the COE's channel reads them, so only COEs of public channels (or of the same
 * channel) are suggested: a private channel's COE is never named to people outside it.
 */
@Singleton
class RelatedSuggestions implements SlackFeature, StatusExtras {
    static final String ADD = "learning_related_add";
    static final int SHOWN = 3;
    private static final Logger LOG = LoggerFactory.getLogger(RelatedSuggestions.class);

    private final RelatedStore store;
    private final Coes coes;
    private final InterviewService interviews;
    private final Interviews answers;
    private final ChannelAccess access;
    private final Outbox outbox;
    private final TransactionOperations<java.sql.Connection> tx;
    private final UserZones zones;
    private final Slack slack;
    private final ExecutorService background;
    private final Clock clock;

    RelatedSuggestions(RelatedStore store, Coes coes, InterviewService interviews, Interviews answers, ChannelAccess access, Outbox outbox,
                       TransactionOperations<java.sql.Connection> tx, UserZones zones, Slack slack, Clock clock) {
        this.store = store;
        this.coes = coes;
        this.interviews = interviews;
        this.answers = answers;
        this.access = access;
        this.outbox = outbox;
        this.tx = tx;
        this.zones = zones;
        this.slack = slack;
        // its own thread: Micronaut's executors carry the caller's (by then closed) transaction into the task
        this.background = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "related-coes");
            t.setDaemon(true);
            return t;
        });
        this.clock = clock;
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        background.shutdownNow();
    }

    /** The COEs people reading {@code coe}'s channel may be told about, the most alike first. */
    List<RelatedCoe> suggestions(Coe coe) {
        List<RelatedCoe> out = new ArrayList<>();
        for (RelatedCoe r : store.like(coe.teamId(), coe.id(), 12)) {
            if (r.channelId().equals(coe.channelId()) || access.isPublic(coe.teamId(), r.channelId())) {
                out.add(r);
                if (out.size() == SHOWN) {
                    break;
                }
            }
        }
        return out;
    }

    static List<LayoutBlock> blocks(Coe coe, List<RelatedCoe> related, String lead) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText(lead))));
        for (RelatedCoe r : related) {
            String line = "*" + link(r) + "*\n" + EchoedText.mrkdwn(BlockKit.cut(r.why(), 500, ""));
            blocks.add(section(s -> s.text(markdownText(line)).accessory(button(b -> b.actionId(ADD)
                    .text(plainText("Add to Related items")).value(coe.id() + "|" + r.coeId())))));
        }
        blocks.add(context(c -> c.elements(List.of(markdownText("Found by `/coe search`'s index: the words of the titles, "
                + "services, causes and summaries these COEs share.")))));
        return blocks;
    }

    private static String link(RelatedCoe r) {
        String name = "COE-" + r.number() + " · " + EchoedText.mrkdwn(BlockKit.cut(r.title(), 150, ""));
        return r.cardTs() == null ? name + " in <#" + r.channelId() + ">"
                : "<" + BlockKit.permalink(null, r.channelId(), r.cardTs()) + "|" + name.replace("|", "¦") + ">";
    }

    /** The interview reached Related items: the suggestions follow in the thread, once its move is committed. */
    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    void onRelatedAsked(RelatedItemsAsked event) {
        Coe coe = event.coe();
        background.execute(() -> {
            try {
                List<RelatedCoe> related = suggestions(coe);
                if (related.isEmpty()) {
                    return;
                }
                String lead = "Earlier COEs like this one (press *Add to Related items* to put one in the answer):";
                tx.executeWrite(s -> outbox.enqueue(OutboundMessage.post(coe.teamId(), coe.channelId(), lead,
                        BlockKit.json(blocks(coe, related, lead))).inThreadOfCoe(coe.id()), clock.instant()));
            } catch (RuntimeException e) {
                LOG.warn("Could not suggest related COEs: {}", e.toString(), e);
            }
        });
    }

    /** After `/coe status`: the suggestions, only to whoever asked. */
    @Override
    public void afterStatus(Coe coe, String responseUrl) {
        if (responseUrl == null) {
            return;
        }
        background.execute(() -> {
            try {
                List<RelatedCoe> related = suggestions(coe);
                if (!related.isEmpty()) {
                    respond(responseUrl, "Related COEs", blocks(coe, related, "*Earlier COEs like this one*"));
                }
            } catch (RuntimeException e) {
                LOG.info("Could not show related COEs: {}", e.getClass().getSimpleName());
            }
        });
    }

    @Override
    public void register(SlackRegistry registry) {
        registry.blockAction(ADD, (req, ctx) -> {
            Interaction in = Interaction.of(req);
            Optional<Coe> coe = coes.find(in.id(0));
            Optional<Coe> related = coes.find(in.id(1));
            String answer;
            if (coe.isEmpty() || related.isEmpty() || coe.get().id() == related.get().id()
                    || !(related.get().channelId().equals(coe.get().channelId()) || access.isPublic(related.get().teamId(), related.get().channelId()))) {
                answer = SlackRegistry.OUT_OF_DATE;
            } else {
                answer = add(coe.get(), related.get(), in.userId());
            }
            String url = req.getPayload().getResponseUrl();
            if (url != null) {
                respond(url, answer, List.of(section(s -> s.text(markdownText(answer)))));
            }
            return ctx.ack();
        });
    }

    /** Appends the related COE's link to the Related items answer (a "none" gives way). */
    private String add(Coe coe, Coe related, String userId) {
        String link = "<" + (related.cardTs() == null ? "#" + related.channelId()
                : BlockKit.permalink(null, related.channelId(), related.cardTs())) + "|" + related.label() + " · "
                + EchoedText.typed(related.title()).replace("|", "¦") + ">";
        String now = answers.find(coe.id()).map(s -> s.answers().get(Questions.RELATED))
                .map(a -> a.value() == null ? "" : a.value().strip()).orElse("");
        if (now.contains(related.label() + " ·")) {
            return related.label() + " is already in the Related items.";
        }
        String text = now.isEmpty() || now.equalsIgnoreCase("none") ? link : now + "\n" + link;
        var outcome = interviews.applyToQuestion(new TeamRef(coe.teamId(), coe.id()), null,
                new AnswerReplaced(userId, Questions.RELATED, text, zones.zoneOf(coe.teamId(), userId)));
        return outcome == InterviewService.Outcome.APPLIED ? "Added " + related.label() + " to the Related items of " + coe.label() + "."
                : "The interview of " + coe.label() + " is not running, so I could not add it.";
    }

    private void respond(String url, String text, List<LayoutBlock> blocks) {
        JsonObject body = new JsonObject();
        body.addProperty("response_type", "ephemeral");
        body.addProperty("replace_original", false);
        body.addProperty("text", text);
        body.add("blocks", JsonParser.parseString(BlockKit.json(blocks)));
        try {
            slack.send(url, body.toString());
        } catch (java.io.IOException e) {
            LOG.info("Could not answer through a response_url: {}", e.getClass().getSimpleName());
        }
    }
}
