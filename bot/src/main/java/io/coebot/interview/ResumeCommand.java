package io.coebot.interview;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import io.coebot.slack.CoeSubcommand;
import jakarta.inject.Singleton;

/** `/coe resume`: pick a paused interview up where it stopped (the card also has a button). */
@Singleton
class ResumeCommand implements CoeSubcommand {
    private final InterviewService interviews;

    public ResumeCommand(InterviewService interviews) {
        this.interviews = interviews;
    }

    @Override public String name() { return "resume"; }
    @Override public String usage() { return "/coe resume"; }
    @Override public String description() { return "Resume a paused interview where it stopped"; }
    @Override public int helpOrder() { return 20; }

    @Override
    public Response handle(String args, SlashCommandRequest req, SlashCommandContext ctx) {
        var p = req.getPayload();
        ChannelInterview here = interviews.inChannel(p.getTeamId(), p.getChannelId());
        if (!here.found()) {
            return ctx.ack(here.problem());
        }
        String label = here.coe().label();
        if (here.state().status() != InterviewStatus.PAUSED) {
            return ctx.ack("The interview of " + label + " is not paused" + (here.state().status() == InterviewStatus.COMPLETE
                    ? " — it is complete." : " — it is waiting for an answer in the card's thread."));
        }
        interviews.applyToQuestion(new io.coebot.slack.TeamRef(p.getTeamId(), here.coe().id()), null, new Pressed(p.getUserId(), Control.RESUME));
        return ctx.ack("Resuming the interview of " + label + " in the card's thread.");
    }
}
