package io.coebot.interview;

import io.coebot.coe.Coe;

/**
 * Published inside the transaction in which an interview answer of this COE was given, changed or removed, for
 * features that depend on the answers (a review whose approvals must be confirmed again).
 *
 * @param by who changed it, or null when the input does not say (a deleted message)
 */
public record AnswersChanged(Coe coe, String by) {
}
