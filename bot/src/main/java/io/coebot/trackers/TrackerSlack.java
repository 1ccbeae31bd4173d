package io.coebot.trackers;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import io.coebot.coe.Coe;
import io.coebot.coe.CoeCard;
import io.coebot.coe.Coes;
import io.coebot.slack.CoeSubcommand;
import io.coebot.slack.Interaction;
import io.coebot.slack.SlackFeature;
import io.coebot.slack.SlackGateway;
import io.coebot.slack.SlackRegistry;
import io.coebot.store.OutboundMessage;
import io.coebot.store.Outbox;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

/**
 * `/coe tracker` and the card's "Tracker" button: a form, seen only by whoever opened it, to choose which configured
 * tracker (and which repository, project or team) this channel's action items go to, or none. Only the COE's owner
 * or a workspace admin may change it. The card shows the choice.
 */
@Singleton
class TrackerSlack implements SlackFeature, CoeSubcommand {
    private static final Logger LOG = LoggerFactory.getLogger(TrackerSlack.class);
    static final String OPEN = "trackers.open";
    static final String FORM = "trackers.choose";

    private final TrackerChoice choice;
    private final Coes coes;
    private final CoeCard card;
    private final SlackGateway slack;
    private final Outbox outbox;
    private final TransactionOperations<Connection> tx;
    private final Clock clock;

    public TrackerSlack(TrackerChoice choice, Coes coes, CoeCard card, SlackGateway slack, Outbox outbox,
                        TransactionOperations<Connection> tx, Clock clock) {
        this.choice = choice;
        this.coes = coes;
        this.card = card;
        this.slack = slack;
        this.outbox = outbox;
        this.tx = tx;
        this.clock = clock;
    }

    @Override public String name() { return "tracker"; }
    @Override public String usage() { return "/coe tracker"; }
    @Override public String description() { return "Choose the tracker (GitHub, Jira, Linear) this channel's action items go to"; }
    @Override public int helpOrder() { return 45; }

    @Override
    public Response handle(String args, SlashCommandRequest req, SlashCommandContext ctx) {
        var p = req.getPayload();
        String now = choice.describe(p.getTeamId(), p.getChannelId());
        Optional<Coe> coe = coes.latestIn(p.getTeamId(), p.getChannelId());
        if (coe.isEmpty()) {
            return ctx.ack(now + "\n" + Coe.noneInChannel("then choose where its action items go."));
        }
        if (choice.configured().isEmpty()) {
            return ctx.ack("No tracker is configured, so action items stay in coe-bot. An admin sets COE_GITHUB_TOKEN "
                    + "(or the Jira or Linear settings) where coe-bot runs; see the README.");
        }
        Optional<String> refusal = refusal(p.getTeamId(), p.getChannelId(), p.getUserId());
        if (refusal.isPresent()) {
            return ctx.ack(now + "\n" + refusal.get());
        }
        if (!openForm(p.getTriggerId(), coe.get())) {
            return ctx.ack(now + "\nI couldn't open the form just now; please try again.");
        }
        return ctx.ack(now + "\nChoose in the form I opened.");
    }

    @Override
    public void register(SlackRegistry registry) {
        registry.blockAction(OPEN, (req, ctx) -> {
            Interaction in = Interaction.of(req);
            Optional<Coe> coe = coes.find(in.id(0));
            if (coe.isEmpty()) {
                return ctx.ack();
            }
            Optional<String> refusal = refusal(in.teamId(), coe.get().channelId(), in.userId());
            if (refusal.isPresent()) {
                String text = refusal.get();
                ctx.respond(r -> r.responseType("ephemeral").replaceOriginal(false).text(text));
            } else {
                openForm(req.getPayload().getTriggerId(), coe.get());
            }
            return ctx.ack();
        });
        registry.viewSubmission(FORM, (req, ctx) -> {
            Interaction in = Interaction.of(req);
            // the COE, read with the submitting workspace's id: another workspace's form changes nothing here
            Optional<Coe> coe = coes.find(in.id(0));
            if (coe.isEmpty()) {
                return ctx.ackWithErrors(Map.of("tracker", "This COE no longer exists."));
            }
            String channel = coe.get().channelId();
            ViewState state = req.getPayload().getView().getState();
            Optional<String> refusal = refusal(in.teamId(), channel, in.userId());
            if (refusal.isPresent()) {
                return ctx.ackWithErrors(Map.of("tracker", refusal.get()));
            }
            String trackerId = value(state, "tracker");
            String target = value(state, "target");
            if (trackerId == null) {
                return ctx.ackWithErrors(Map.of("tracker", "Pick a tracker, or None."));
            }
            if (!TrackerChoice.NONE.equals(trackerId)) {
                Optional<Tracker> tracker = choice.byId(trackerId).filter(Tracker::configured);
                if (tracker.isEmpty()) {
                    return ctx.ackWithErrors(Map.of("tracker", "That tracker is not configured here."));
                }
                Optional<String> problem = tracker.get().targetProblem(target);
                if (problem.isPresent()) {
                    return ctx.ackWithErrors(Map.of("target", problem.get()));
                }
                target = target.strip();
            }
            String chosenTarget = target;
            Instant now = clock.instant();
            tx.executeWrite(s -> {
                choice.choose(in.teamId(), channel, trackerId, chosenTarget, in.userId(), now);
                String text = "🔗 <@" + in.userId() + "> chose where this channel's action items go: "
                        + choice.describe(in.teamId(), channel).replaceFirst("^Action items", "new items");
                outbox.enqueue(OutboundMessage.post(in.teamId(), channel, text,
                        io.coebot.slack.BlockKit.json(List.of(section(b -> b.text(markdownText(text)))))).inThreadOfCoe(coe.get().id()), now);
                card.refresh(coe.get(), now);
                return null;
            });
            return ctx.ack();
        });
    }

