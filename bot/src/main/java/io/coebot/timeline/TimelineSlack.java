package io.coebot.timeline;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.Slack;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.model.Message;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.event.ReactionAddedEvent;
import com.slack.api.model.event.ReactionRemovedEvent;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import io.coebot.coe.Coe;
import io.coebot.coe.Coes;
import io.coebot.slack.BlockKit;
import io.coebot.slack.EchoedText;
import io.coebot.slack.Interaction;
import io.coebot.slack.SlackFeature;
import io.coebot.slack.SlackGateway;
import io.coebot.slack.SlackRegistry;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.input;
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
 * The timeline's thin Slack layer: the pin reaction, the "Add to COE timeline" shortcut and its modal, the
 * entries' menus (mark a milestone, clear it, remove the entry), gap buttons and paging of `/coe timeline`, and
 * "Show timeline" on the card. Parsing here, decisions in {@link TimelineService}; the channel's messages arrive through
 * {@link ChannelCapture}.
 */
@Singleton
class TimelineSlack implements SlackFeature {
    private static final Logger LOG = LoggerFactory.getLogger(TimelineSlack.class);
    public static final String SHORTCUT = "add_to_coe_timeline";
    static final String SHORTCUT_VIEW = "timeline.add-message";
    static final String GAP_VIEW = "timeline.explain-gap";
    /** Slack's plain_text_input holds at most 3,000 characters. */
    private static final int INPUT_MAX = 3000;

    private final TimelineService timelines;
    private final TimelineSettings settings;
    private final ChannelReader reader;
    private final Coes coes;
    private final SlackGateway gateway;
    private final Slack slack;

    public TimelineSlack(TimelineService timelines, TimelineSettings settings, ChannelReader reader, Coes coes,
                         SlackGateway gateway, Slack slack) {
        this.timelines = timelines;
        this.settings = settings;
        this.reader = reader;
        this.coes = coes;
        this.gateway = gateway;
        this.slack = slack;
    }

    @Override
    public void register(SlackRegistry r) {
        registerPins(r);
        registerShortcut(r);
        registerReading(r);
        registerMilestoneMenus(r);
        registerGapNotes(r);
    }

    /** The pin reaction added or taken off a message. */
    private void registerPins(SlackRegistry r) {
        r.event(ReactionAddedEvent.class, (payload, ctx) -> {
            ReactionAddedEvent e = payload.getEvent();
            if (isPin(e.getReaction()) && e.getItem() != null && "message".equals(e.getItem().getType())) {
                pinned(payload.getTeamId(), payload.getEventId(), e.getUser(), e.getItem().getChannel(), e.getItem().getTs());
            }
            return ctx.ack();
        });
        r.event(ReactionRemovedEvent.class, (payload, ctx) -> {
            ReactionRemovedEvent e = payload.getEvent();
            if (isPin(e.getReaction()) && e.getItem() != null && "message".equals(e.getItem().getType())) {
                unpinned(payload.getTeamId(), payload.getEventId(), e.getItem().getChannel(), e.getItem().getTs());
            }
            return ctx.ack();
        });
    }

