package io.coebot.learning;

import com.slack.api.model.block.LayoutBlock;
import io.coebot.actions.ActionItem;
import io.coebot.actions.ActionItems;
import io.coebot.coe.Coe;
import io.coebot.coe.Coes;
import io.coebot.graphs.TrendChart;
import io.coebot.review.Deadlines;
import io.coebot.slack.BlockKit;
import io.coebot.slack.ChannelAccess;
import io.coebot.slack.UserZones;
import io.coebot.timeline.Milestone;
import io.coebot.timeline.Timeline;
import io.coebot.timeline.Timelines;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

/**
 * The weekly report (README, "The weekly report"): once a week, at COE_REPORT_AT in COE_REPORT_ZONE, the report
 * channel gets the week's COEs and action items, the 12-week trend of time to detect and to mitigate with its chart,
 * and the quarter's root-cause themes. Claimed like the review agenda ({@link ReportPost}), so it is sent once
 * across instances; checked every COE_REMINDER_EVERY, so a run missed at the send time (a restart) sends it later.
 */
@Singleton
class WeeklyReports {
    private static final Logger LOG = LoggerFactory.getLogger(WeeklyReports.class);

    private final ReportStore store;
    private final Coes coes;
    private final ActionItems actions;
    private final Deadlines deadlines;
    private final Timelines timelines;
    private final UserZones zones;
    private final ChannelAccess access;
    private final ReportPost post;
    private final String channel;
    private final ReportWeek.Schedule schedule;
    private final Clock clock;

    WeeklyReports(ReportStore store, Coes coes, ActionItems actions, Deadlines deadlines, Timelines timelines,
                  UserZones zones, ChannelAccess access, ReportPost post,
                  @Value("${coe.report.channel:}") String channel, @Value("${coe.report.at:`MONDAY 09:00`}") String at,
                  @Value("${coe.report.zone:UTC}") String zone, Clock clock) {
        this.store = store;
        this.coes = coes;
        this.actions = actions;
        this.deadlines = deadlines;
        this.timelines = timelines;
        this.zones = zones;
        this.access = access;
        this.post = post;
        this.channel = channel == null || channel.isBlank() ? null : channel.strip();
        this.schedule = ReportWeek.Schedule.parse(at, zone);
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${coe.reminder.every:5m}", initialDelay = "${coe.nudge.initial-delay:1m}")
    void scheduled() {
        if (channel == null) {
            return;
        }
        try {
            runAt(clock.instant());
        } catch (RuntimeException e) {
            LOG.warn("The weekly report run failed and will run again: {}", e.getClass().getSimpleName());
        }
    }

    /**
     * Sends the report of the week that ended at the last send time, unless already sent; public so a test (or an
     * operator) can run it at a fixed time. A report more than a day late is not sent: a Thursday restart should
     * not post Monday's report as if it were news.
     * @return how many workspaces' reports this run sent
     */
    public int runAt(Instant now) {
        if (channel == null) {
            return 0;
        }
        ReportWeek week = schedule.lastWeek(now);
        if (Duration.between(week.end(), now).compareTo(Duration.ofDays(1)) > 0) {
            return 0;
        }
        int sent = 0;
        for (String team : store.teams()) {
            WeeklyReport r = report(team, week);
            byte[] chart = chart(r);
            // sent by the app's clock, which the outbox sends by; "now" is the time the report is made for
            if (post.send(team, channel, week.key(), r.title(), blocks(r.text(true)), chart, now, clock.instant())) {
                sent++;
            }
        }
        return sent;
    }

    /** The report of the week so far (since the last send time), for `/coe report`. */
    WeeklyReport soFar(String teamId) {
        return report(teamId, schedule.soFar(clock.instant()));
    }

    WeeklyReport report(String team, ReportWeek week) {
        Instant end = week.end();
        List<ReportStore.Named> overdue = new ArrayList<>();
        for (Coe c : coes.unpublished(team)) {
            if (!c.createdAt().isBefore(end)) {
                continue;
            }
            if (deadlines.dueOn(c).isBefore(end.atZone(deadlines.ownerZone(c)).toLocalDate())) {
                overdue.add(new ReportStore.Named(c.id(), c.channelId(), c.number(), c.title()));
            }
        }
        List<ReportStore.Item> itemsOverdue = new ArrayList<>();
        for (ActionItem i : actions.allOpen(team)) {
            LocalDate ownerToday = end.atZone(zones.knownZone(team, i.owner())).toLocalDate();
            if (i.due().isBefore(ownerToday)) {
                itemsOverdue.add(new ReportStore.Item(i.owner(), i.due()));
            }
        }
        // an incident is counted in the week it was triggered, and may have been written up a week after
        List<TrendMedians.Incident> incidents = new ArrayList<>();
        for (ReportStore.Named c : store.openedSince(team, end.minus(Duration.ofDays(7L * (TrendMedians.WEEKS + 1))))) {
            Timeline t = timelines.of(c.id());
            t.milestones().time(Milestone.TRIGGER).ifPresent(trigger -> incidents.add(new TrendMedians.Incident(trigger,
                    t.durations().timeToDetect(), t.durations().timeToMitigate())));
        }
        List<ReportStore.Named> opened = store.opened(team, week.start(), end);
        List<ReportStore.Named> published = store.published(team, week.start(), end);
        Set<String> publicChannels = new HashSet<>();
        for (List<ReportStore.Named> l : List.of(opened, published, overdue)) {
            for (ReportStore.Named c : l) {
                if (!publicChannels.contains(c.channelId()) && access.isPublic(team, c.channelId())) {
                    publicChannels.add(c.channelId());
                }
            }
        }
        return new WeeklyReport(week, schedule.zone(), opened, published, overdue,
                store.itemsCreated(team, week.start(), end), store.itemsClosed(team, week.start(), end), itemsOverdue,
                TrendMedians.over(incidents, end),
                RootCauseThemes.top(store.rootCauses(team, quarterStart(end)), WeeklyReport.THEMES), publicChannels);
    }

    /** The calendar quarter the week ends in, in the report's zone. */
    private Instant quarterStart(Instant end) {
        ZonedDateTime local = end.atZone(schedule.zone());
        LocalDate first = local.toLocalDate().with(IsoFields.DAY_OF_QUARTER, 1);
        return first.atStartOfDay(schedule.zone()).toInstant();
    }

    static byte[] chart(WeeklyReport r) {
        List<TrendChart.Point> points = r.trend().weeks().stream().map(w -> new TrendChart.Point(w.start(),
                minutes(w.detect()), minutes(w.mitigate()))).toList();
        return TrendChart.png("Median time to detect and to mitigate", "last " + TrendMedians.WEEKS
                + " weeks, by the week the incident was triggered", points);
    }

    private static Double minutes(Duration d) {
        return d == null ? null : d.toSeconds() / 60.0;
    }

    static List<LayoutBlock> blocks(String text) {
        return BlockKit.chunks(text).stream().<LayoutBlock>map(c -> section(s -> s.text(markdownText(c)))).toList();
    }
}
