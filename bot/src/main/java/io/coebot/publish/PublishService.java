package io.coebot.publish;

import io.coebot.coe.Coe;
import io.coebot.coe.CoeCard;
import io.coebot.coe.CoeService;
import io.coebot.coe.Coes;
import io.coebot.slack.BlockKit;
import io.coebot.slack.EchoedText;
import io.coebot.store.MessageOwner;
import io.coebot.store.OutboundMessage;
import io.coebot.store.Outbox;
import io.coebot.store.OwnerKind;
import io.coebot.store.ThreadRoutes;
import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

/**
 * Publishes a COE: one message in the channel (what a reader scanning it needs, and where the COE is in full), the
 * COE's parts in that message's thread in reading order (or, the second time, all edited in place), the whole COE
 * uploaded there as a Markdown file, the copies queued ({@link CoeCopies}), and a short announcement in the review
 * channel for public COEs. All of
 * it is queued in one transaction with the record of the publication, so a crash publishes all or nothing.
 */
@Singleton
public class PublishService implements Outbox.Owner {

    private final CoeDocuments documents;
    private final PublishStore store;
    private final Coes coes;
    private final CoeService coeService;
    private final CoeCard card;
    private final Outbox outbox;
    private final ThreadRoutes routes;
    private final String reviewChannel;
    private final ReviewGate review;
    private final Clock clock;
    private final List<CoeFigures> figures;
    private final List<CoeCopies> copies;

    public PublishService(CoeDocuments documents, PublishStore store, Coes coes, CoeService coeService, CoeCard card,
                          Outbox outbox,
                          ThreadRoutes routes, @Value("${coe.publish.review-channel:}") String reviewChannel,
                          ReviewGate review, Clock clock, List<CoeFigures> figures, List<CoeCopies> copies) {
        this.copies = List.copyOf(copies);
        this.figures = List.copyOf(figures);
        this.review = review;
        this.documents = documents;
        this.store = store;
        this.coes = coes;
        this.coeService = coeService;
        this.card = card;
        this.outbox = outbox;
        this.routes = routes;
        this.reviewChannel = reviewChannel == null || reviewChannel.isBlank() ? null : reviewChannel.strip();
        this.clock = clock;
    }

    /** What was queued, for the person who asked; {@code images}: the figures uploaded (new or drawn anew). */
    public record Publication(int times, int messages, String fileName, int images) {}

    public boolean hasReviewChannel() {
        return reviewChannel != null;
    }

    /**
     * @param anywayReason why the owner publishes although the bar failed (null when it passed)
     * @param channelIsPublic whether the review channel may hear of it (asked of Slack by the caller)
     * @param names what the people and channels the COE mentions are called (asked of Slack by the caller, outside
     *              this transaction), for the Markdown file
     */
    @Transactional
    public Publication publish(Coe coe, String by, String anywayReason, boolean channelIsPublic, Names names) {
        Instant now = clock.instant();
        int times = store.published(coe.teamId(), coe.id(), by, anywayReason, now);
        boolean announced = review.published(coe, by, anywayReason != null, channelIsPublic, now);
        CoeDocument doc = documents.of(coe, now).withNames(names).withReview(review.record(coe));
        copies.forEach(c -> c.publishing(doc, by, times, now));
        PublishedPart overview = SlackRendering.overview(doc, times, copyLines(coe.id()));
        List<PublishedPart> parts = new ArrayList<>();
        parts.add(overview);
        parts.addAll(SlackRendering.render(doc));
        Map<String, Long> before = store.parts(coe.id());
        Set<String> current = new HashSet<>();
        int position = before.size();
        long overviewId = before.containsKey(SlackRendering.OVERVIEW) ? before.get(SlackRendering.OVERVIEW)
                : store.addPart(coe.teamId(), coe.id(), SlackRendering.OVERVIEW, position++, now);
        store.overviewBody(coe.id(), BlockKit.json(overview.blocks().subList(0, overview.blocks().size() - 1)));
        for (PublishedPart part : parts) {
            current.add(part.key());
            Long id = part == overview ? Long.valueOf(overviewId) : before.get(part.key());
            String blocks = BlockKit.json(part.blocks());
            if (id != null && (before.containsKey(part.key()))) {
                outbox.enqueue(OutboundMessage.updateRootOf(coe.teamId(), coe.channelId(), PublishStore.PART, id,
                        part.fallbackText(), blocks), now);
            } else if (part == overview) {
                outbox.enqueue(OutboundMessage.post(coe.teamId(), coe.channelId(), part.fallbackText(), blocks)
                        .ownedBy(MessageOwner.of(PublishStore.PART, id)), now);
            } else {
                // the full COE reads in the one message's thread, in order: the channel sees one message
                id = store.addPart(coe.teamId(), coe.id(), part.key(), position++, now);
                outbox.enqueue(OutboundMessage.post(coe.teamId(), coe.channelId(), part.fallbackText(), blocks)
                        .inThreadOf(PublishStore.PART, overviewId).ownedBy(MessageOwner.of(PublishStore.PART, id)), now);
            }
        }
        for (Map.Entry<String, Long> old : before.entrySet()) {
            if (!current.contains(old.getKey())) {
                // a part the COE no longer needs (it got shorter): say so rather than leave stale text behind
                String text = "_This part of " + coe.label() + " is no longer needed: the COE now reads in full in the "
                        + "other messages._";
                outbox.enqueue(OutboundMessage.updateRootOf(coe.teamId(), coe.channelId(), PublishStore.PART, old.getValue(),
                        text, BlockKit.json(List.of(section(s -> s.text(markdownText(text)))))), now);
            }
        }
        String fileName = MarkdownRendering.fileName(coe);
        outbox.enqueue(OutboundMessage.upload(coe.teamId(), coe.channelId(), fileName, MarkdownRendering.render(doc),
                coe.label() + " as Markdown, ready to paste into your wiki" + (times > 1 ? " (version " + times + ")." : "."))
                .inThreadOf(PublishStore.PART, overviewId), now);
        int images = attachFigures(coe, doc, overviewId, now);
        if (reviewChannel != null && channelIsPublic && !announced) {
            String text = "📘 " + coe.label() + " · " + EchoedText.mrkdwn(coe.title()) + " was " + (times > 1 ? "updated" : "published")
                    + " in <#" + coe.channelId() + "> by <@" + by + ">.";
            outbox.enqueue(OutboundMessage.post(coe.teamId(), reviewChannel, text,
                    BlockKit.json(List.of(section(s -> s.text(markdownText(text)))))), now);
        }
        coeService.markPublished(coe.id());
        card.refresh(coes.byId(coe.id()).orElseThrow(), now);
        return new Publication(times, parts.size(), fileName, images);
    }

