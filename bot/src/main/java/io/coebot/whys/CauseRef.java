package io.coebot.whys;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One remediation of one root cause of a 5 Whys session: what an action item made from it points back to. It lives
 * here, not in actions or publish, because both of them depend on the 5 Whys and not the other way round.
 *
 * <p>{@link #toString()} and {@link #parse} are for the edges only (the {@code action_item.cause_ref} column and
 * Slack button values and private_metadata); inside the bot references are compared as records. The text form is
 * the one the column has always held, "whys:session:node:index", so stored rows read without a migration.
 *
 * @param sessionId database id of the 5 Whys session
 * @param nodeId    the root cause's node in that session's tree
 * @param index     which of that cause's remediations, from 0
 */
public record CauseRef(long sessionId, int nodeId, int index) {
    private static final Pattern FORM = Pattern.compile("whys:(\\d{1,18}):(\\d{1,9}):(\\d{1,9})");

    /** The reference written as stored; empty for null or anything not in that form (it then points at nothing). */
    public static Optional<CauseRef> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new CauseRef(Long.parseLong(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3))));
    }

    /** Whether this is one of the remediations of that session's root cause, whichever one. */
    public boolean fixes(long session, int node) {
        return sessionId == session && nodeId == node;
    }

    @Override
    public String toString() {
        return "whys:" + sessionId + ":" + nodeId + ":" + index;
    }
}
