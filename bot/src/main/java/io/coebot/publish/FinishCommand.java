package io.coebot.publish;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.LayoutBlock;
import io.coebot.coe.Coe;
import io.coebot.coe.Coes;
import io.coebot.slack.BlockKit;
import io.coebot.slack.ChannelAccess;
import io.coebot.slack.CoeSubcommand;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

/**
 * `/coe finish`: publishes the COE when it meets the quality bar; otherwise lists what is missing, and offers the
 * COE owner to publish anyway with a stated reason, which the published COE shows.
 */
@Singleton
class FinishCommand implements CoeSubcommand {
    private final Coes coes;
    private final CoeDocuments documents;
    private final PublishService publisher;
    private final ChannelAccess access;
    private final CoeNames names;
    private final ReviewGate review;
    private final Clock clock;
    private final List<CoeFigures> figures;

    public FinishCommand(Coes coes, CoeDocuments documents, PublishService publisher, ChannelAccess access,
                         CoeNames names, ReviewGate review, Clock clock, List<CoeFigures> figures) {
        this.figures = List.copyOf(figures);
        this.coes = coes;
        this.review = review;
        this.clock = clock;
        this.documents = documents;
        this.publisher = publisher;
        this.access = access;
        this.names = names;
    }

    @Override public String name() { return "finish"; }
    @Override public String usage() { return "/coe finish"; }
    @Override public String description() { return "Check the COE against the quality bar and publish it (again: updates what was posted)"; }
    @Override public int helpOrder() { return 60; }

    @Override
    public Response handle(String args, SlashCommandRequest req, SlashCommandContext ctx) {
        var p = req.getPayload();
        Optional<Coe> found = coes.latestIn(p.getTeamId(), p.getChannelId());
        if (found.isEmpty()) {
            return ctx.ack(Coe.noneInChannel(null));
        }
        Coe coe = found.get();
        CoeDocument doc = documents.of(coe, clock.instant());
        QualityVerdict verdict = QualityBar.check(doc);
        if (!verdict.passed()) {
            return ctx.ack(notYet(coe, doc, p.getUserId()));
        }
        Optional<String> held = review.holdsPublishing(coe);
        if (held.isPresent()) {
            return ctx.ack(awaitingReview(coe, held.get(), p.getUserId()));
        }
        return ctx.ack(publish(coe, p.getUserId(), null));
    }

    /** Publishes and says what was queued; shared with the "Publish anyway" form. */
    String publish(Coe coe, String by, String anywayReason) {
        boolean isPublic = publisher.hasReviewChannel() && access.isPublic(coe.teamId(), coe.channelId());
        // figures are drawn, and names looked up, before the publishing transaction: a remote may take a moment
        var timeline = documents.of(coe, clock.instant()).timeline();
        figures.forEach(f -> f.refresh(coe, timeline));
        Names named = names.of(documents.of(coe, clock.instant()).withReview(review.record(coe)));
        PublishService.Publication pub = publisher.publish(coe, by, anywayReason, isPublic, named);
        int blaming = BlameCheck.scan(documents.of(coe, clock.instant())).size();
        return (pub.times() > 1 ? "Updating " : "Publishing ") + coe.label() + " in this channel: one message, with the "
                + "whole COE in its thread (" + pub.messages() + " messages" + (pub.times() > 1 ? " edited in place" : "")
                + ") and `" + pub.fileName() + "`"
                + (pub.images() == 0 ? "." : "; " + pub.images() + (pub.images() == 1 ? " image" : " images") + " there too.")
                + (anywayReason == null ? "" : " The COE says it was published anyway, and why.")
                + blameNote(blaming);
    }

    /** A warning never blocks publishing, but whoever publishes hears of it: the COE goes to readers who may judge. */
    static String blameNote(int blaming) {
        return blaming == 0 ? "" : "\n⚠️ The blame-free check found " + blaming + " sentence" + (blaming == 1 ? "" : "s")
                + " that put the blame on a person: `/coe status` lists them, and `/coe finish` again publishes a rewrite.";
    }

    /** The bar is met but the review is not done: the owner may still publish anyway, which skips the review. */
    private static List<LayoutBlock> awaitingReview(Coe coe, String why, String userId) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText("*" + coe.label() + " meets the quality bar.* " + why))));
        if (userId.equals(coe.ownerUserId())) {
            blocks.add(section(s -> s.text(markdownText("As the COE owner you may publish it anyway, without review; "
                    + "the COE will say so, with your reason."))));
            blocks.add(actions(a -> a.elements(List.of(button(b -> b.actionId(PublishSlack.ANYWAY)
                    .text(plainText("Publish anyway…")).value(String.valueOf(coe.id())))))));
        }
        return blocks;
    }

    private static List<LayoutBlock> notYet(Coe coe, CoeDocument doc, String userId) {
        List<LayoutBlock> blocks = new ArrayList<>();
        for (String chunk : BlockKit.chunks(StatusCommand.report(doc))) {
            blocks.add(section(s -> s.text(markdownText(chunk))));
        }
        if (userId.equals(coe.ownerUserId())) {
            blocks.add(section(s -> s.text(markdownText("As the COE owner you may publish it anyway; the COE will say "
                    + "so, with your reason."))));
            blocks.add(actions(a -> a.elements(List.of(button(b -> b.actionId(PublishSlack.ANYWAY)
                    .text(plainText("Publish anyway…")).value(String.valueOf(coe.id())))))));
        } else {
            blocks.add(section(s -> s.text(markdownText("Once these are fixed, `/coe finish` publishes it. Only the COE "
                    + "owner, <@" + coe.ownerUserId() + ">, can publish it before that."))));
        }
        return blocks;
    }
}
