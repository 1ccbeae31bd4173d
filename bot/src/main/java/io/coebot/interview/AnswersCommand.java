package io.coebot.interview;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import io.coebot.coe.Coe;
import io.coebot.slack.CoeSubcommand;
import io.coebot.slack.EchoedText;
import io.coebot.slack.EphemeralReplacement;
import io.coebot.slack.Interaction;
import io.coebot.slack.MalformedInteraction;
import io.coebot.slack.TeamRef;
import io.coebot.slack.SlackFeature;
import io.coebot.slack.SlackRegistry;
import io.coebot.slack.UserZones;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

/**
 * `/coe answers`: the interview's answers, shown only to the caller, each with an Edit button
 * that opens a modal; a saved edit replaces the answer and is announced in the thread.
 */
@Singleton
class AnswersCommand implements CoeSubcommand, SlackFeature {
    static final String EDIT = "interview.edit";
    static final String EDIT_VIEW = "interview.edit-answer";
    /** Slack's plain_text_input holds at most 3,000 characters. */
    private static final int INPUT_MAX = 3000;
    private static final int PREVIEW_MAX = 400;

    private final InterviewService interviews;
    private final UserZones zones;
    private final EphemeralReplacement ephemerals;

    public AnswersCommand(InterviewService interviews, UserZones zones, EphemeralReplacement ephemerals) {
        this.interviews = interviews;
        this.zones = zones;
        this.ephemerals = ephemerals;
    }

    @Override public String name() { return "answers"; }
    @Override public String usage() { return "/coe answers"; }
    @Override public String description() { return "See the interview's answers (only you), and edit any of them"; }
    @Override public int helpOrder() { return 30; }

    @Override
    public Response handle(String args, SlashCommandRequest req, SlashCommandContext ctx) {
        var p = req.getPayload();
        ChannelInterview here = interviews.inChannel(p.getTeamId(), p.getChannelId());
        if (!here.found()) {
            return ctx.ack(here.problem());
        }
        if (here.state().answers().isEmpty() && here.state().openQuestions().isEmpty()) {
            return ctx.ack("No answers yet for " + here.coe().label() + ". Reply in the card's thread to answer the first question.");
        }
        return ctx.ack(blocks(here.coe(), here.state()));
    }

