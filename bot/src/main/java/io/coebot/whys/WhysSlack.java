package io.coebot.whys;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import io.coebot.coe.Coe;
import io.coebot.coe.Coes;
import io.coebot.slack.Interaction;
import io.coebot.slack.SlackFeature;
import io.coebot.slack.TeamRef;
import io.coebot.slack.SlackRegistry;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.regex.Pattern;

/**
 * The 5 Whys' thin Slack layer: a session's buttons become {@link WhysInput}s for {@link WhysService}; the
 * "Start 5 Whys" button opens a session. Messages in a session's thread reach it through {@link WhysThread}.
 */
@Singleton
class WhysSlack implements SlackFeature {
    private final WhysService whys;
    private final Coes coes;

    public WhysSlack(WhysService whys, Coes coes) {
        this.whys = whys;
        this.coes = coes;
    }

    @Override
    public void register(SlackRegistry slack) {
        slack.blockAction(Pattern.compile("^" + Pattern.quote(WhysMessages.ACTION_PREFIX) + "(?!start$)[a-z-]+$"), (req, ctx) -> {
            press(req, ctx);
            return ctx.ack();
        });
        slack.blockAction(WhysMessages.START, (req, ctx) -> {
            start(req, ctx);
            return ctx.ack();
        });
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
