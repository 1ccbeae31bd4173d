package io.coebot.review;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import io.coebot.coe.Coe;
import io.coebot.coe.Coes;
import io.coebot.slack.CoeSubcommand;
import io.coebot.slack.SlackText;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** `/coe review @alice @bob`: the owner asks named people to review; without names, a picker opens. */
@Singleton
class ReviewCommand implements CoeSubcommand {
    private final Coes coes;
    private final ReviewSlack slack;

    ReviewCommand(Coes coes, ReviewSlack slack) {
        this.coes = coes;
        this.slack = slack;
    }

    @Override public String name() { return "review"; }
    @Override public String usage() { return "/coe review @alice @bob"; }
    @Override public String description() { return "Ask people to review the COE (each gets a DM with the draft); it needs their approval before it is published"; }
    @Override public int helpOrder() { return 55; }

    @Override
    public Response handle(String args, SlashCommandRequest req, SlashCommandContext ctx) throws IOException, com.slack.api.methods.SlackApiException {
        var p = req.getPayload();
        Optional<Coe> found = coes.latestIn(p.getTeamId(), p.getChannelId());
        if (found.isEmpty()) {
            return ctx.ack(Coe.noneInChannel("then ask for its review."));
        }
        Coe coe = found.get();
        List<String> named = SlackText.mentionedUsers(args);
        if (named.isEmpty()) {
            if (args.contains("@")) {
                return ctx.ack("I could not tell who you mean: pick people from Slack's @ list so their names turn into "
                        + "mentions, e.g. `/coe review @alice @bob`.");
            }
            if (!coe.ownerUserId().equals(p.getUserId())) {
                return ctx.ack("Only the COE owner, <@" + coe.ownerUserId() + ">, can ask for a review of " + coe.label() + ".");
            }
            ctx.client().viewsOpen(r -> r.triggerId(p.getTriggerId()).view(ReviewForms.ask(coe.id(), coe.label())));
            return ctx.ack();
        }
        return ctx.ack(slack.ask(coe, p.getUserId(), named).text());
    }
}