    static List<LayoutBlock> blocks(Coe coe, InterviewState state) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText("Answers · " + coe.label()))));
        List<String> open = state.openQuestions();
        for (Question q : Questions.all()) {
            Answer a = state.answers().get(q.id());
            boolean isOpen = open.contains(q.id());
            // Slack allows 50 blocks; the catalogue is well under that, this only guards growth.
            if ((a == null && !isOpen) || !q.appliesGiven(state.answers()) || blocks.size() >= 49) {
                continue;
            }
            String body = a == null ? "_Skipped: still open_" : preview(EchoedText.mrkdwn(shown(q, a)));
            String who = a == null ? "" : a.contributors().stream().map(u -> "<@" + u + ">").collect(Collectors.joining(", "));
            String text = "*" + q.label() + "*\n" + body + (who.isEmpty() ? "" : "\n_by " + who + "_");
            String label = a == null ? "Answer" : "Edit";
            blocks.add(section(s -> s.text(markdownText(text))
                    .accessory(button(b -> b.actionId(EDIT).text(plainText(label)).value(coe.id() + "|" + q.id())))));
        }
        return blocks;
    }

    /**
     * What the answer says, as stored: typed text is kept in Slack's own escaped form (that is how
     * events deliver it), so it is shown as is; times and choices show their meaning.
     */
    static String shown(Question q, Answer a) {
        String value = a.value();
        return switch (q.kind()) {
            // an unreadable time is shown as stored, so it can be corrected in the modal
            case TIME, CONFIRM_TIME -> value == null ? a.text() : a.instant().map(AnswersCommand::asUtc).orElse(value);
            case CHOICE, MULTI_CHOICE -> value == null ? a.text() : q.labelsOf(a.choices());
            case YES_NO -> value == null ? a.text() : a.withRemark(q.labelsOf(a.choices()));
            case SUMMARY -> value == null ? a.text() : value;
            default -> a.text();
        };
    }

    /** Absolute and zoned, so saving it unchanged from the modal means the same instant. */
    private static String asUtc(java.time.Instant t) {
        return UTC_MINUTES.format(t) + " UTC";
    }

    private static final java.time.format.DateTimeFormatter UTC_MINUTES =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(java.time.ZoneOffset.UTC);

    private static String preview(String s) {
        return s.length() <= PREVIEW_MAX ? s : s.substring(0, PREVIEW_MAX) + "… (" + s.length() + " characters)";
    }


    @Override
    public void register(SlackRegistry slack) {
        slack.blockAction(EDIT, (req, ctx) -> {
            Interaction in = Interaction.of(req);
            TeamRef coe = in.id(0);
            Question q = question(in.word(1));
            if (!interviews.belongsTo(coe)) {
                return ctx.ack();
            }
            long coeId = coe.id();
            Answer current = interviews.stateOf(coeId).map(s -> s.answers().get(q.id())).orElse(null);
            String initial = current == null ? "" : EchoedText.editable(shown(q, current));
            if (initial.length() > INPUT_MAX) {
                ctx.respond(r -> r.responseType("ephemeral").replaceOriginal(false).text("“" + q.label()
                        + "” is longer than a form can hold (" + initial.length() + " characters), so it can't be edited "
                        + "here without losing text. Edit the Slack message that holds it instead."));
                return ctx.ack();
            }
            // the list's response_url rides along, so the list can be replaced once the answer is saved
            String listUrl = in.ephemeralResponseUrl();
            String meta = coeId + "|" + q.id() + (listUrl == null ? "" : "|" + listUrl);
            View modal = view(m -> m.type("modal").callbackId(EDIT_VIEW).privateMetadata(meta)
                    .title(viewTitle(t -> t.type("plain_text").text(current == null ? "Answer" : "Edit answer")))
                    .submit(viewSubmit(s -> s.type("plain_text").text("Save")))
                    .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                    .blocks(List.of(input(i -> i.blockId("answer").label(plainText(trim(q.label(), 2000)))
                            .element(plainTextInput(t -> t.actionId("text").multiline(true).maxLength(INPUT_MAX)
                                    .initialValue(initial.isEmpty() ? null : initial)))))));
            ctx.client().viewsOpen(r -> r.triggerId(req.getPayload().getTriggerId()).view(modal));
            return ctx.ack();
        });
        slack.viewSubmission(EDIT_VIEW, (req, ctx) -> {
            var view = req.getPayload().getView();
            Interaction in = Interaction.of(req);
            TeamRef coe = in.id(0);
            Question q = question(in.word(1));
            var answer = view.getState() == null || view.getState().getValues() == null ? null : view.getState().getValues().get("answer");
            String text = answer == null || answer.get("text") == null ? null : answer.get("text").getValue();
            String user = in.userId();
            Answer before = interviews.of(coe).map(h -> h.state().answers().get(q.id())).orElse(null);
            interviews.applyToQuestion(coe, null,
                    new AnswerReplaced(user, q.id(), EchoedText.typed(text == null ? "" : text), zones.zoneOf(in.teamId(), user)));
            String listUrl = in.optionalResponseUrl(2);
            if (listUrl != null) {
                interviews.of(coe).ifPresent(after -> {
                    String saved = confirmation(q, before, after.state().answers().get(q.id()));
                    ephemerals.replace(listUrl, saved, withConfirmation(saved, blocks(after.coe(), after.state())));
                });
            }
            return ctx.ack();
        });
    }

    /** Says whether the form changed the answer; when it did not, the thread says why (a time it could not read…). */
    static String confirmation(Question q, Answer before, Answer after) {
        return after != null && !after.equals(before)
                ? "✅ Saved your answer to *" + q.label() + "*."
                : "Your answer to *" + q.label() + "* was not changed: the COE card's thread says why.";
    }

    private static List<LayoutBlock> withConfirmation(String text, List<LayoutBlock> list) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(context(c -> c.elements(List.of(markdownText(text)))));
        blocks.addAll(list);
        return blocks;
    }

    /** A question id the bot put on a button or form; any other is a value it never made. */
    private static Question question(String id) {
        return Questions.all().stream().filter(q -> q.id().equals(id)).findFirst()
                .orElseThrow(() -> new MalformedInteraction("no such question"));
    }

    private static String trim(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
