package io.coebot.timeline;

/**
 * Where an entry falls against the incident, [trigger, resolution]. Entries outside it are kept (context such as
 * an earlier warning is useful) but flagged, because a COE timeline starts at the trigger and a reader should
 * notice an entry that claims otherwise.
 */
public enum WindowPosition {
    BEFORE_TRIGGER,
    INSIDE,
    AFTER_RESOLUTION
}
