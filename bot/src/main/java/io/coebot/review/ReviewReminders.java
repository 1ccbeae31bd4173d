package io.coebot.review;

import io.coebot.actions.Dueness;
import io.coebot.actions.NudgeQueue;
import io.coebot.actions.WeekKey;
import io.coebot.coe.Coe;
import io.coebot.coe.Coes;
import io.coebot.slack.BlockKit;
import io.coebot.slack.ChannelAccess;
import io.coebot.slack.EchoedText;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

/**
 * The review's reminders, every COE_REMINDER_EVERY (default 5m): the card of a COE that has just become overdue is
 * redrawn to say so (once), and once a week the review channel gets one list of overdue COEs and COEs waiting for
 * review longer than {@value #LONG_WAIT_BUSINESS_DAYS} business days: the agenda of a weekly ops review. The
 * agenda is claimed like a nudge, so two instances send it once. (The owners' and reviewers' daily lines are in the
 * daily digest: {@link ReviewService#of}.)
 */
@Singleton
class ReviewReminders {
    private static final Logger LOG = LoggerFactory.getLogger(ReviewReminders.class);
    static final int LONG_WAIT_BUSINESS_DAYS = 3;
    static final String AGENDA = "review-agenda";

    /** What one run did. */
    public record Report(int cardsMarkedOverdue, int agendas) {}

    private final Coes coes;
    private final ReviewStore store;
    private final ReviewService reviews;
    private final Deadlines deadlines;
    private final NudgeQueue queue;
    private final ChannelAccess access;
    private final String reviewChannel;
    private final LocalTime sendAt;
    private final boolean enabled;
    private final Clock clock;

    public ReviewReminders(Coes coes, ReviewStore store, ReviewService reviews, Deadlines deadlines,
                           NudgeQueue queue, ChannelAccess access,
                           @Value("${coe.publish.review-channel:}") String reviewChannel,
                           @Value("${coe.nudge.send-at}") String sendAt,
                           @Value("${coe.nudge.enabled:true}") boolean enabled, Clock clock) {
        this.coes = coes;
        this.store = store;
        this.reviews = reviews;
        this.deadlines = deadlines;
        this.queue = queue;
        this.access = access;
        this.reviewChannel = reviewChannel == null || reviewChannel.isBlank() ? null : reviewChannel.strip();
        this.sendAt = LocalTime.parse(sendAt);
        this.enabled = enabled;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${coe.reminder.every:5m}", initialDelay = "${coe.nudge.initial-delay:1m}")
    void scheduled() {
        if (!enabled) {
            return;
        }
        try {
            runAt(clock.instant());
        } catch (RuntimeException e) {
            LOG.warn("The review reminder run failed and will run again: {}", e.getClass().getSimpleName());
        }
    }

    /** One run at {@code now}; public so a test (or an operator) can run it at a fixed clock. */
    public Report runAt(Instant now) {
        int cards = 0;
        int agendas = 0;
        for (String team : coes.teamsWithUnpublished()) {
            List<String> overdue = new ArrayList<>();
            List<String> waiting = new ArrayList<>();
            LocalDate todayUtc = now.atZone(ZoneOffset.UTC).toLocalDate();
            for (Coe coe : coes.unpublished(team)) {
                ReviewStore.Row row = store.row(coe.id()).orElse(ReviewStore.Row.none(coe.id()));
                LocalDate due = deadlines.dueOn(coe, row);
                LocalDate ownerToday = now.atZone(deadlines.ownerZone(coe)).toLocalDate();
                if (due.isBefore(ownerToday)) {
                    if (row.overdueShownOn() == null && reviews.markOverdue(coe, ownerToday)) {
                        cards++;
                    }
                    if (reviewChannel != null && access.isPublic(coe.teamId(), coe.channelId())) {
                        overdue.add("• " + line(coe) + " — " + Dueness.words(due, Dueness.Reader.on(ownerToday))
                                + " · " + row.status().label());
                    }
                }
                if (reviewChannel != null && row.status() == ReviewStatus.IN_REVIEW && row.enteredReviewAt() != null
                        && DeadlinePolicy.businessDaysBetween(row.enteredReviewAt().atZone(ZoneOffset.UTC).toLocalDate(), todayUtc)
                        > LONG_WAIT_BUSINESS_DAYS && access.isPublic(coe.teamId(), coe.channelId())) {
                    waiting.add("• " + line(coe) + " — in review since "
                            + Dueness.day(row.enteredReviewAt().atZone(ZoneOffset.UTC).toLocalDate()));
                }
            }
            if (reviewChannel != null && (!overdue.isEmpty() || !waiting.isEmpty()) && agendaDay(now)) {
                String text = agenda(overdue, waiting);
                var blocks = BlockKit.chunks(text).stream()
                        .<com.slack.api.model.block.LayoutBlock>map(c -> section(s -> s.text(markdownText(c)))).toList();
                String week = WeekKey.of(team, todayUtc).label();
                // sent by the app's clock, which the outbox sends by; "now" is the time the agenda is made for
                if (queue.queue(team, AGENDA, team + "|" + week, reviewChannel, "COE review agenda, " + week, blocks, now,
                        clock.instant())) {
                    agendas++;
                }
            }
        }
        return new Report(cards, agendas);
    }

    /** A weekday, from the send time on (UTC: the review channel is read from many zones). */
    private boolean agendaDay(Instant now) {
        ZonedDateTime utc = now.atZone(ZoneOffset.UTC);
        return utc.getDayOfWeek() != DayOfWeek.SATURDAY && utc.getDayOfWeek() != DayOfWeek.SUNDAY
                && !utc.toLocalTime().isBefore(sendAt);
    }

    private static String line(Coe coe) {
        return "*" + coe.label() + " · " + EchoedText.mrkdwn(coe.title()) + "* in <#" + coe.channelId() + "> (owner <@"
                + coe.ownerUserId() + ">)";
    }

    private static String agenda(List<String> overdue, List<String> waiting) {
        StringBuilder sb = new StringBuilder("🗓️ *COE review agenda for this week*\n");
        if (!overdue.isEmpty()) {
            sb.append("\n*Overdue COEs (").append(overdue.size()).append(")*\n").append(String.join("\n", overdue)).append('\n');
        }
        if (!waiting.isEmpty()) {
            sb.append("\n*Waiting for review for more than ").append(LONG_WAIT_BUSINESS_DAYS).append(" business days (")
                    .append(waiting.size()).append(")*\n").append(String.join("\n", waiting)).append('\n');
        }
        return sb.toString().strip();
    }
}
