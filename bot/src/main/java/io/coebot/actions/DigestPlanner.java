package io.coebot.actions;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Decides who is nudged about which action items, now. Pure: the clock, the zones, who is deactivated and what
 * was already claimed are all passed in; sending (and claiming before sending) is someone else's job. Run it as
 * often as you like (every few minutes): a key once claimed is never planned again, so each recipient gets at most
 * one digest per local date and one report per local week, and a run missed at 09:00 is caught up later that day.
 *
 * <h2>Rules</h2>
 * <ul>
 *   <li><b>Send opportunity</b>: the recipient's local day of week is in {@link DigestSchedule#days()} and their
 *       local time is at or after {@link DigestSchedule#sendAt()}, both in the recipient's own zone (UTC when the
 *       zone is unknown). On a daylight-saving day a send time that does not exist (spring forward) is reached at
 *       the first instant after the gap, and one that happens twice (fall back) is taken the first time; the
 *       claim on (owner, local date) keeps it to one either way.</li>
 *   <li><b>Item calendar</b>: an item's due date and snooze are judged on its owner's local date, everywhere
 *       (digest, report, reassign request), so the COE owner reads the same "overdue by 9 days" the owner reads.
 *       </li>
 *   <li><b>Digest</b>: to each active owner at a send opportunity, not yet claimed for their local date, listing
 *       their open items that are not snoozed, and the COEs they should finish or review ({@link CoeReminder}); a
 *       person with only COEs to list gets one too; nothing to list, nothing sent.</li>
 *   <li><b>Overdue report</b>: items overdue by more than {@link DigestSchedule#overdueEscalationDays()} are
 *       listed to the COE owner, one report per COE owner covering all their COEs, at most once per ISO week of
 *       the COE owner's local date, at their first send opportunity that week at which there is something to
 *       report. Left out: snoozed items (the owner has said when they will look again; the item is reported
 *       after the snooze ends if still overdue), items the COE owner owns themselves (their own digest already
 *       says overdue), and items of deactivated owners (the reassign request covers them).</li>
 *   <li><b>Deactivated owner</b>: no digest to them; each of their open, non-snoozed items is put before the COE
 *       owner as a {@link ReassignRequest}, once per item per ISO week of the COE owner, at the COE owner's send
 *       opportunity. Nobody is told when the COE owner is deactivated too (or owns the item): there is nobody left
 *       to tell; the service should surface that some other way.</li>
 * </ul>
 */
final class DigestPlanner {

    private DigestPlanner() {
    }

    /** Digests only, nobody deactivated: the brief form used where only the daily DMs matter. */
    public static List<ActionItemDigest> plan(Instant now, Collection<ActionItem> openItems,
                                              Function<String, ZoneId> zoneOf, DigestSchedule schedule,
                                              Set<DigestKey> alreadyClaimed) {
        return plan(now, openItems, zoneOf, user -> false, schedule, NudgeClaims.digestsOnly(alreadyClaimed))
                .digests();
    }

    /**
     * @param openItems   the open items (anything not open is ignored, so a stale list is harmless)
     * @param zoneOf      a user's Slack zone; null or a failure means UTC. Called at most once per user per plan.
     * @param deactivated whether a user's Slack account is deactivated. Called at most once per user per plan.
     */
    public static NudgePlan plan(Instant now, Collection<ActionItem> openItems, Function<String, ZoneId> zoneOf,
                                 Predicate<String> deactivated, DigestSchedule schedule, NudgeClaims claimed) {
        return plan(now, openItems, List.of(), zoneOf, deactivated, schedule, claimed);
    }

    /**
     * @param coes the COEs people should finish or review: listed in the same daily digest as their items (a person
     *             with only COEs to list gets a digest too), under the same claim, so never a second DM that day
     */
    public static NudgePlan plan(Instant now, Collection<ActionItem> openItems, Collection<CoeReminder> coes,
                                 Function<String, ZoneId> zoneOf, Predicate<String> deactivated, DigestSchedule schedule,
                                 NudgeClaims claimed) {
        People people = new People(now, zoneOf, deactivated, schedule);
        Map<String, List<CoeReminder>> coeLines = new HashMap<>();
        for (CoeReminder r : coes) {
            Person p = people.get(r.person());
            if (!p.deactivated() && p.atSendOpportunity() && !claimed.digests().contains(p.digestKey())) {
                coeLines.computeIfAbsent(p.id(), k -> new ArrayList<>()).add(r);
            }
        }
        Map<String, List<DigestLine>> digestLines = new HashMap<>();
        Map<String, List<DigestLine>> overdueLines = new HashMap<>();
        List<ReassignRequest> reassign = new ArrayList<>();

        for (ActionItem item : openItems) {
            if (!item.isOpen()) {
                continue;
            }
            Person owner = people.get(item.owner());
            if (item.isSnoozedOn(owner.today())) {
                continue;
            }
            Dueness dueness = Dueness.of(item.due(), owner.today());
            Person coeOwner = people.get(item.coeOwner());
            boolean coeOwnerCanBeTold = coeOwner != owner && !coeOwner.deactivated() && coeOwner.atSendOpportunity();

            if (owner.deactivated()) {
                if (coeOwnerCanBeTold) {
                    ReassignKey key = new ReassignKey(item.id(), coeOwner.week());
                    if (!claimed.reassignRequests().contains(key)) {
                        reassign.add(new ReassignRequest(coeOwner.id(), item, key));
                    }
                }
                continue;
            }
            DigestLine line = null;
            if (owner.atSendOpportunity() && !claimed.digests().contains(owner.digestKey())) {
                line = new DigestLine(item, dueness);
                digestLines.computeIfAbsent(owner.id(), k -> new ArrayList<>()).add(line);
            }
            if (dueness.daysOverdue() > schedule.overdueEscalationDays() && coeOwnerCanBeTold
                    && !claimed.overdueReports().contains(coeOwner.week())) {
                overdueLines.computeIfAbsent(coeOwner.id(), k -> new ArrayList<>())
                        .add(line != null ? line : new DigestLine(item, dueness));
            }
        }

        List<ActionItemDigest> digests = new ArrayList<>(digestLines.size());
        java.util.TreeSet<String> recipients = new java.util.TreeSet<>(digestLines.keySet());
        recipients.addAll(coeLines.keySet());
        for (String id : recipients) {
            Person p = people.get(id);
            List<DigestLine> lines = digestLines.getOrDefault(id, new ArrayList<>());
            lines.sort(DigestLine.MOST_PRESSING_FIRST);
            List<CoeReminder> theirCoes = coeLines.getOrDefault(id, new ArrayList<>());
            theirCoes.sort(CoeReminder.IN_DIGEST_ORDER);
            digests.add(new ActionItemDigest(p.digestKey(), p.zone(), lines, theirCoes));
        }
        List<OverdueReport> reports = new ArrayList<>(overdueLines.size());
        for (var e : new TreeMap<>(overdueLines).entrySet()) {
            List<DigestLine> lines = e.getValue();
            lines.sort(Comparator.comparingInt((DigestLine l) -> l.item().coeNumber())
                    .thenComparing(DigestLine.MOST_PRESSING_FIRST));
            reports.add(new OverdueReport(e.getKey(), people.get(e.getKey()).week(), lines));
        }
        reassign.sort(Comparator.comparing(ReassignRequest::coeOwner)
                .thenComparingLong(r -> r.item().id()));
        return new NudgePlan(digests, reports, reassign);
    }

    /** A user as seen at this instant: looked up once per plan, however many items they have. */
    private record Person(String id, ZoneId zone, LocalDate today, boolean atSendOpportunity, boolean deactivated,
                          DigestKey digestKey, WeekKey week) {
    }

    private static final class People {
        private final Instant now;
        private final Function<String, ZoneId> zoneOf;
        private final Predicate<String> deactivated;
        private final DigestSchedule schedule;
        private final Map<String, Person> known = new HashMap<>();

        People(Instant now, Function<String, ZoneId> zoneOf, Predicate<String> deactivated, DigestSchedule schedule) {
            this.now = now;
            this.zoneOf = zoneOf;
            this.deactivated = deactivated;
            this.schedule = schedule;
        }

        Person get(String userId) {
            Person p = known.get(userId);
            if (p == null) {
                p = lookUp(userId);
                known.put(userId, p);
            }
            return p;
        }

        private Person lookUp(String userId) {
            ZoneId zone = zoneOrUtc(userId);
            ZonedDateTime local = now.atZone(zone);
            boolean opportunity = schedule.days().contains(local.getDayOfWeek())
                    && !local.toLocalTime().isBefore(schedule.sendAt());
            LocalDate today = local.toLocalDate();
            return new Person(userId, zone, today, opportunity, deactivated.test(userId), new DigestKey(userId, today),
                    WeekKey.of(userId, today));
        }

        private ZoneId zoneOrUtc(String userId) {
            try {
                ZoneId zone = zoneOf.apply(userId);
                return zone == null ? ZoneOffset.UTC : zone;
            } catch (RuntimeException e) {
                // one unreadable zone must not stop everybody's digests
                return ZoneOffset.UTC;
            }
        }
    }
}
