package io.coebot.actions;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import io.coebot.coe.Coe;
import io.coebot.coe.Coes;
import io.coebot.slack.EchoedText;
import io.coebot.slack.CoeSubcommand;
import io.coebot.slack.UserZones;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

/**
 * `/coe action <text> [@owner] [high|medium|low] [due YYYY-MM-DD]`: tracks an item at once when it names its
 * owner; without one, opens the form with what was typed, so the creator picks the owner.
 */
@Singleton
class ActionCommand implements CoeSubcommand {
    private final ActionService actions;
    private final Coes coes;
    private final UserZones zones;

    private final Clock clock;

    public ActionCommand(ActionService actions, Coes coes, UserZones zones, Clock clock) {
        this.actions = actions;
        this.clock = clock;
        this.coes = coes;
        this.zones = zones;
    }

    @Override public String name() { return "action"; }
    @Override public String usage() { return ActionCommandParser.USAGE.replace("<what needs doing>", "<text>"); }
    @Override public String description() { return "Track an action item; without an owner, a form asks for one; `link <issue>` links an existing issue"; }
    @Override public int helpOrder() { return 40; }

    @Override
    public Response handle(String args, SlashCommandRequest req, SlashCommandContext ctx) throws IOException, com.slack.api.methods.SlackApiException {
        var p = req.getPayload();
        Optional<Coe> coe = coes.latestIn(p.getTeamId(), p.getChannelId());
        if (coe.isEmpty()) {
            return ctx.ack(Coe.noneInChannel("then add its action items."));
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), zones.zoneOf(p.getTeamId(), p.getUserId()));
        if (args.toLowerCase(java.util.Locale.ROOT).startsWith("link ") || args.equalsIgnoreCase("link")) {
            return link(args.substring(4).strip(), coe.get(), today, p.getTriggerId(), ctx);
        }
        ParsedAction parsed = ActionCommandParser.parse(args, today);
        if (!parsed.isOk()) {
            return ctx.ack(parsed.error());
        }
        ActionItemDraft draft = parsed.draft();
        if (draft.owner() == null) {
            ctx.client().viewsOpen(r -> r.triggerId(p.getTriggerId()).view(ActionForms.create(new ActionForms.Prefill(
                    coe.get().id(), EchoedText.editable(draft.text()), null, draft.priority(), draft.due(), null, null))));
            return ctx.ack("Who owns it? Pick one person in the form I opened (your text is in it).");
        }
        LocalDate ownerToday = LocalDate.ofInstant(clock.instant(), zones.zoneOf(p.getTeamId(), draft.owner()));
        var created = actions.create(coe.get(), new ActionService.NewItem(draft.text(), draft.owner(), draft.priority(),
                draft.due(), null, null, null, null), p.getUserId(), today, ownerToday);
        if (!created.ok()) {
            return ctx.ack(created.problemText());
        }
        return ctx.ack("Added to " + coe.get().label() + ": " + ActionMessages.line(created.item(), Dueness.Reader.on(today))
                + "\n`/coe actions` lists them all.");
    }


    /**
     * `/coe action link <issue link or key>`: an existing issue becomes an item of this COE. The form opens with the
     * link in it, for the rest (what, who, when); nothing is created in the tracker.
     */
    private Response link(String issue, Coe coe, LocalDate today, String triggerId, SlashCommandContext ctx)
            throws IOException, com.slack.api.methods.SlackApiException {
        if (issue.isEmpty()) {
            return ctx.ack("Which issue? `/coe action link https://github.com/acme/checkout/issues/12` (or its key, OPS-42).");
        }
        Optional<String> problem = ActionItemRules.trackerUrlProblem(issue);
        if (problem.isPresent()) {
            return ctx.ack(problem.get());
        }
        ctx.client().viewsOpen(r -> r.triggerId(triggerId).view(ActionForms.create(new ActionForms.Prefill(coe.id(), null,
                null, Priority.MEDIUM, ActionItemRules.defaultDue(today), null, null, issue))));
        return ctx.ack("Say what the item is and who owns it in the form I opened; it will be linked to that issue.");
    }
}
