package io.coebot.interview;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The one way coe-bot measures an incident, wherever a duration is shown (the card, the published header, the
 * timeline, the drafted summary): time to detect, to diagnose, to mitigate and to resolve are each measured from the
 * first trigger (the bad deployment or config change), because a COE judges them by how long customers were exposed,
 * and that starts at the trigger, not at the page. Chaining them (detected → mitigated) would hide a slow detection
 * inside a fast-looking mitigation, and two places measuring differently would contradict each other in one COE.
 *
 * <p>Measured between instants, so a daylight-saving change during the incident neither adds nor loses an hour.
 */
public final class FromTrigger {

    private FromTrigger() {
    }

    /** Empty when either end is unknown or the milestone is before the trigger: a negative time would be a lie. */
    public static Optional<Duration> to(Instant trigger, Instant milestone) {
        if (trigger == null || milestone == null || milestone.isBefore(trigger)) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(trigger, milestone));
    }
}
