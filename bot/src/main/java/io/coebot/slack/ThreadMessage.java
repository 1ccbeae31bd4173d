package io.coebot.slack;

/**
 * One message event as the features see it, whichever of Slack's shapes it came in (a post, a thread broadcast,
 * a file share, an edit, a deletion). {@code text} has the links of any shared files merged in, so a screenshot
 * alone is an answer too; a deletion carries the deleted message's ts and thread, and no text.
 *
 * @param human       written by a person (not this bot, not another bot), as far as the event says
 * @param fromBot     the event names a bot as the author (what the timeline remembers about a message)
 * @param ourBotUserId this bot's own user id in the workspace, which is never a teammate
 */
public record ThreadMessage(Change change, String teamId, String channelId, String eventId, String userId,
                            boolean human, boolean fromBot, String ts, String threadTs, String text,
                            String ourBotUserId) {

    public enum Change { POSTED, EDITED, DELETED }

    /**
     * The message's ts as a value (ordered and compared as Slack means it); {@code ts} is its text as Slack sent it,
     * which the inbox stores. Null when the event carried none.
     */
    public MessageTs messageTs() {
        return MessageTs.parse(ts).orElse(null);
    }

    /** A message inside a thread, not the message the thread hangs from. */
    public boolean isReply() {
        return threadTs != null && !threadTs.equals(ts);
    }
}
