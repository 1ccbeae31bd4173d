package io.coebot.review;

import io.coebot.coe.Coe;
import io.coebot.coe.CoeCard;
import io.coebot.coe.Coes;
import io.coebot.interview.Answer;
import io.coebot.interview.Questions;
import io.coebot.actions.CoeReminder;
import io.coebot.actions.CoeReminders;
import io.coebot.actions.Dueness;
import io.coebot.interview.AnswersChanged;
import io.micronaut.runtime.event.annotation.EventListener;
import io.coebot.publish.CoeDocument;
import io.coebot.publish.CoeDocuments;
import io.coebot.publish.MarkdownRendering;
import io.coebot.publish.QualityBar;
import io.coebot.publish.ReviewGate;
import io.coebot.publish.ReviewRecord;
import io.coebot.store.MessageOwner;
import io.coebot.store.Outbox;
import io.coebot.store.OwnerKind;
import io.coebot.store.ThreadRoutes;
import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs the review of each COE: lock its review row, apply one event to the pure {@link Review}, save the facts,
 * record the step in the audit with its actor and time, and queue what people must hear — in one transaction, so
 * two reviewers at the same instant leave one consistent status and a crash leaves no half-told step.
 */
@Singleton
class ReviewService implements ReviewGate, CoeReminders, Outbox.Owner {
    private final ReviewStore store;
    private final Coes coes;
    private final CoeCard card;
    private final CoeDocuments documents;
    private final ReviewMessages messages;
    private final io.coebot.slack.ChannelAccess access;
    private final ThreadRoutes routes;
    private final Deadlines deadlines;
    private final int approvalsNeeded;
    private final String reviewChannel;
    private final Clock clock;

    public ReviewService(ReviewStore store, Coes coes, CoeCard card, CoeDocuments documents,
                         ReviewMessages messages, io.coebot.slack.ChannelAccess access, ThreadRoutes routes,
                         Deadlines deadlines, @Value("${coe.review.approvals:1}") int approvalsNeeded,
                         @Value("${coe.publish.review-channel:}") String reviewChannel, Clock clock) {
        this.store = store;
        this.coes = coes;
        this.card = card;
        this.documents = documents;
        this.messages = messages;
        this.access = access;
        this.routes = routes;
        if (approvalsNeeded < 0) {
            throw new IllegalArgumentException("COE_REVIEW_APPROVALS must be 0 or more, not " + approvalsNeeded);
        }
        this.approvalsNeeded = approvalsNeeded;
        this.deadlines = deadlines;
        this.reviewChannel = reviewChannel == null || reviewChannel.isBlank() ? null : reviewChannel.strip();
        this.clock = clock;
    }

    /** What became of an event, for the person who acted: done (or a harmless repeat), or refused and why. */
    public record Outcome(boolean refused, String text) {}

    /**
     * Applies one event and says what became of it, for the person who did it.
     *
     * @param channelIsPublic whether the review channel may hear of this COE (asked of Slack before the transaction)
     */
    @Transactional
    public Outcome act(Coe coe, ReviewEvent event, boolean channelIsPublic) {
        return act(coe, event, channelIsPublic, true);
    }

    /**
     * @param refreshCard false inside publishing, which redraws the card itself once the COE is marked published (and
     *                    must take the card's lock after the COE's row, as the card's first post does)
     */
    private Outcome act(Coe coe, ReviewEvent event, boolean channelIsPublic, boolean refreshCard) {
        Instant now = clock.instant();
        ReviewStore.Row row = store.lock(coe, now);
        Coe current = coes.byId(coe.id()).orElse(coe);
        ReviewState before = store.state(current, approvalsNeeded, row.round());
        boolean barMet = !(event instanceof ReviewEvent.AskReview) || QualityBar.check(documents.of(current, now)).passed();
        ReviewEvent e = event instanceof ReviewEvent.AskReview a ? new ReviewEvent.AskReview(a.actor(), a.reviewers(), barMet) : event;
        ReviewStep step = Review.next(before, e, current.label(), now);
        if (step instanceof ReviewStep.Refused r) {
            return new Outcome(true, r.why());
        }
        ReviewStep.Moved moved = (ReviewStep.Moved) step;
        if (moved.audit() == null) {
            return new Outcome(false, moved.reply());
        }
        store.save(current, moved.state(), now);
        store.audit(current, e.actor(), moved.audit(), now);
        tell(current, row, before, moved, e.actor(), channelIsPublic, now);
        if (refreshCard) {
            card.refresh(current, now);
        }
        return new Outcome(false, moved.reply());
    }