    /** The "Add to COE timeline" message shortcut and its form. */
    private void registerShortcut(SlackRegistry r) {
        r.messageShortcut(SHORTCUT, (req, ctx) -> {
            var p = req.getPayload();
            Optional<Coe> coe = timelines.openIn(p.getTeam().getId(), p.getChannel().getId());
            if (coe.isEmpty()) {
                ctx.respond(x -> x.responseType("ephemeral").text(
                        "There is no open COE in this channel, so there is no timeline to add this message to. Start one with `/coe start [title]`."));
                return ctx.ack();
            }
            Message m = p.getMessage();
            TimelineStore.SeenMessage seen = new TimelineStore.SeenMessage(p.getChannel().getId(), p.getMessageTs(),
                    m == null ? null : m.getThreadTs(), m == null ? null : m.getUser(),
                    m != null && m.getBotId() != null, m == null ? "" : m.getText());
            timelines.seen(p.getTeam().getId(), seen);
            ctx.client().viewsOpen(x -> x.triggerId(p.getTriggerId()).view(shortcutModal(coe.get(), seen, p.getResponseUrl())));
            return ctx.ack();
        });
        r.viewSubmission(SHORTCUT_VIEW, (req, ctx) -> {
            var view = req.getPayload().getView();
            Interaction in = Interaction.of(req);
            Interaction.Fields meta = in.fields();
            String team = in.teamId();
            String user = in.userId();
            String channel = meta.word("channel");
            String ts = meta.word("ts");
            String note = value(view.getState(), "note", "text");
            Milestone milestone = in.option(selected(view.getState(), "milestone", "pick"), Milestone::fromKey);
            // the message must be in the COE's own channel: a form is not a way to quote another channel into it
            Coe coe = coes.find(meta.id("coe")).filter(c -> c.status() != Coe.Status.PUBLISHED)
                    .filter(c -> c.channelId().equals(channel)).orElse(null);
            if (coe == null) {
                return ctx.ackWithErrors(Map.of("note", "That COE is closed: its timeline no longer changes."));
            }
            Optional<TimelineStore.SeenMessage> message = timelines.seenMessage(team, channel, ts);
            if (message.isEmpty()) {
                try {
                    message = reader.message(team, channel, ts);
                } catch (ChannelReader.ReadFailure f) {
                    return ctx.ackWithErrors(Map.of("note", "Slack did not let me read that message (" + f.error + "). Try again in a minute."));
                }
            }
            if (message.isEmpty()) {
                return ctx.ackWithErrors(Map.of("note", "That message is gone: it was deleted."));
            }
            var outcome = timelines.addMessage(coe, message.get(), TimelineSource.SHORTCUT, permalink(team, channel, ts), note,
                    milestone, user, null);
            if (outcome.entry() == null) {
                return ctx.ackWithErrors(Map.of(milestone != null ? "milestone" : "note", outcome.message()));
            }
            String url = meta.optionalWord("response_url");
            TimelineEntry e = outcome.entry();
            respond(url, outcome.message() + " " + TimelineTime.slackDate(e.occurredAt()) + " ("
                    + TimelineTime.utcStamp(e.occurredAt()) + ")" + (e.milestone() == null ? "" : ", marked *"
                    + TimelineText.tag(e.milestone()) + "*") + (e.note() == null ? "" : ", with your note")
                    + ". `/coe timeline` shows it.", null, false);
            return ctx.ack();
        });
    }

    /** "Show timeline" on the card, and paging through `/coe timeline`. */
    private void registerReading(SlackRegistry r) {
        r.blockAction(TimelineCardPart.SHOW, (req, ctx) -> {
            Coe coe = coes.find(Interaction.of(req).id(0)).orElse(null);
            if (coe != null) {
                List<LayoutBlock> blocks = TimelineView.page(coe, timelines.timeline(coe.id()), 1);
                ctx.respond(x -> x.responseType("ephemeral").replaceOriginal(false).blocks(blocks));
            }
            return ctx.ack();
        });
        r.blockAction(Pattern.compile("^" + Pattern.quote(TimelineView.PAGE_PREFIX) + "(previous|next)$"), (req, ctx) -> {
            // coeId|page
            Interaction in = Interaction.of(req);
            int page = in.number(1);
            coes.find(in.id(0)).ifPresent(coe -> {
                List<LayoutBlock> blocks = TimelineView.page(coe, timelines.timeline(coe.id()), page);
                respondQuietly(ctx, blocks);
            });
            return ctx.ack();
        });
    }

    /** Each entry's menu: mark a milestone, clear it, or remove the entry. */
    private void registerMilestoneMenus(SlackRegistry r) {
        r.blockAction(Pattern.compile("^" + Pattern.quote(TimelineView.MARK_PREFIX) + "\\d+$"), (req, ctx) -> {
            mark(req, ctx);
            return ctx.ack();
        });
    }

