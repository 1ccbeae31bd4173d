package io.coebot.timeline;

import java.time.Instant;
import java.util.List;

/**
 * An import of channel history into a COE's timeline, as stored between two Web API calls.
 *
 * @param phase   HISTORY while reading the channel's top-level messages, then REPLIES while reading the threads
 *                found on the way, one after the other
 * @param cursor  Slack's cursor of the next page of the current phase (or thread), null at its start
 * @param threads thread ts still to read, the one being read first
 */
record TimelineImport(long id, String teamId, long coeId, String channelId, String teamDomain, String requestedBy,
                             Instant from, Instant to, Status status, Phase phase, String cursor, List<String> threads,
                             int scanned, int added, int calls, Instant lastProgressAt) {
    public enum Status { RUNNING, DONE, FAILED }

    public enum Phase { HISTORY, REPLIES }
}
