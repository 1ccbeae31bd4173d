package io.coebot.coe;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import io.coebot.slack.BlockKit;
import io.coebot.slack.CoeSubcommand;
import io.coebot.slack.EchoedText;
import io.coebot.slack.SlackGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import jakarta.inject.Singleton;

import java.time.Clock;

/** `/coe start [title]`: open the COE for this channel and post its card. */
@Singleton
class StartCommand implements CoeSubcommand {
    private static final Logger LOG = LoggerFactory.getLogger(StartCommand.class);

    private final CoeService coes;
    private final SlackGateway slack;
    private final io.coebot.slack.UserZones zones;

    private final Clock clock;

    public StartCommand(CoeService coes, SlackGateway slack, io.coebot.slack.UserZones zones, Clock clock) {
        this.zones = zones;
        this.coes = coes;
        this.slack = slack;
        this.clock = clock;
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
        String cannotPost = cannotPostIn(p.getTeamId(), p.getChannelId());
        if (cannotPost != null) {
            return ctx.ack(cannotPost);
        }
        // the owner's zone, learned now (outside any transaction): the COE's due date is on the owner's calendar
        zones.zoneOf(p.getTeamId(), p.getUserId());
        var started = coes.start(p.getTeamId(), p.getChannelId(), p.getUserId(), args, p.getResponseUrl(), clock.instant());
        Coe coe = started.coe();
        String name = "*" + coe.label() + " · " + EchoedText.mrkdwn(coe.title()) + "*";
        if (started.created()) {
            return ctx.ack("Opening " + name + ". Its card is coming to the channel; the interview runs in the card's thread.");
        }
        switch (started.card()) {
            case POSTING_AGAIN -> {
                return ctx.ack("This channel already has " + name + ", but its card never reached the channel. Posting it again now.");
            }
            case ON_ITS_WAY -> {
                return ctx.ack("This channel already has " + name + ", opened by <@" + coe.ownerUserId() + ">. Its card is on its way.");
            }
            default -> { }
        }
        return ctx.ack("This channel already has " + name + ", opened by <@" + coe.ownerUserId() + ">. "
                + "Its interview runs in the card's thread: " + BlockKit.permalink(p.getTeamDomain(), coe.channelId(), coe.cardTs()));
    }

    /**
     * Asked before anything is created, so the person gets the fix at once instead of a COE
     * without a card. If Slack cannot be asked right now, go ahead: the outbox explains a failed
     * post through the command's response_url.
     */
    private String cannotPostIn(String teamId, String channelId) {
        try {
            var info = slack.methods(teamId).conversationsInfo(r -> r.channel(channelId));
            if (!info.isOk()) {
                return "channel_not_found".equals(info.getError())
                        ? "I can't see this channel. If it is private, invite me first with `/invite @coe-bot`, then run `/coe start` again."
                        : null;
            }
            if (info.getChannel().isArchived()) {
                return "This channel is archived, so I can't post the COE card in it.";
            }
            if (!info.getChannel().isMember()) {
                return "I'm not a member of this channel yet, so I can't post the COE card here. "
                        + "Invite me with `/invite @coe-bot`, then run `/coe start` again.";
            }
            return null;
        } catch (Exception e) {
            LOG.info("conversations.info failed ({}); starting anyway", e.toString());
            return null;
        }
    }

    private static boolean isDirectMessage(String channelId, String channelName) {
        return "directmessage".equals(channelName) || (channelId != null && channelId.startsWith("D"));
    }
}