    private void tell(Coe coe, ReviewStore.Row row, ReviewState before, ReviewStep.Moved moved, String actor,
                      boolean channelIsPublic, Instant now) {
        ReviewState after = moved.state();
        LocalDate due = deadlines.dueOn(coe, row);
        for (ReviewNews n : moved.news()) {
            if (n instanceof ReviewNews.Asked a) {
                messages.inThread(coe, "🔎 <@" + actor + "> asked " + Review.mentions(a.reviewers()) + " to review "
                        + coe.label() + ".", now);
                draftDms(coe, a.reviewers(), "<@" + actor + "> asks you to review this COE.", after, due, now);
            } else if (n instanceof ReviewNews.NoteAdded added) {
                messages.note(coe, store.add(coe, added.note()), now);
            } else if (n instanceof ReviewNews.NoteResolved r) {
                messages.inThread(coe, "✅ <@" + actor + "> resolved <@" + r.note().author() + ">'s " + r.note().noun()
                        + (r.note().section() == null ? "" : " on *" + r.note().section() + "*") + ".", now);
            } else if (n instanceof ReviewNews.LookAgain l) {
                draftDms(coe, l.reviewers(), "The changes you requested are resolved: please look again.", after, due, now);
            } else if (n instanceof ReviewNews.ApprovalsStale s) {
                messages.inThread(coe, "✏️ An answer changed after approval: the approval of " + Review.mentions(s.approvers())
                        + " is kept but stale until confirmed.", now);
                draftDms(coe, s.approvers(), "An answer changed after you approved it, so your approval is marked stale "
                        + "until you confirm it (Approve).", after, due, now);
            } else if (n instanceof ReviewNews.Approved a) {
                messages.inThread(coe, "👍 <@" + a.reviewer() + "> approved " + coe.label() + " (" + after.approvals()
                        + " of " + Math.max(1, approvalsNeeded) + " approvals needed).", now);
            } else if (n instanceof ReviewNews.StatusChanged c) {
                messages.inThread(coe, "*Status:* " + c.from().label() + " → *" + c.to().label() + "*"
                        + (actor == null ? "" : " (<@" + actor + ">)"), now);
                // published straight from Drafting (anyway): the publication's own announcement is the only message
                boolean first = c.from() == ReviewStatus.DRAFTING;
                if (reviewChannel != null && channelIsPublic && !(first && c.to() == ReviewStatus.PUBLISHED)) {
                    messages.reviewChannel(coe, reviewChannel, c.to(), after.approvals(), Math.max(1, approvalsNeeded), due,
                            first, now);
                }
            }
        }
    }

    /** Each person gets the review DM with the draft as it is now. */
    private void draftDms(Coe coe, List<String> to, String why, ReviewState state, LocalDate due, Instant now) {
        CoeDocument doc = documents.of(coe, now);
        String markdown = MarkdownRendering.render(doc);
        String summary = doc.answer(Questions.SUMMARY).map(Answer::text).orElse(null);
        for (String reviewer : to) {
            messages.reviewDm(coe, reviewer, why, state, summary, due, markdown, now);
        }
    }

