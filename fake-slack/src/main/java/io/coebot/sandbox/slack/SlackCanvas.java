package io.coebot.sandbox.slack;

import java.util.List;

/**
 * A canvas as the fake Slack holds it: its markdown as last written, the channel whose canvas it is (or null for a
 * standalone one), the channels it is shared with, and how many times it was edited.
 */
public record SlackCanvas(String id, String title, String markdown, String channelCanvasOf, List<String> sharedWith,
                          String accessLevel, int edits) {
    public SlackCanvas {
        sharedWith = List.copyOf(sharedWith);
    }
}