    /** A gap's "Explain" button and the form that explains it. */
    private void registerGapNotes(SlackRegistry r) {
        r.blockAction(Pattern.compile("^" + Pattern.quote(TimelineView.GAP_PREFIX) + "\\d+-\\d+$"), (req, ctx) -> {
            // coeId|gapKey
            Interaction in = Interaction.of(req);
            String key = in.word(1);
            Coe coe = coes.find(in.id(0)).orElse(null);
            if (coe == null) {
                return ctx.ack();
            }
            long coeId = coe.id();
            String current = timelines.gapExplanation(coeId, key).orElse(null);
            JsonObject meta = new JsonObject();
            meta.addProperty("coe", coeId);
            meta.addProperty("gap", key);
            if (req.getPayload().getResponseUrl() != null) {
                meta.addProperty("response_url", req.getPayload().getResponseUrl());
            }
            View modal = view(m -> m.type("modal").callbackId(GAP_VIEW).privateMetadata(meta.toString())
                    .title(viewTitle(t -> t.type("plain_text").text("Explain this gap")))
                    .submit(viewSubmit(s -> s.type("plain_text").text("Save")))
                    .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                    .blocks(List.of(input(i -> i.blockId("explanation").label(plainText("What was the team doing meanwhile?"))
                            .element(plainTextInput(t -> t.actionId("text").multiline(true).maxLength(INPUT_MAX)
                                    .initialValue(current)))))));
            ctx.client().viewsOpen(x -> x.triggerId(req.getPayload().getTriggerId()).view(modal));
            return ctx.ack();
        });
        r.viewSubmission(GAP_VIEW, (req, ctx) -> {
            var view = req.getPayload().getView();
            Interaction in = Interaction.of(req);
            Interaction.Fields meta = in.fields();
            String text = value(view.getState(), "explanation", "text");
            if (text == null) {
                return ctx.ackWithErrors(Map.of("explanation", "Say what was happening, even “waiting for the vendor”."));
            }
            String gap = meta.word("gap");
            Coe coe = coes.find(meta.id("coe")).orElse(null);
            if (coe == null) {
                return ctx.ackWithErrors(Map.of("explanation", "That COE no longer exists."));
            }
            timelines.explainGap(coe.id(), coe.teamId(), gap, text, in.userId());
            String url = meta.optionalWord("response_url");
            if (url != null) {
                Timeline t = timelines.timeline(coe.id());
                respond(url, null, TimelineView.page(coe, t, pageOfGap(t, gap)), true);
            }
            return ctx.ack();
        });
    }

    private boolean isPin(String reaction) {
        // skin tones and aliases do not apply to :pushpin:, but a configured emoji may have them ("thumbsup::skin-tone-2")
        return reaction != null && reaction.split("::")[0].equals(settings.reaction());
    }

    /**
     * A pin on a message of a channel with an open COE. The message comes from what the bot saw, else from
     * Slack; when Slack cannot be read right now the event fails, so Slack delivers it again later.
     */
    private void pinned(String teamId, String eventId, String userId, String channel, String ts) {
        Optional<Coe> coe = timelines.openIn(teamId, channel);
        if (coe.isEmpty()) {
            return;
        }
        Optional<TimelineStore.SeenMessage> message = timelines.seenMessage(teamId, channel, ts);
        if (message.isEmpty()) {
            try {
                message = reader.message(teamId, channel, ts);
            } catch (ChannelReader.ReadFailure f) {
                if (f.transientFailure) {
                    throw new IllegalStateException("Reading the pinned message failed for now: " + f.error);
                }
                LOG.info("A pinned message could not be read: {}", f.error);
                return;
            }
        }
        if (message.isEmpty()) {
            return;
        }
        timelines.addMessage(coe.get(), message.get(), TimelineSource.REACTION, permalink(teamId, channel, ts), null, null, userId, eventId);
    }

    /** The last pin taken off: the entry goes, unless someone else's pin is still on the message. */
    private void unpinned(String teamId, String eventId, String channel, String ts) {
        Optional<Coe> coe = timelines.openIn(teamId, channel);
        if (coe.isEmpty() || stillPinned(teamId, channel, ts)) {
            return;
        }
        timelines.removeReactionEntry(coe.get(), ts, eventId);
    }

    private boolean stillPinned(String teamId, String channel, String ts) {
        try {
            var r = gateway.methods(teamId).reactionsGet(b -> b.channel(channel).timestamp(ts).full(true));
            if (!r.isOk() || r.getMessage() == null || r.getMessage().getReactions() == null) {
                return false;
            }
            return r.getMessage().getReactions().stream().anyMatch(x -> isPin(x.getName()) && x.getCount() != null && x.getCount() > 0);
        } catch (Exception e) {
            // when in doubt the person's own act (taking the pin off) wins
            return false;
        }
    }

    private String permalink(String teamId, String channel, String ts) {
        String link = reader.permalink(teamId, channel, ts);
        return link != null ? link : BlockKit.permalink(null, channel, ts);
    }

    private void mark(BlockActionRequest req, ActionContext ctx) throws IOException {
        // coeId|entryId|milestone key, "none" (clear the mark) or "remove" (take the entry out)
        Interaction in = Interaction.of(req);
        long entryId = in.id(1).id();
        String picked = in.word(2);
        Coe coe = coes.find(in.id(0)).orElse(null);
        if (coe == null) {
            return;
        }
        long coeId = coe.id();
        if (TimelineView.REMOVE.equals(picked)) {
            timelines.remove(coe, entryId);
            Timeline t = timelines.timeline(coeId);
            respondQuietly(ctx, TimelineView.page(coe, t, 1));
            return;
        }
        Milestone m = TimelineView.NO_MILESTONE.equals(picked) ? null : in.option(picked, Milestone::fromKey);
        var outcome = timelines.mark(coe, entryId, m);
        if (outcome.entry() == null) {
            ctx.respond(x -> x.responseType("ephemeral").replaceOriginal(false).text(":warning: " + outcome.message()));
            return;
        }
        Timeline t = timelines.timeline(coeId);
        respondQuietly(ctx, TimelineView.page(coe, t, TimelineView.pageOf(t, entryId)));
    }

