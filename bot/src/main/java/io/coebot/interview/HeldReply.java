package io.coebot.interview;

import io.coebot.slack.MessageTs;

import java.time.Instant;
import java.time.ZoneId;

/**
 * A reply that arrived while the current question's message was not posted yet. Until its ts is known nobody
 * can tell whether the reply was written for this question or the one before, so it waits in the state.
 *
 * @param zoneId the writer's zone as an id (plain text, so the state stays plain JSON); null means UTC
 * @param at     when it was written: relative times in it are read from there, not from when it is applied
 */
record HeldReply(String userId, String text, MessageTs messageTs, String zoneId, Instant at) {

    static HeldReply of(Reply r, String text, Instant at) {
        return new HeldReply(r.userId(), text, r.messageTs(), r.userZone() == null ? null : r.userZone().getId(), at);
    }

    Reply reply() {
        return new Reply(userId, text, messageTs, zoneId == null ? null : ZoneId.of(zoneId));
    }
}
