package io.coebot.actions;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.View;
import io.coebot.coe.Coe;
import io.coebot.coe.Coes;
import io.coebot.slack.EchoedText;
import io.coebot.slack.EphemeralReplacement;
import io.coebot.slack.BlockKit;
import io.coebot.slack.Interaction;
import io.coebot.slack.SlackFeature;
import io.coebot.slack.SlackRegistry;
import io.coebot.slack.UserZones;
import io.coebot.whys.CauseRef;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The action items' thin Slack layer: the buttons on items (in lists, DMs and digests), the card's and the
 * drafts' "Add action item", and the modals they open.
 */
@Singleton
class ActionSlack implements SlackFeature {
    private final ActionService actions;
    private final ActionStore store;
    private final Coes coes;
    private final UserZones zones;
    private final RemediationDrafts drafts;
    private final ActionsCommand list;
    private final EphemeralReplacement ephemerals;
    private final Clock clock;

    public ActionSlack(ActionService actions, ActionStore store, Coes coes, UserZones zones, RemediationDrafts drafts,
                       ActionsCommand list, EphemeralReplacement ephemerals, Clock clock) {
        this.list = list;
        this.clock = clock;
        this.ephemerals = ephemerals;
        this.drafts = drafts;
        this.actions = actions;
        this.store = store;
        this.coes = coes;
        this.zones = zones;
    }

    @Override
    public void register(SlackRegistry slack) {
        slack.blockAction(ActionMessages.ADD, (req, ctx) -> {
            // value: coeId, or coeId|draftRef to complete a 5 Whys remediation
            Interaction in = Interaction.of(req);
            Optional<Coe> coe = coes.find(in.id(0));
            if (coe.isEmpty()) {
                return ctx.ack();
            }
            long coeId = coe.get().id();
            LocalDate today = LocalDate.ofInstant(clock.instant(), zones.zoneOf(in.teamId(), in.userId()));
            Optional<RemediationDrafts.Draft> draft = CauseRef.parse(in.optionalWord(1)).flatMap(ref -> drafts.find(coeId, ref));
            open(req, ctx, ActionForms.create(new ActionForms.Prefill(coeId, draft.map(d -> EchoedText.editable(d.text())).orElse(null),
                    null, Priority.MEDIUM, ActionItemRules.defaultDue(today), draft.map(RemediationDrafts.Draft::ref).orElse(null),
                    in.ephemeralResponseUrl())));
            return ctx.ack();
        });
        slack.blockAction(ActionMessages.DONE, (req, ctx) -> change(req, ctx, new ActionService.Change.Done()));
        slack.blockAction(ActionMessages.SNOOZE, (req, ctx) -> change(req, ctx, new ActionService.Change.Snooze()));
        slack.blockAction(ActionMessages.CHANGE_DUE, (req, ctx) -> {
            store.find(Interaction.of(req).id(0)).ifPresent(item -> open(req, ctx, ActionForms.due(item.id(), item.due())));
            return ctx.ack();
        });
        slack.blockAction(ActionMessages.WONT_DO, (req, ctx) -> {
            store.find(Interaction.of(req).id(0)).ifPresent(item -> open(req, ctx, ActionForms.wontDo(item.id())));
            return ctx.ack();
        });
        slack.blockAction(ActionMessages.REASSIGN, (req, ctx) -> {
            store.find(Interaction.of(req).id(0)).ifPresent(item -> open(req, ctx, ActionForms.reassign(item.id())));
            return ctx.ack();
        });

        slack.viewSubmission(ActionForms.CREATE, (req, ctx) -> {
            var view = req.getPayload().getView();
            Interaction in = Interaction.of(req);
            String user = in.userId();
            String team = in.teamId();
            Optional<Coe> coe = coes.find(in.id(0));
            if (coe.isEmpty()) {
                return ctx.ackWithErrors(Map.of("text", "This COE no longer exists."));
            }
            var state = view.getState();
            Optional<RemediationDrafts.Draft> cause = CauseRef.parse(in.optionalWord(1)).flatMap(ref -> drafts.find(coe.get().id(), ref));
            LocalDate due;
            try {
                String d = ActionForms.value(state, "due");
                due = d == null ? null : LocalDate.parse(d);
            } catch (DateTimeParseException e) {
                return ctx.ackWithErrors(Map.of("due", "Pick a date from the calendar."));
            }
            String owner = ActionForms.value(state, "owner");
            String priority = ActionForms.value(state, "priority");
            String type = ActionForms.value(state, "type");
            String text = ActionForms.value(state, "text");
            ActionService.NewItem n = new ActionService.NewItem(text == null ? null : EchoedText.typed(text), owner,
                    priority == null ? Priority.MEDIUM : in.option(priority, Priority::fromKey), due,
                    in.option(type, ActionType::fromKey), cause.map(RemediationDrafts.Draft::ref).orElse(null),
                    cause.map(d -> "root cause " + d.causeLabel() + " of " + d.session() + ": " + d.causeText()).orElse(null),
                    ActionForms.value(state, "tracker"));
            LocalDate creatorToday = LocalDate.ofInstant(clock.instant(), zones.zoneOf(team, user));
            LocalDate ownerToday = owner == null ? creatorToday : LocalDate.ofInstant(clock.instant(), zones.zoneOf(team, owner));
            var created = actions.create(coe.get(), n, user, creatorToday, ownerToday);
            if (!created.ok()) {
                return ctx.ackWithErrors(new LinkedHashMap<>(created.problems()));
            }
            // the list it was opened from must not keep offering the draft (or lack the item) it just became
            ephemerals.replace(in.optionalResponseUrl(2), ActionsCommand.added(created.item()),
                    list.afterAdding(coe.get(), created.item(), creatorToday));
            return ctx.ack();
        });
        slack.viewSubmission(ActionForms.DUE, (req, ctx) -> {
            var view = req.getPayload().getView();
            String d = ActionForms.value(view.getState(), "due");
            if (d == null) {
                return ctx.ackWithErrors(Map.of("due", "Pick a date from the calendar."));
            }
            LocalDate due;
            try {
                due = LocalDate.parse(d);
            } catch (DateTimeParseException e) {
                return ctx.ackWithErrors(Map.of("due", "Pick a date from the calendar."));
            }
            String refusal = changeFromView(Interaction.of(req), new ActionService.Change.NewDue(due));
            return refusal == null ? ctx.ack() : ctx.ackWithErrors(Map.of("due", refusal));
        });
        slack.viewSubmission(ActionForms.WONT_DO, (req, ctx) -> {
            var view = req.getPayload().getView();
            String reason = ActionForms.value(view.getState(), "reason");
            String refusal = changeFromView(Interaction.of(req),
                    new ActionService.Change.WontDo(reason == null ? null : EchoedText.typed(reason)));
            return refusal == null ? ctx.ack() : ctx.ackWithErrors(Map.of("reason", refusal));
        });
        slack.viewSubmission(ActionForms.REASSIGN, (req, ctx) -> {
            var view = req.getPayload().getView();
            String refusal = changeFromView(Interaction.of(req),
                    new ActionService.Change.Reassign(ActionForms.value(view.getState(), "owner")));
            return refusal == null ? ctx.ack() : ctx.ackWithErrors(Map.of("owner", refusal));
        });
    }