    private static void respondQuietly(ActionContext ctx, List<LayoutBlock> blocks) {
        try {
            ctx.respond(x -> x.responseType("ephemeral").replaceOriginal(true).blocks(blocks));
        } catch (IOException e) {
            LOG.info("Could not redraw the timeline: {}", e.getClass().getSimpleName());
        }
    }

    private static int pageOfGap(Timeline t, String key) {
        for (TimelinePage p : TimelineView.pages(t)) {
            for (TimelineBlock b : p.blocks()) {
                if (b instanceof TimelineBlock.GapPart g && g.gap().key().equals(key)) {
                    return p.number();
                }
            }
        }
        return 1;
    }

    /** Best effort through a response_url (30 minutes, 5 uses): nothing to retry once it is gone. */
    private void respond(String url, String text, List<LayoutBlock> blocks, boolean replace) {
        if (url == null) {
            return;
        }
        JsonObject body = new JsonObject();
        body.addProperty("response_type", "ephemeral");
        body.addProperty("replace_original", replace);
        if (text != null) {
            body.addProperty("text", text);
        }
        if (blocks != null) {
            body.add("blocks", JsonParser.parseString(BlockKit.json(blocks)).getAsJsonArray());
            if (text == null) {
                body.addProperty("text", "The COE timeline");
            }
        }
        try {
            var r = slack.send(url, body.toString());
            if (r.getCode() >= 300) {
                LOG.info("response_url answered HTTP {}", r.getCode());
            }
        } catch (IOException e) {
            LOG.info("Could not answer through response_url: {}", e.getClass().getSimpleName());
        }
    }

    private static View shortcutModal(Coe coe, TimelineStore.SeenMessage m, String responseUrl) {
        JsonObject meta = new JsonObject();
        meta.addProperty("coe", coe.id());
        meta.addProperty("channel", m.channelId());
        meta.addProperty("ts", m.ts());
        if (responseUrl != null) {
            meta.addProperty("response_url", responseUrl);
        }
        String shown = EchoedText.mrkdwn(m.text());
        String quote = shown.isBlank() ? "_(no text)_" : shown.length() > 500 ? shown.substring(0, 500) + "…" : shown;
        String when = TimelineTime.slackDate(io.coebot.slack.MessageTs.parse(m.ts()).orElseThrow().toInstant());
        var options = new ArrayList<com.slack.api.model.block.composition.OptionObject>();
        for (Milestone x : Milestone.values()) {
            options.add(option(plainText(TimelineText.tag(x)), x.key()));
        }
        return view(v -> v.type("modal").callbackId(SHORTCUT_VIEW).privateMetadata(meta.toString())
                .title(viewTitle(t -> t.type("plain_text").text("Add to COE timeline")))
                .submit(viewSubmit(s -> s.type("plain_text").text("Add")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(List.of(
                        context(c -> c.elements(List.of(markdownText("*" + when + "*"
                                + (m.userId() == null ? "" : " · <@" + m.userId() + ">") + " → " + coe.label() + "\n" + quote)))),
                        input(i -> i.blockId("note").optional(true).label(plainText("Note (optional)"))
                                .hint(plainText("What this message meant for the incident, for readers of the COE."))
                                .element(plainTextInput(t -> t.actionId("text").multiline(true).maxLength(INPUT_MAX)))),
                        input(i -> i.blockId("milestone").optional(true).label(plainText("Marks a milestone (optional)"))
                                .element(staticSelect(s -> s.actionId("pick").placeholder(plainText("None"))
                                        .options(options)))))));
    }

    private static String value(ViewState state, String block, String action) {
        if (state == null || state.getValues() == null || state.getValues().get(block) == null) {
            return null;
        }
        var v = state.getValues().get(block).get(action);
        return v == null || v.getValue() == null || v.getValue().isBlank() ? null : v.getValue().strip();
    }

    private static String selected(ViewState state, String block, String action) {
        if (state == null || state.getValues() == null || state.getValues().get(block) == null) {
            return null;
        }
        var v = state.getValues().get(block).get(action);
        return v == null || v.getSelectedOption() == null ? null : v.getSelectedOption().getValue();
    }

}
