package io.coebot.whys;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import io.coebot.coe.Coe;
import io.coebot.coe.Coes;
import io.coebot.slack.BlockKit;
import io.coebot.slack.CoeSubcommand;
import io.coebot.slack.EchoedText;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

/**
 * `/coe whys [problem]`: opens a 5 Whys session for the problem. Without one, lists the sessions still running
 * (so a second person doesn't open a duplicate), or opens one that proposes the interview's impact.
 */
@Singleton
class WhysCommand implements CoeSubcommand {
    private final WhysService whys;
    private final Coes coes;

    public WhysCommand(WhysService whys, Coes coes) {
        this.whys = whys;
        this.coes = coes;
    }

    @Override public String name() { return "whys"; }
    @Override public String usage() { return "/coe whys [problem]"; }
    @Override public String description() { return "Run an interactive 5 Whys in its own thread; without a problem, list this COE's sessions"; }
    @Override public int helpOrder() { return 30; }

    @Override
    public Response handle(String args, SlashCommandRequest req, SlashCommandContext ctx) {
        var p = req.getPayload();
        Optional<Coe> coe = coes.latestIn(p.getTeamId(), p.getChannelId());
        if (coe.isEmpty()) {
            return ctx.ack(Coe.noneInChannel("then run the 5 Whys."));
        }
        if (!args.isBlank()) {
            WhysSession s = whys.open(coe.get(), args, p.getUserId(), p.getResponseUrl());
            return ctx.ack("Opened " + s.label() + " for “" + EchoedText.mrkdwn(args.strip()) + "”. The first why is in its thread.");
        }
        List<WhysSession> sessions = whys.sessionsOf(coe.get().id());
        if (sessions.stream().anyMatch(s -> !s.state().finished())) {
            return ctx.ack(list(sessions, p.getTeamDomain()));
        }
        WhysSession s = whys.open(coe.get(), null, p.getUserId(), p.getResponseUrl());
        return ctx.ack("Opened " + s.label() + ". Name the problem in its thread"
                + (s.state().proposal() == null ? "." : ", or press *Use the impact* to start from the interview's impact answer."));
    }

    private static String list(List<WhysSession> sessions, String teamDomain) {
        StringBuilder sb = new StringBuilder("*5 Whys of this COE:*\n");
        for (WhysSession s : sessions) {
            String name = s.rootTs() == null ? s.label() + " (being posted)"
                    : "<" + BlockKit.permalink(teamDomain, s.channelId(), s.rootTs()) + "|" + s.label() + ">";
            int roots = s.state().tree().rootCauses().size();
            sb.append("• ").append(name).append(" — ")
                    .append(s.problem() == null ? "_waiting for its problem_" : "“" + WhysTreeText.shortLine(EchoedText.mrkdwn(s.problem()), 120) + "”")
                    .append(" · ").append(s.state().finished() ? "complete" : "in progress")
                    .append(roots == 0 ? "" : ", " + roots + " root cause" + (roots == 1 ? "" : "s")).append('\n');
        }
        sb.append("Answer in a session's thread, or start another with `/coe whys &lt;problem&gt;`.");
        return sb.toString();
    }

}