    /** A button that changes an item at once (Done, Snooze); a refusal is shown only to whoever pressed. */
    private Response change(BlockActionRequest req, ActionContext ctx, ActionService.Change change) throws IOException {
        Interaction in = Interaction.of(req);
        Optional<ActionItem> item = store.find(in.id(0));
        if (item.isEmpty()) {
            return ctx.ack();
        }
        var outcome = actions.change(in.id(0), in.userId(), change, LocalDate.ofInstant(clock.instant(), zones.zoneOf(in.teamId(), in.userId())),
                LocalDate.ofInstant(clock.instant(), zones.zoneOf(in.teamId(), item.get().owner())));
        String text;
        if (outcome.refusal() != null) {
            text = outcome.refusal();
        } else if (change instanceof ActionService.Change.Done) {
            text = "✅ Done: *" + ActionMessages.clip(EchoedText.mrkdwn(outcome.item().text())) + "*. Thank you! I've told the COE's thread.";
        } else {
            text = "💤 I'll leave *" + ActionMessages.clip(EchoedText.mrkdwn(outcome.item().text())) + "* out of your reminders until "
                    + Dueness.day(outcome.item().snoozedUntil()) + ".";
        }
        // a press on the Home tab has no response_url: the Home is redrawn instead (learning/HomeService)
        if (req.getPayload().getResponseUrl() != null) {
            ctx.respond(r -> r.responseType("ephemeral").replaceOriginal(false).text(text));
        }
        return ctx.ack();
    }

    private String changeFromView(Interaction in, ActionService.Change change) {
        Optional<ActionItem> item = store.find(in.id(0));
        if (item.isEmpty()) {
            return "That action item no longer exists.";
        }
        return actions.change(in.id(0), in.userId(), change, LocalDate.ofInstant(clock.instant(), zones.zoneOf(in.teamId(), in.userId())),
                LocalDate.ofInstant(clock.instant(), zones.zoneOf(in.teamId(), item.get().owner()))).refusal();
    }

    private static void open(BlockActionRequest req, ActionContext ctx, View view) {
        try {
            ctx.client().viewsOpen(r -> r.triggerId(req.getPayload().getTriggerId()).view(view));
        } catch (IOException | com.slack.api.methods.SlackApiException e) {
            throw new IllegalStateException("views.open failed: " + e.getClass().getSimpleName());
        }
    }

}
