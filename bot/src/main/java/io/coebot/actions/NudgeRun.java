package io.coebot.actions;

import com.slack.api.model.block.LayoutBlock;
import io.coebot.slack.UserZones;
import io.coebot.slack.UserZones.SlackPerson;
import io.coebot.store.MessageOwner;
import io.coebot.store.Outbox;
import io.coebot.store.OwnerKind;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

/**
 * The daily nudge: every few minutes, plan who is due a DM now (each owner's digest at 09:00 their time on
 * weekdays, the COE owners' weekly overdue report, reassign requests for deactivated owners) and queue each
 * one under its claim. Runs as often as it likes: a claimed nudge is never queued twice, on any instance.
 */
@Singleton
public class NudgeRun implements Outbox.Owner {
    private static final Logger LOG = LoggerFactory.getLogger(NudgeRun.class);

    /** What one run queued. */
    public record Report(int digests, int overdueReports, int reassignRequests) {}

    private final ActionStore items;
    private final List<CoeReminders> coeReminders;
    private final NudgeClaimStore claims;
    private final NudgeQueue queue;
    private final UserZones people;
    private final io.coebot.slack.ChannelAccess access;
    private final DigestSchedule schedule;
    private final Duration pace;
    private final Duration retryAfter;
    private final boolean enabled;
    private final io.micrometer.core.instrument.MeterRegistry meters;
    private final Clock clock;
    private final io.coebot.slack.WorkspaceTokens tokens;

