package io.coebot.timeline;

import io.coebot.slack.MessageTs;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The incident timeline as a COE shows it: entries in the order they happened, the unexplained silences in it, and
 * the durations its milestones give.
 *
 * <p>Gaps are only looked for in the impact window, [trigger, mitigation]: that is the time customers were hurt,
 * the time the Detection, Diagnosis and Mitigation questions try to halve, and where a silent 40 minutes is a
 * finding. After mitigation the team may rightly take hours over the fix, and asking them to explain that would
 * bury the gaps that matter. Without a mitigation time the window ends at resolution; without either (or without
 * a trigger) that side is open, i.e. the first or last entry.
 */
public final class Timeline {

    /** The COE bar: gaps over 10–15 minutes must be explained. */
    public static final Duration DEFAULT_GAP_THRESHOLD = Duration.ofMinutes(15);

    /**
     * Same instant: a message ts decides, compared as a number (Slack always writes six decimals, but an imported
     * "….0001" must equal "….000100"); entries typed by hand come after messages of the same instant, because a
     * hand-typed time is usually rounded; then the id, so the order never depends on the input's order.
     */
    private static final Comparator<TimelineEntry> ORDER = Comparator
            .comparing(TimelineEntry::occurredAt)
            .thenComparing(e -> MessageTs.parse(e.messageTs()).orElse(null), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingLong(TimelineEntry::id);

    private final List<TimelineEntry> entries;
    private final MilestoneTimes milestones;
    private final Duration gapThreshold;
    private final Map<String, String> gapExplanations;

    /**
     * @param interviewAnswers the milestone times the interview knows; marked entries override them
     * @param gapThreshold     a gap is flagged when strictly longer than this
     * @param gapExplanations  explanations by {@link TimelineGap#key()}; keys of gaps that no longer exist are ignored
     */
    public Timeline(List<TimelineEntry> entries, Map<Milestone, Instant> interviewAnswers, Duration gapThreshold,
                    Map<String, String> gapExplanations) {
        this.entries = chronological(entries);
        this.milestones = MilestoneTimes.resolve(interviewAnswers, this.entries);
        this.gapThreshold = Objects.requireNonNull(gapThreshold, "gapThreshold");
        Map<String, String> explanations = new HashMap<>();
        gapExplanations.forEach((key, text) -> {
            if (key != null && text != null) {
                explanations.put(key, text);
            }
        });
        this.gapExplanations = Map.copyOf(explanations);
        if (gapThreshold.isNegative()) {
            throw new IllegalArgumentException("A gap threshold cannot be negative: " + gapThreshold);
        }
    }

    public Timeline(List<TimelineEntry> entries, Map<Milestone, Instant> interviewAnswers) {
        this(entries, interviewAnswers, DEFAULT_GAP_THRESHOLD, Map.of());
    }

    static List<TimelineEntry> chronological(List<TimelineEntry> entries) {
        return entries.stream().sorted(ORDER).toList();
    }

    /** Every entry, oldest first. */
    public List<TimelineEntry> entries() {
        return entries;
    }

    public MilestoneTimes milestones() {
        return milestones;
    }

    public Duration gapThreshold() {
        return gapThreshold;
    }

    public IncidentDurations durations() {
        return IncidentDurations.from(milestones);
    }

    /** Outside [trigger, resolution] is flagged; an unknown trigger or resolution leaves that side open. */
    public WindowPosition flag(TimelineEntry entry) {
        Instant at = entry.occurredAt();
        if (milestones.time(Milestone.TRIGGER).map(at::isBefore).orElse(false)) {
            return WindowPosition.BEFORE_TRIGGER;
        }
        if (milestones.time(Milestone.RESOLVED).map(at::isAfter).orElse(false)) {
            return WindowPosition.AFTER_RESOLUTION;
        }
        return WindowPosition.INSIDE;
    }

    /** Silences longer than the threshold between consecutive entries of the impact window, oldest first. */
    public List<TimelineGap> gaps() {
        Instant start = milestones.time(Milestone.TRIGGER).orElse(null);
        Instant end = milestones.time(Milestone.MITIGATED).or(() -> milestones.time(Milestone.RESOLVED)).orElse(null);
        List<TimelineGap> gaps = new ArrayList<>();
        TimelineEntry previous = null;
        for (TimelineEntry e : entries) {
            boolean inside = (start == null || !e.occurredAt().isBefore(start))
                    && (end == null || !e.occurredAt().isAfter(end));
            if (!inside) {
                continue;
            }
            if (previous != null) {
                Duration length = Duration.between(previous.occurredAt(), e.occurredAt());
                if (length.compareTo(gapThreshold) > 0) {
                    String key = TimelineGap.key(previous.id(), e.id());
                    gaps.add(new TimelineGap(previous, e, length, gapExplanations.get(key)));
                }
            }
            previous = e;
        }
        return gaps;
    }

}
