package io.coebot.publish;

/**
 * A sentence of the COE that puts the blame on a person.
 *
 * @param where    where it is, as a reader would look for it: "Impact · What customers experienced",
 *                 "Timeline · 2026-11-19 14:05:03 UTC", "5 Whys #1 · cause 1.2", "Action item 3"
 * @param sentence the sentence as stored (Slack mrkdwn), so it can be quoted back
 * @param hint     how to rewrite it, naming the words that blame
 */
record BlameWarning(String where, String sentence, String hint) {
}
