package io.coebot.interview;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.MessageChangedEvent;
import com.slack.api.model.event.MessageDeletedEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.event.MessageFileShareEvent;
import com.slack.api.model.event.MessageThreadBroadcastEvent;
import io.coebot.coe.CoeStore;
import io.coebot.slack.EchoedText;
import io.coebot.slack.Interaction;
import io.coebot.slack.SlackFeature;
import io.coebot.slack.TeamRef;
import io.coebot.slack.SlackRegistry;
import io.coebot.slack.UserZones;
import io.coebot.store.ThreadRoutes;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The interview's thin Slack layer: turn thread messages, edits, deletions and button presses
 * into {@link InterviewInput}s for {@link InterviewService}, and ack.
 */
@Singleton
public class InterviewSlack implements SlackFeature {
    private final InterviewService interviews;
    private final ThreadRoutes routes;
    private final UserZones zones;

    public InterviewSlack(InterviewService interviews, ThreadRoutes routes, UserZones zones) {
        this.interviews = interviews;
        this.routes = routes;
        this.zones = zones;
    }

    @Override
    public void register(SlackRegistry slack) {
        slack.event(MessageEvent.class, (payload, ctx) -> {
            MessageEvent e = payload.getEvent();
            reply(payload.getTeamId(), payload.getEventId(), ctx.getBotUserId(), e.getChannel(), e.getThreadTs(),
                    e.getTs(), e.getUser(), e.getBotId(), e.getText());
            return ctx.ack();
        });
        // "Also send to #channel" and replies with a screenshot are answers too.
        slack.event(MessageThreadBroadcastEvent.class, (payload, ctx) -> {
            MessageThreadBroadcastEvent e = payload.getEvent();
            reply(payload.getTeamId(), payload.getEventId(), ctx.getBotUserId(), e.getChannel(), e.getThreadTs(),
                    e.getTs(), e.getUser(), null, e.getText());
            return ctx.ack();
        });
        slack.event(MessageFileShareEvent.class, (payload, ctx) -> {
            MessageFileShareEvent e = payload.getEvent();
            reply(payload.getTeamId(), payload.getEventId(), ctx.getBotUserId(), e.getChannel(), e.getThreadTs(),
                    e.getTs(), e.getUser(), null, withFiles(e.getText(), e.getFiles()));
            return ctx.ack();
        });
        slack.event(MessageChangedEvent.class, (payload, ctx) -> {
            MessageChangedEvent e = payload.getEvent();
            var m = e.getMessage();
            if (m != null && isHuman(m.getBotId(), m.getUser(), ctx.getBotUserId()) && m.getThreadTs() != null) {
                interviewOf(payload.getTeamId(), e.getChannel(), m.getThreadTs()).ifPresent(coeId ->
                        interviews.apply(coeId, payload.getTeamId(), payload.getEventId(),
                                new AnswerEdited(m.getUser(), m.getTs(), m.getText(), zones.zoneOf(payload.getTeamId(), m.getUser()))));
            }
            return ctx.ack();
        });
        slack.event(MessageDeletedEvent.class, (payload, ctx) -> {
            MessageDeletedEvent e = payload.getEvent();
            var previous = e.getPreviousMessage();
            if (previous != null && previous.getThreadTs() != null && previous.getBotId() == null) {
                interviewOf(payload.getTeamId(), e.getChannel(), previous.getThreadTs()).ifPresent(coeId ->
                        interviews.apply(coeId, payload.getTeamId(), payload.getEventId(), new AnswerDeleted(e.getDeletedTs())));
            }
            return ctx.ack();
        });
        slack.blockAction(Pattern.compile("^" + Pattern.quote(InterviewMessages.PICK) + ":.+"), (req, ctx) -> {
            // coeId|questionId|choice
            Interaction in = Interaction.of(req);
            press(req, ctx, in.id(0), in.word(1), new Picked(in.userId(), in.word(1), List.of(in.word(2)), in.messageTs()));
            return ctx.ack();
        });
        slack.blockAction(InterviewMessages.PICK_MANY, (req, ctx) -> {
            var action = req.getPayload().getActions().get(0);
            // the block id: interview|<coeId>|<questionId>
            Interaction block = Interaction.of(req).reading(action.getBlockId());
            List<String> values = action.getSelectedOptions() == null ? List.of()
                    : action.getSelectedOptions().stream().map(o -> o.getValue()).filter(v -> v != null && !v.isEmpty()).toList();
            if (!values.isEmpty()) {
                press(req, ctx, block.id(1), block.word(2), new Picked(block.userId(), block.word(2), values, block.messageTs()));
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

    /** A human message in a thread: if the thread is a COE card's, it speaks to that COE's interview. */
    private void reply(String teamId, String eventId, String ourBotUserId, String channel, String threadTs, String ts,
                       String user, String botId, String text) {
        if (!isHuman(botId, user, ourBotUserId) || threadTs == null || threadTs.equals(ts)) {
            return;
        }
        interviewOf(teamId, channel, threadTs).ifPresent(coeId -> interviews.apply(coeId, teamId, eventId,
                new Reply(user, text == null ? "" : text, ts, zones.zoneOf(teamId, user))));
    }

    /** A screenshot of a graph is an answer too: its links join (or stand for) the text. */
    private static String withFiles(String text, List<com.slack.api.model.File> files) {
        String links = files == null ? "" : files.stream()
                .filter(f -> f.getPermalink() != null)
                .map(f -> "<" + f.getPermalink() + "|" + (f.getName() == null ? "file" : EchoedText.typed(f.getName())) + ">")
                .collect(java.util.stream.Collectors.joining(" "));
        if (links.isEmpty()) {
            return text;
        }
        return text == null || text.isBlank() ? links : text + "\n" + links;
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

    private java.util.Optional<Long> interviewOf(String teamId, String channelId, String threadTs) {
        return routes.ownerOf(teamId, channelId, threadTs)
                .filter(o -> o.kind() == CoeStore.CARD_THREAD)
                .map(ThreadRoutes.Owner::id);
    }

    /** The bot's own messages and other bots' never answer a question. */
    private static boolean isHuman(String botId, String user, String ourBotUserId) {
        return botId == null && user != null && !user.equals(ourBotUserId);
    }
}
