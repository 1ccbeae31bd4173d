package io.coebot.coe;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import io.coebot.slack.BlockKit;
import io.coebot.slack.CoeSubcommand;
import jakarta.inject.Singleton;

import java.time.Instant;

/** `/coe start [title]`: open the COE for this channel and post its card. */
@Singleton
public class StartCommand implements CoeSubcommand {
    private final CoeService coes;

    public StartCommand(CoeService coes) {
        this.coes = coes;
    }

    @Override public String name() { return "start"; }
    @Override public String usage() { return "/coe start [title]"; }
    @Override public String description() { return "Open the COE for this incident channel and start the interview"; }
    @Override public int helpOrder() { return 10; }

    @Override
    public Response handle(String args, SlashCommandRequest req, SlashCommandContext ctx) {
        var p = req.getPayload();
        if (isDirectMessage(p.getChannelId(), p.getChannelName())) {
            return ctx.ack("A COE runs in the incident channel, where the team is. Run `/coe start [title]` there "
                    + "(invite me first with `/invite @coe-bot` if I'm not in it yet).");
        }
        var started = coes.start(p.getTeamId(), p.getChannelId(), p.getUserId(), args, p.getResponseUrl(), Instant.now());
        Coe coe = started.coe();
        String name = "*" + coe.label() + " · " + BlockKit.escape(coe.title()) + "*";
        if (started.created()) {
            return ctx.ack("Opening " + name + ". Its card is coming to the channel; the interview runs in the card's thread.");
        }
        if (started.cardReposted()) {
            return ctx.ack("This channel already has " + name + ", but its card never reached the channel. Posting it again now.");
        }
        return ctx.ack("This channel already has " + name + ", opened by <@" + coe.ownerUserId() + ">. "
                + "Its interview runs in the card's thread: " + BlockKit.permalink(p.getTeamDomain(), coe.channelId(), coe.cardTs()));
    }

    private static boolean isDirectMessage(String channelId, String channelName) {
        return "directmessage".equals(channelName) || (channelId != null && channelId.startsWith("D"));
    }
}
