package io.coebot.sandbox.slack;

/**
 * A conversation in the fake workspace.
 *
 * @param id          "C…" public, "G…" private or group DM, "D…" direct message
 * @param name        channel name without '#', or null for a DM
 * @param kind        {@code channel}, {@code group}, {@code im} or {@code mpim} (the Events API {@code channel_type})
 * @param botIsMember whether the app's bot user is in it
 * @param archived    archived channels refuse posts with {@code is_archived}
 * @param dmUser      the person at the other end of a DM, or null
 */
public record SlackChannel(String id, String name, String kind, boolean botIsMember, boolean archived, String dmUser) {

    public boolean isPrivate() {
        return !kind.equals("channel");
    }

    public boolean isIm() {
        return kind.equals("im");
    }
}
