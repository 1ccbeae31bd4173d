package io.coebot.whys;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.model.event.MessageChangedEvent;
import com.slack.api.model.event.MessageDeletedEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.event.MessageFileShareEvent;
import com.slack.api.model.event.MessageThreadBroadcastEvent;
import io.coebot.coe.Coe;
import io.coebot.coe.CoeStore;
import io.coebot.slack.Interaction;
import io.coebot.slack.SlackFeature;
import io.coebot.slack.TeamRef;
import io.coebot.slack.SlackRegistry;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.regex.Pattern;

/**
 * The 5 Whys' thin Slack layer: replies, edits and deletions in a session's thread and its buttons become
 * {@link WhysInput}s for {@link WhysService}; the "Start 5 Whys" button opens a session.
 */
@Singleton
public class WhysSlack implements SlackFeature {
    private final WhysService whys;
    private final CoeStore coes;
    private final CoePeople people;

    public WhysSlack(WhysService whys, CoeStore coes, CoePeople people) {
        this.whys = whys;
        this.coes = coes;
        this.people = people;
    }

    @Override
    public void register(SlackRegistry slack) {
        slack.event(MessageEvent.class, (payload, ctx) -> {
            MessageEvent e = payload.getEvent();
            if (e.getBotId() == null) {
                reply(payload.getTeamId(), payload.getEventId(), ctx.getBotUserId(), e.getChannel(), e.getThreadTs(),
                        e.getTs(), e.getUser(), e.getText());
            }
            return ctx.ack();
        });
        slack.event(MessageThreadBroadcastEvent.class, (payload, ctx) -> {
            MessageThreadBroadcastEvent e = payload.getEvent();
            reply(payload.getTeamId(), payload.getEventId(), ctx.getBotUserId(), e.getChannel(), e.getThreadTs(),
                    e.getTs(), e.getUser(), e.getText());
            return ctx.ack();
        });
        slack.event(MessageFileShareEvent.class, (payload, ctx) -> {
            MessageFileShareEvent e = payload.getEvent();
            reply(payload.getTeamId(), payload.getEventId(), ctx.getBotUserId(), e.getChannel(), e.getThreadTs(),
                    e.getTs(), e.getUser(), e.getText());
            return ctx.ack();
        });
        slack.event(MessageChangedEvent.class, (payload, ctx) -> {
            MessageChangedEvent e = payload.getEvent();
            var m = e.getMessage();
            if (m != null && m.getBotId() == null && m.getThreadTs() != null) {
                whys.sessionOwning(payload.getTeamId(), e.getChannel(), m.getThreadTs()).ifPresent(id ->
                        whys.apply(id, payload.getTeamId(), payload.getEventId(), null,
                                new WhysInput.Edited(m.getTs(), m.getText()),
                                people.of(payload.getTeamId(), id, m.getUser(), ctx.getBotUserId())));
            }
            return ctx.ack();
        });
        slack.event(MessageDeletedEvent.class, (payload, ctx) -> {
            MessageDeletedEvent e = payload.getEvent();
            var previous = e.getPreviousMessage();
            if (previous != null && previous.getThreadTs() != null && previous.getBotId() == null) {
                whys.sessionOwning(payload.getTeamId(), e.getChannel(), previous.getThreadTs()).ifPresent(id ->
                        whys.apply(id, payload.getTeamId(), payload.getEventId(), null, new WhysInput.Deleted(e.getDeletedTs())));
            }
            return ctx.ack();
        });
        slack.blockAction(Pattern.compile("^" + Pattern.quote(WhysMessages.ACTION_PREFIX) + "(?!start$)[a-z-]+$"), (req, ctx) -> {
            press(req, ctx);
            return ctx.ack();
        });
        slack.blockAction(WhysMessages.START, (req, ctx) -> {
            start(req, ctx);
            return ctx.ack();
        });
    }

    private void reply(String teamId, String eventId, String ourBotUserId, String channel, String threadTs, String ts,
                       String user, String text) {
        if (user == null || user.equals(ourBotUserId) || threadTs == null || threadTs.equals(ts)) {
            return;
        }
        whys.sessionOwning(teamId, channel, threadTs).ifPresent(id ->
                whys.apply(id, teamId, eventId, null, new WhysInput.Reply(user, text, ts),
                        people.of(teamId, id, user, ourBotUserId)));
    }

    /** A button in a session's thread: "sessionId|nodeId|seq", seq empty on messages that are not questions. */
    private void press(BlockActionRequest req, ActionContext ctx) throws IOException {
        var action = req.getPayload().getActions().get(0);
        Interaction in = Interaction.of(req);
        String user = in.userId();
        TeamRef session = in.id(0);
        int nodeId = in.number(1);
        Integer seq = in.optionalWord(2) == null ? null : in.number(2);
        WhysInput input = switch (in.option(action.getActionId(), WhysMessages::action)) {
            case ROOT_CAUSE -> new WhysInput.MarkRootCause(user, nodeId);
            case ANOTHER_CAUSE -> new WhysInput.AnotherCause(user, nodeId);
            case KEEP_ASKING -> new WhysInput.KeepAsking(user);
            case BACK -> new WhysInput.Back(user);
            case USE_PROPOSAL -> new WhysInput.UseProposal(user);
            case REMOVE -> new WhysInput.RemoveConfirmed(user, nodeId);
            case KEEP -> new WhysInput.KeepDeleted(user, nodeId);
        };
        var outcome = whys.apply(session, seq, input);
        if (outcome.refusal() != null) {
            ctx.respond(r -> r.responseType("ephemeral").replaceOriginal(false).text(outcome.refusal()));
        }
    }

    /** "Start 5 Whys" on the card or on the interview's Prevention question. */
    private void start(BlockActionRequest req, ActionContext ctx) throws IOException {
        var p = req.getPayload();
        Interaction in = Interaction.of(req);
        Coe coe = coes.find(in.id(0)).filter(c -> c.status() != Coe.Status.PUBLISHED).orElse(null);
        if (coe == null) {
            ctx.respond(r -> r.responseType("ephemeral").replaceOriginal(false).text("That COE is closed."));
            return;
        }
        var waiting = whys.waitingForProblem(coe.id());
        if (waiting.isPresent()) {
            ctx.respond(r -> r.responseType("ephemeral").replaceOriginal(false).text(waiting.get().label()
                    + " is already waiting for its problem in its thread: answer there, or use `/coe whys &lt;problem&gt;`."));
            return;
        }
        boolean fromPrevention = p.getActions().get(0).getBlockId() != null
                && p.getActions().get(0).getBlockId().startsWith("interview|");
        WhysSession s = fromPrevention ? whys.openForPrevention(coe, in.userId())
                : whys.open(coe, null, in.userId(), null);
        ctx.respond(r -> r.responseType("ephemeral").replaceOriginal(false).text("Opened " + s.label()
                + " in the channel: name the problem in its thread and the whys begin."));
    }
}