    private List<String> copyLines(long coeId) {
        return copies.stream().flatMap(c -> c.lines(coeId).stream()).toList();
    }

    /**
     * A copy of the COE was written, or failed (the copies feature calls this in the transaction that records it):
     * the one message is edited to show the link or the reason, its other words as they were published.
     */
    @Transactional
    public void copiesChanged(long coeId, Instant now) {
        Optional<Coe> coe = coes.byId(coeId);
        Optional<String> body = store.overviewBody(coeId);
        Long overviewId = store.parts(coeId).get(SlackRendering.OVERVIEW);
        if (coe.isEmpty() || body.isEmpty() || overviewId == null) {
            return;
        }
        String where = BlockKit.json(List.of(SlackRendering.where(copyLines(coeId))));
        String blocks = body.get().substring(0, body.get().length() - 1) + "," + where.substring(1);
        Coe c = coe.get();
        outbox.enqueue(OutboundMessage.updateRootOf(c.teamId(), c.channelId(), PublishStore.PART, overviewId,
                c.label() + " · " + EchoedText.plain(c.title()), blocks), now);
    }

    /**
     * The COE's images (graphs, the timeline chart) in the thread of its first message, each once: publishing again
     * uploads only a figure that is new or was drawn anew since Slack last got it.
     */
    private int attachFigures(Coe coe, CoeDocument doc, long firstPart, Instant now) {
        Map<String, String> attached = store.figuresAttached(coe.id(), PublishStore.SLACK);
        int uploaded = 0;
        for (CoeFigure f : doc.figures()) {
            if (f.sha256().equals(attached.get(f.name()))) {
                continue;
            }
            byte[] png = figures.stream().flatMap(p -> p.png(coe.id(), f).stream()).findFirst().orElse(null);
            if (png == null) {
                continue; // gone since the document was read (its COE's figures are only ever replaced, so rare)
            }
            String name = MarkdownRendering.figureUploadName(coe, f.name(), now);
            outbox.enqueue(OutboundMessage.uploadImage(coe.teamId(), coe.channelId(), name, png, f.title(),
                    "*" + EchoedText.typed(f.title()) + "* · " + coe.label()).inThreadOf(PublishStore.PART, firstPart), now);
            store.figureAttached(coe.teamId(), coe.id(), PublishStore.SLACK, f.name(), f.sha256());
            uploaded++;
        }
        return uploaded;
    }

    /** A part is in the channel: remember its ts (as a thread route) so a later publish can edit it. */
    @Override
    public OwnerKind kind() {
        return PublishStore.PART;
    }

    @Override
    public void sent(MessageOwner owner, Outbox.PendingMessage message, String ts) {
        var m = message.message();
        boolean first = coes.latestIn(m.teamId(), m.channelId())
                .filter(c -> c.status() == Coe.Status.PUBLISHED && store.firstPartTs(c.id()).isEmpty()).isPresent();
        routes.claim(m.teamId(), m.channelId(), ts, PublishStore.PART, owner.id());
        if (first) {
            // the card's link to the published COE can be drawn now
            coes.latestIn(m.teamId(), m.channelId()).ifPresent(c -> card.refresh(c, clock.instant()));
        }
    }
}
