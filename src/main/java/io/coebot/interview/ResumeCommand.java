package io.coebot.interview;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import io.coebot.coe.CoeStore;
import io.coebot.slack.CoeSubcommand;
import jakarta.inject.Singleton;

/** `/coe resume`: pick a paused interview up where it stopped (the card also has a button). */
@Singleton
public class ResumeCommand implements CoeSubcommand {
    private final CoeStore coes;
    private final InterviewService interviews;

    public ResumeCommand(CoeStore coes, InterviewService interviews) {
        this.coes = coes;
        this.interviews = interviews;
    }

    @Override public String name() { return "resume"; }
    @Override public String usage() { return "/coe resume"; }
    @Override public String description() { return "Resume a paused interview where it stopped"; }
    @Override public int helpOrder() { return 20; }

    @Override
    public Response handle(String args, SlashCommandRequest req, SlashCommandContext ctx) {
        var p = req.getPayload();
        var coe = coes.openIn(p.getTeamId(), p.getChannelId());
        if (coe.isEmpty()) {
            return ctx.ack("There is no open COE in this channel. Start one with `/coe start [title]`.");
        }
        var state = interviews.stateOf(coe.get().id());
        if (state.isEmpty()) {
            return ctx.ack("The interview of " + coe.get().label() + " has not started yet: its card is still on its way.");
        }
        if (state.get().status() != InterviewStatus.PAUSED) {
            return ctx.ack("The interview of " + coe.get().label() + " is not paused"
                    + (state.get().status() == InterviewStatus.COMPLETE ? " — it is complete." : " — it is waiting for an answer in the card's thread."));
        }
        interviews.applyToQuestion(coe.get().id(), p.getTeamId(), null, new Pressed(p.getUserId(), Control.RESUME));
        return ctx.ack("Resuming the interview of " + coe.get().label() + " in the card's thread.");
    }
}
