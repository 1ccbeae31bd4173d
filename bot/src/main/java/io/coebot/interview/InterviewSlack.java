package io.coebot.interview;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import io.coebot.slack.Interaction;
import io.coebot.slack.MessageTs;
import io.coebot.slack.SlackFeature;
import io.coebot.slack.TeamRef;
import io.coebot.slack.SlackRegistry;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The interview's thin Slack layer: its buttons become {@link InterviewInput}s for {@link InterviewService}.
 * Messages in the card's thread reach the interview through {@link InterviewThread}.
 */
@Singleton
class InterviewSlack implements SlackFeature {
    private final InterviewService interviews;

    public InterviewSlack(InterviewService interviews) {
        this.interviews = interviews;
    }

    @Override
    public void register(SlackRegistry slack) {
        slack.blockAction(Pattern.compile("^" + Pattern.quote(InterviewMessages.PICK) + ":.+"), (req, ctx) -> {
            // coeId|questionId|choice
            Interaction in = Interaction.of(req);
            press(req, ctx, in.id(0), in.word(1), new Picked(in.userId(), in.word(1), List.of(in.word(2)), MessageTs.parse(in.messageTs()).orElse(null)));
            return ctx.ack();
        });
        slack.blockAction(InterviewMessages.PICK_MANY, (req, ctx) -> {
            var action = req.getPayload().getActions().get(0);
            // the block id: interview|<coeId>|<questionId>
            Interaction block = Interaction.of(req).reading(action.getBlockId());
            List<String> values = action.getSelectedOptions() == null ? List.of()
                    : action.getSelectedOptions().stream().map(o -> o.getValue()).filter(v -> v != null && !v.isEmpty()).toList();
            if (!values.isEmpty()) {
                press(req, ctx, block.id(1), block.word(2), new Picked(block.userId(), block.word(2), values, MessageTs.parse(block.messageTs()).orElse(null)));
            }
            return ctx.ack();
        });
        control(slack, InterviewMessages.SKIP, Control.SKIP);
        control(slack, InterviewMessages.BACK, Control.BACK);
        control(slack, InterviewMessages.PAUSE, Control.PAUSE);
        control(slack, InterviewMessages.RESUME, Control.RESUME);
    }

    private void control(SlackRegistry slack, String actionId, Control control) {
        slack.blockAction(actionId, (req, ctx) -> {
            // coeId|questionId, or coeId alone on the card's Resume
            Interaction in = Interaction.of(req);
            press(req, ctx, in.id(0), in.optionalWord(1), new Pressed(in.userId(), control));
            return ctx.ack();
        });
    }

    /**
     * A button belongs to the question it was shown with: pressed after the interview moved on
     * (or twice in a hurry), it must not skip or answer the next question.
     */
    private void press(BlockActionRequest req, ActionContext ctx, TeamRef coe, String questionId, InterviewInput input) throws IOException {
        var outcome = interviews.applyToQuestion(coe, questionId, input);
        if (outcome == InterviewService.Outcome.STALE) {
            ctx.respond(r -> r.responseType("ephemeral").replaceOriginal(false)
                    .text("That button belongs to a question the interview has already moved past. "
                            + "Answer the latest question in the thread, or say `back` to return to the previous one."));
        }
    }

}
