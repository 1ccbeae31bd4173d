package io.coebot.review;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.View;
import io.coebot.coe.Coe;
import io.coebot.coe.Coes;
import io.coebot.slack.ChannelAccess;
import io.coebot.slack.EchoedText;
import io.coebot.slack.FormValues;
import io.coebot.slack.Interaction;
import io.coebot.slack.SlackFeature;
import io.coebot.slack.SlackRegistry;
import io.coebot.slack.UserZones;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The review's thin Slack layer: the card's *Request review*, the reviewer DM's Approve / Request changes / Comment,
 * the thread's *Mark resolved*, and their modals. Every answer goes only to whoever acted.
 */
@Singleton
class ReviewSlack implements SlackFeature {
    private final ReviewService reviews;
    private final Coes coes;
    private final ChannelAccess access;
    private final UserZones people;

    ReviewSlack(ReviewService reviews, Coes coes, ChannelAccess access, UserZones people) {
        this.reviews = reviews;
        this.coes = coes;
        this.access = access;
        this.people = people;
    }

    @Override
    public void register(SlackRegistry slack) {
        slack.blockAction(ReviewMessages.REQUEST_REVIEW, (req, ctx) -> {
            Interaction in = Interaction.of(req);
            Optional<Coe> coe = coes.find(in.id(0));
            if (coe.isEmpty()) {
                return ctx.ack();
            }
            if (!coe.get().ownerUserId().equals(in.userId())) {
                return tell(ctx, "Only the COE owner, <@" + coe.get().ownerUserId() + ">, can ask for a review of "
                        + coe.get().label() + ".");
            }
            open(req, ctx, ReviewForms.ask(coe.get().id(), coe.get().label()));
            return ctx.ack();
        });
        slack.viewSubmission(ReviewForms.ASK, (req, ctx) -> {
            Interaction in = Interaction.of(req);
            Optional<Coe> coe = coes.find(in.id(0));
            if (coe.isEmpty()) {
                return ctx.ackWithErrors(Map.of("reviewers", "This COE no longer exists."));
            }
            ReviewService.Outcome outcome = ask(coe.get(), in.userId(),
                    FormValues.users(req.getPayload().getView().getState(), "reviewers"));
            return outcome.refused() ? ctx.ackWithErrors(Map.of("reviewers", outcome.text())) : ctx.ack();
        });
        slack.blockAction(ReviewMessages.APPROVE, (req, ctx) -> {
            Interaction in = Interaction.of(req);
            Optional<Coe> coe = coes.find(in.id(0));
            if (coe.isEmpty()) {
                return tell(ctx, "This COE no longer exists.");
            }
            return tell(ctx, act(coe.get(), new ReviewEvent.Approve(in.userId(), in.number(1))).text());
        });
        slack.blockAction(ReviewMessages.REQUEST_CHANGES, (req, ctx) -> openNote(req, ctx, ReviewNote.Kind.CHANGES));
        slack.blockAction(ReviewMessages.COMMENT, (req, ctx) -> openNote(req, ctx, ReviewNote.Kind.COMMENT));
        slack.viewSubmission(ReviewForms.NOTE, (req, ctx) -> {
            Interaction in = Interaction.of(req);
            Optional<Coe> coe = coes.find(in.id(0));
            if (coe.isEmpty()) {
                return ctx.ackWithErrors(Map.of("text", "This COE no longer exists."));
            }
            var view = req.getPayload().getView();
            String typed = FormValues.one(view.getState(), "text");
            String text = typed == null ? null : EchoedText.typed(typed.strip());
            String section = FormValues.one(view.getState(), "section");
            if (section != null && !ReviewMessages.SECTIONS.contains(section)) {
                section = null; // "The whole COE", or a value no form of ours offers
            }
            // the same form delivered twice has the same view id: one note
            String source = view.getId();
            ReviewEvent event = "changes".equals(in.word(2))
                    ? new ReviewEvent.RequestChanges(in.userId(), in.number(1), section, text, source)
                    : new ReviewEvent.Comment(in.userId(), section, text, source);
            ReviewService.Outcome outcome = act(coe.get(), event);
            return outcome.refused() ? ctx.ackWithErrors(Map.of("text", outcome.text())) : ctx.ack();
        });
        slack.blockAction(ReviewMessages.RESOLVE, (req, ctx) -> {
            Interaction in = Interaction.of(req);
            Optional<Coe> coe = coes.find(in.id(0));
            if (coe.isEmpty()) {
                return tell(ctx, "This COE no longer exists.");
            }
            return tell(ctx, act(coe.get(), new ReviewEvent.Resolve(in.userId(), in.id(1).id())).text());
        });
    }

    /**
     * Asks these people to review, after checking each with Slack (outside the transaction): someone removed from
     * the workspace cannot review.
     */
    ReviewService.Outcome ask(Coe coe, String by, List<String> reviewers) {
        for (String r : reviewers) {
            if (people.personOf(coe.teamId(), r).deactivated()) {
                return new ReviewService.Outcome(true, "<@" + r + "> is no longer in this workspace, so they cannot review "
                        + coe.label() + ".");
            }
        }
        return act(coe, new ReviewEvent.AskReview(by, reviewers, false));
    }

    ReviewService.Outcome act(Coe coe, ReviewEvent event) {
        return reviews.act(coe, event, access.isPublic(coe.teamId(), coe.channelId()));
    }

    private Response openNote(BlockActionRequest req, ActionContext ctx, ReviewNote.Kind kind) {
        Interaction in = Interaction.of(req);
        Optional<Coe> coe = coes.find(in.id(0));
        if (coe.isEmpty()) {
            return tell(ctx, "This COE no longer exists.");
        }
        open(req, ctx, ReviewForms.note(coe.get().id(), in.number(1), kind, coe.get().label()));
        return ctx.ack();
    }

    private static Response tell(ActionContext ctx, String text) {
        try {
            ctx.respond(r -> r.responseType("ephemeral").replaceOriginal(false).text(text));
        } catch (IOException e) {
            throw new IllegalStateException("response_url failed: " + e.getClass().getSimpleName());
        }
        return ctx.ack();
    }

    private static void open(BlockActionRequest req, ActionContext ctx, View view) {
        try {
            ctx.client().viewsOpen(r -> r.triggerId(req.getPayload().getTriggerId()).view(view));
        } catch (IOException | com.slack.api.methods.SlackApiException e) {
            throw new IllegalStateException("views.open failed: " + e.getClass().getSimpleName());
        }
    }
}