    /** The owner moves the deadline, with a reason; announced in the thread and recorded in the audit. */
    @Transactional
    public String setDeadline(Coe coe, String by, LocalDate due, String reason) {
        Instant now = clock.instant();
        if (!by.equals(coe.ownerUserId())) {
            return "Only the COE owner, <@" + coe.ownerUserId() + ">, can move " + coe.label() + "'s deadline.";
        }
        if (coe.status() == Coe.Status.PUBLISHED) {
            return coe.label() + " is already published: it has no deadline left.";
        }
        LocalDate today = now.atZone(deadlines.ownerZone(coe)).toLocalDate();
        if (due.isBefore(today)) {
            return "The date " + Dueness.day(due) + " is in the past. Pick today or a later day.";
        }
        store.lock(coe, now);
        store.setDue(coe.id(), due, reason, by);
        String what = "moved the deadline to " + Dueness.day(due) + ": " + reason;
        store.audit(coe, by, what, now);
        messages.inThread(coe, "📅 <@" + by + "> " + what, now);
        card.refresh(coe, now);
        return coe.label() + " is now " + Dueness.words(due, Dueness.Reader.on(today)) + ".";
    }

    /** The COE just became overdue: its card says so (redrawn once, whichever instance gets here first). */
    @Transactional
    boolean markOverdue(Coe coe, LocalDate ownerToday) {
        Instant now = clock.instant();
        store.lock(coe, now);
        if (!store.markOverdueShown(coe.id(), ownerToday)) {
            return false;
        }
        card.refresh(coe, now);
        return true;
    }

    // --- what publishing asks (ReviewGate) ---

    @Override
    @Transactional
    public Optional<String> holdsPublishing(Coe coe) {
        ReviewStore.Row row = store.row(coe.id()).orElse(ReviewStore.Row.none(coe.id()));
        ReviewState s = store.state(coe, approvalsNeeded, row.round());
        if (s.mayPublish()) {
            return Optional.empty();
        }
        return Optional.of(switch (s.status()) {
            case DRAFTING -> "Before it is published it needs " + approvals() + " from a reviewer: `/coe review @someone` "
                    + "(or *Request review* on the card).";
            case CHANGES_REQUESTED -> "A reviewer requested changes: the owner resolves them (`/coe status` lists them), "
                    + "then it needs " + approvals() + ".";
            default -> "It is in review and has " + s.approvals() + " of the " + approvals() + " it needs "
                    + "(`/coe status` shows who was asked).";
        });
    }

    private String approvals() {
        int n = Math.max(1, approvalsNeeded);
        return n + (n == 1 ? " approval" : " approvals");
    }

    @Override
    @Transactional
    public List<String> statusLines(Coe coe, Instant now) {
        ReviewStore.Row row = store.row(coe.id()).orElse(ReviewStore.Row.none(coe.id()));
        ReviewState s = store.state(coe, approvalsNeeded, row.round());
        List<String> out = new ArrayList<>();
        String head = "*Status: " + s.status().label() + "*";
        if (s.status() != ReviewStatus.PUBLISHED) {
            LocalDate due = deadlines.dueOn(coe, row);
            LocalDate today = now.atZone(deadlines.ownerZone(coe)).toLocalDate();
            head += " · " + Dueness.words(due, Dueness.Reader.on(today))
                    + (row.dueOn() != null ? " (set by <@" + row.dueSetBy() + ">: " + row.dueReason() + ")" : "");
        }
        out.add(head);
        if (!s.reviewers().isEmpty()) {
            List<String> who = s.reviewers().stream().map(r -> "<@" + r.userId() + "> " + switch (r.verdict()) {
                case ASKED -> "asked";
                case APPROVED -> r.stale() ? "approved (stale: an answer changed since)" : "approved";
                case CHANGES_REQUESTED -> "requested changes";
            }).toList();
            out.add("*Reviewers* (" + s.approvals() + " of " + approvals() + "): " + String.join(" · ", who));
        }
        for (ReviewNote n : s.openNotes()) {
            out.add("• Open " + n.noun() + " by <@" + n.author() + ">" + (n.section() == null ? "" : " on *" + n.section() + "*")
                    + ": “" + io.coebot.slack.BlockKit.cut(io.coebot.slack.EchoedText.mrkdwn(n.text()), 200, "…") + "”");
        }
        return out;
    }