    /** Only the COE's owner or a workspace admin changes where a channel's items go. */
    private Optional<String> refusal(String teamId, String channelId, String userId) {
        Optional<Coe> coe = coes.latestIn(teamId, channelId);
        if (coe.isPresent() && coe.get().ownerUserId().equals(userId)) {
            return Optional.empty();
        }
        if (isAdmin(teamId, userId)) {
            return Optional.empty();
        }
        return Optional.of("Only " + coe.map(c -> "<@" + c.ownerUserId() + ">, who owns " + c.label() + ", or ").orElse("")
                + "a workspace admin can choose the tracker for this channel.");
    }

    private boolean isAdmin(String teamId, String userId) {
        try {
            var r = slack.methods(teamId).usersInfo(b -> b.user(userId));
            return r.isOk() && r.getUser() != null && (r.getUser().isAdmin() || r.getUser().isOwner());
        } catch (Exception e) {
            LOG.info("users.info failed while checking an admin: {}", e.getClass().getSimpleName());
            return false;
        }
    }

    private boolean openForm(String triggerId, Coe coe) {
        TrackerChoice.ChannelChoice current = choice.of(coe.teamId(), coe.channelId());
        List<OptionObject> options = new ArrayList<>();
        for (Tracker t : choice.configured()) {
            options.add(option(plainText(t.name()), t.id()));
        }
        OptionObject none = option(plainText("None: keep items in coe-bot only"), TrackerChoice.NONE);
        options.add(none);
        OptionObject initial = current.destination().map(d -> option(plainText(d.tracker().name()), d.tracker().id()))
                .orElse(current.own() ? none : null);
        String target = current.destination().map(TrackerChoice.Destination::target).orElse(null);
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(input(i -> i.blockId("tracker").label(plainText("Tracker"))
                .element(staticSelect(s -> s.actionId("tracker").options(options).initialOption(initial)))));
        blocks.add(input(i -> i.blockId("target").label(plainText("Repository, project or team")).optional(true)
                .hint(plainText("GitHub: owner/name. Jira: the project key (OPS). Linear: the team key (ENG)."))
                .element(plainTextInput(t -> t.actionId("target").initialValue(target)))));
        View v = view(m -> m.type("modal").callbackId(FORM).privateMetadata(String.valueOf(coe.id()))
                .title(viewTitle(t -> t.type("plain_text").text("Action item tracker")))
                .submit(viewSubmit(s -> s.type("plain_text").text("Save")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(blocks));
        try {
            return slack.methods(coe.teamId()).viewsOpen(r -> r.triggerId(triggerId).view(v)).isOk();
        } catch (Exception e) {
            LOG.info("views.open failed: {}", e.getClass().getSimpleName());
            return false;
        }
    }

    private static String value(ViewState state, String block) {
        Map<String, ViewState.Value> b = state == null || state.getValues() == null ? null : state.getValues().get(block);
        if (b == null || b.isEmpty()) {
            return null;
        }
        ViewState.Value v = b.values().iterator().next();
        String out = v.getSelectedOption() != null ? v.getSelectedOption().getValue() : v.getValue();
        return out == null || out.isBlank() ? null : out;
    }
}