    public NudgeRun(ActionStore items, List<CoeReminders> coeReminders, NudgeClaimStore claims, NudgeQueue queue,
                    UserZones people,
                    io.coebot.slack.ChannelAccess access,
                    @Value("${coe.nudge.send-at}") String sendAt,
                    @Value("${coe.nudge.days}") String days,
                    @Value("${coe.nudge.pace-millis:500}") long paceMillis,
                    @Value("${coe.nudge.retry-minutes:60}") long retryMinutes,
                    @Value("${coe.nudge.enabled:true}") boolean enabled,
                    java.util.Optional<io.micrometer.core.instrument.MeterRegistry> meters,
                    Clock clock, io.coebot.slack.WorkspaceTokens tokens) {
        this.tokens = tokens;
        this.meters = meters.orElse(null);
        this.items = items;
        this.coeReminders = coeReminders;
        this.claims = claims;
        this.queue = queue;
        this.people = people;
        this.access = access;
        this.schedule = new DigestSchedule(LocalTime.parse(sendAt), days(days), DigestSchedule.DEFAULT.overdueEscalationDays());
        this.pace = Duration.ofMillis(paceMillis);
        this.retryAfter = Duration.ofMinutes(retryMinutes);
        this.enabled = enabled;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${coe.nudge.every:5m}", initialDelay = "${coe.nudge.initial-delay:1m}")
    void scheduled() {
        if (!enabled) {
            return;
        }
        try {
            run();
        } catch (RuntimeException e) {
            LOG.warn("The nudge run failed and will run again: {}", e.getClass().getSimpleName());
        }
    }

    /** One run now, on the app's clock (what the schedule does; public so a test can run it without waiting). */
    public Report run() {
        return runAt(clock.instant());
    }

    /** One run at {@code now}; public so a test (or an operator) can run it at a fixed clock. */
    public Report runAt(Instant now) {
        return runAt(now, schedule);
    }

    /**
     * One run at {@code now} planned as if it were every member's send time on a send day (the sandbox's
     * "Send today's digests now"). Claims still hold: whoever already had today's digest gets no second one.
     */
    public Report runAsIfSendTimeForEveryone(Instant now) {
        return runAt(now, new DigestSchedule(LocalTime.MIDNIGHT, EnumSet.allOf(DayOfWeek.class),
                schedule.overdueEscalationDays()));
    }

    private Report runAt(Instant now, DigestSchedule schedule) {
        int digests = 0;
        int reports = 0;
        int reassigns = 0;
        // Sends are paced on the app's clock, which the outbox sends by; "now" is the time the plan is made for
        // (a test's fixed Monday).
        Instant slot = clock.instant();
        Set<String> teams = new java.util.TreeSet<>(items.teamsWithOpenItems());
        coeReminders.forEach(r -> teams.addAll(r.teams()));
        for (String team : teams) {
            if (tokens.botToken(team).isEmpty()) {
                continue; // the workspace uninstalled the app: nobody there is nudged, and Slack is not asked about them
            }
            List<ActionItem> open = items.allOpen(team);
            List<CoeReminder> coes = coeReminders.stream().flatMap(r -> r.of(team).stream()).toList();
            Map<String, SlackPerson> who = lookUp(team, open, coes);
            NudgePlan plan = DigestPlanner.plan(now, open, coes, u -> who.get(u).zone(), u -> who.get(u).deactivated(),
                    schedule, claims.held(team, now));
            Visibility visibility = new Visibility(team);
            for (ActionItemDigest planned : plan.digests()) {
                ActionItemDigest d = visibility.ownVisible(planned);
                if (d == null) {
                    continue;
                }
                List<LayoutBlock> blocks = ActionMessages.digestBlocks(d);
                String text = d.lines().isEmpty() ? "COEs waiting for you (" + d.coes().size() + ")"
                        : "Your open action items (" + d.lines().size() + ")";
                if (queue.queue(team, NudgeClaimStore.DIGEST, NudgeClaimStore.key(d.key()), d.owner(),
                        text, blocks, now, slot)) {
                    digests++;
                    slot = slot.plus(pace);
                }
            }
            for (OverdueReport r : plan.overdueReports()) {
                if (queue.queue(team, NudgeClaimStore.OVERDUE_REPORT, NudgeClaimStore.key(r.week()), r.coeOwner(),
                        "Overdue action items of your COEs", overdueBlocks(r), now, slot)) {
                    reports++;
                    slot = slot.plus(pace);
                }
            }
            for (ReassignRequest r : plan.reassignRequests()) {
                java.time.LocalDate today = java.time.LocalDate.ofInstant(now, who.get(r.coeOwner()).zone());
                if (queue.queue(team, NudgeClaimStore.REASSIGN, NudgeClaimStore.key(r.key()), r.coeOwner(),
                        "An action item needs a new owner", reassignBlocks(r, today), now, slot)) {
                    reassigns++;
                    slot = slot.plus(pace);
                }
            }
        }
        count("digest", digests);
        count("overdue_report", reports);
        count("reassign_request", reassigns);
        return new Report(digests, reports, reassigns);
    }

    /** For the operator (GET /metrics): nudges queued, by kind. */
    private void count(String kind, int n) {
        if (meters != null && n > 0) {
            meters.counter("coe.nudges.queued", "kind", kind).increment(n);
        }
    }

    /**
     * A private channel's items are never shown to someone outside it, not even to the item's owner in their
     * digest (as in `/coe actions mine`): the COE owner's weekly report still covers them. Remembered for one run,
     * so each channel is asked about once.
     */
    private final class Visibility {
        /** the workspace being nudged: its channels, asked with its token */
        private final String team;
        private final Map<String, Boolean> isPublic = new HashMap<>();

        Visibility(String team) {
            this.team = team;
        }

        private final Map<String, Set<String>> members = new HashMap<>();

        /** The COEs it lists stay: their owner owns them, and a reviewer was asked by name. */
        ActionItemDigest ownVisible(ActionItemDigest d) {
            List<DigestLine> lines = d.lines().stream().filter(l -> canSee(l.item().channelId(), d.owner())).toList();
            if (lines.isEmpty() && d.coes().isEmpty()) {
                return null;
            }
            return lines.size() == d.lines().size() ? d : new ActionItemDigest(d.key(), d.zone(), lines, d.coes());
        }

        private boolean canSee(String channel, String user) {
            if (isPublic.computeIfAbsent(channel, ch -> access.isPublic(team, ch))) {
                return true;
            }
            return members.computeIfAbsent(channel, ch -> access.members(team, ch)).contains(user);
        }
    }

    /** Zones and deactivation of everyone who may be nudged, from the cache or users.info (outside any transaction). */
    private Map<String, SlackPerson> lookUp(String team, List<ActionItem> open, List<CoeReminder> coes) {
        Set<String> ids = new LinkedHashSet<>();
        open.forEach(i -> {
            ids.add(i.owner());
            ids.add(i.coeOwner());
        });
        coes.forEach(r -> ids.add(r.person()));
        Map<String, SlackPerson> who = new HashMap<>();
        ids.forEach(id -> who.put(id, people.personOf(team, id)));
        return who;
    }

    private static List<LayoutBlock> overdueBlocks(OverdueReport r) {
        StringBuilder sb = new StringBuilder("These action items of your COEs are overdue by more than a week:\n");
        for (DigestLine l : r.lines()) {
            ActionItem i = l.item();
            sb.append("• *").append(io.coebot.slack.EchoedText.mrkdwn(i.text())).append("* — <@").append(i.owner()).append("> · ").append(l.phrase())
                    .append(" · <#").append(i.channelId()).append("> COE-").append(i.coeNumber()).append('\n');
        }
        sb.append("As the COE owner you can change their dates or owners from `/coe actions` in the COE's channel.");
        List<LayoutBlock> blocks = new ArrayList<>();
        for (String chunk : io.coebot.slack.BlockKit.chunks(sb.toString())) {
            blocks.add(section(s -> s.text(markdownText(chunk))));
        }
        return blocks;
    }

    private static List<LayoutBlock> reassignBlocks(ReassignRequest r, java.time.LocalDate today) {
        ActionItem i = r.item();
        List<LayoutBlock> blocks = new ArrayList<>();
        String text = "<@" + i.owner() + ">'s Slack account is deactivated, so nobody is being reminded of this action "
                + "item from COE-" + i.coeNumber() + ". Please give it a new owner:";
        blocks.add(section(s -> s.text(markdownText(text))));
        blocks.addAll(ActionMessages.itemBlocks(i, today, true));
        return blocks;
    }

    @Override
    public OwnerKind kind() {
        return OwnerKind.NUDGE;
    }

    @Override
    public void sent(MessageOwner owner, Outbox.PendingMessage message, String ts) {
        ClaimedNudge n = ClaimedNudge.of(owner);
        claims.sent(message.message().teamId(), n.kind(), n.key());
    }

    /**
     * Slack refused the DM for good: release the claim so a later run tries again that day, and ask Slack about
     * the person afresh, since a deactivated account is the usual reason (their items then go to the COE owner).
     */
    @Override
    public void failed(MessageOwner owner, Outbox.PendingMessage message) {
        ClaimedNudge n = ClaimedNudge.of(owner);
        String team = message.message().teamId();
        claims.failed(team, n.kind(), n.key(), clock.instant().plus(retryAfter));
        people.forget(team, message.message().channelId());
    }

    private static Set<DayOfWeek> days(String list) {
        Set<DayOfWeek> out = EnumSet.noneOf(DayOfWeek.class);
        Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .forEach(d -> out.add(DayOfWeek.valueOf(d.toUpperCase(Locale.ROOT))));
        return out;
    }
}