    @Override
    @Transactional
    public ReviewRecord record(Coe coe) {
        List<ReviewRecord.Line> lines = store.audit(coe.id()).stream()
                .map(l -> new ReviewRecord.Line(l.actor(), l.what(), l.at())).toList();
        List<String> approvers = store.reviewers(coe.id()).stream().filter(Reviewer::approves).map(Reviewer::userId).toList();
        return new ReviewRecord(lines, approvers);
    }

    @Override
    @Transactional
    public boolean published(Coe coe, String by, boolean withoutReview, boolean channelIsPublic, Instant now) {
        if (coe.status() == Coe.Status.PUBLISHED) {
            store.lock(coe, now);
            store.audit(coe, by, "published it again", now);
            return false;
        }
        boolean reviewedInChannel = reviewChannel != null && channelIsPublic
                && store.row(coe.id()).map(r -> r.enteredReviewAt() != null).orElse(false);
        act(coe, new ReviewEvent.Published(by, withoutReview), channelIsPublic, false);
        return reviewedInChannel;
    }

    /**
     * An answer changed inside the interview's transaction: approvals given before it must be confirmed again. Most
     * answers change while nobody has approved yet, and then this is one indexed read.
     */
    @EventListener
    void onAnswersChanged(AnswersChanged e) {
        Optional<ReviewStore.Row> row = store.row(e.coe().id());
        if (row.isEmpty() || row.get().status() == ReviewStatus.DRAFTING || row.get().status() == ReviewStatus.PUBLISHED) {
            return;
        }
        if (store.reviewers(e.coe().id()).stream().anyMatch(Reviewer::approves)) {
            act(e.coe(), new ReviewEvent.AnswersChanged(e.by()), access.isPublic(e.coe().teamId(), e.coe().channelId()));
        }
    }

    // --- what the daily digests list (CoeReminders) ---

    @Override
    public java.util.Set<String> teams() {
        return coes.teamsWithUnpublished();
    }

    /** The owner of each unpublished COE, to finish it; each reviewer not yet decided (or stale), to review it. */
    @Override
    @Transactional
    public List<CoeReminder> of(String teamId) {
        List<CoeReminder> out = new ArrayList<>();
        for (Coe coe : coes.unpublished(teamId)) {
            ReviewStore.Row row = store.row(coe.id()).orElse(ReviewStore.Row.none(coe.id()));
            LocalDate due = deadlines.dueOn(coe, row);
            out.add(new CoeReminder(coe.ownerUserId(), CoeReminder.Kind.FINISH, coe.id(), coe.number(), coe.title(),
                    coe.channelId(), due, null));
            if (row.status() == ReviewStatus.DRAFTING) {
                continue;
            }
            for (Reviewer r : store.reviewers(coe.id())) {
                if (r.verdict() == Verdict.ASKED || r.stale()) {
                    out.add(new CoeReminder(r.userId(), CoeReminder.Kind.REVIEW, coe.id(), coe.number(), coe.title(),
                            coe.channelId(), due, r.askedAt()));
                }
            }
        }
        return out;
    }

    // --- the review channel's message (Outbox.Owner) ---

    @Override
    public OwnerKind kind() {
        return OwnerKind.REVIEW;
    }

    /** The COE's message is in the review channel: its ts is the route later edits find it by. */
    @Override
    public void sent(MessageOwner owner, Outbox.PendingMessage message, String ts) {
        var m = message.message();
        routes.claim(m.teamId(), m.channelId(), ts, OwnerKind.REVIEW, owner.id());
    }
}
