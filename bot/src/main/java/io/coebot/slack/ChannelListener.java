package io.coebot.slack;

/** Hears the messages of a channel that no conversation owns (the timeline remembers them for a later pin). */
public interface ChannelListener {
    void onMessage(ThreadMessage message);
}
