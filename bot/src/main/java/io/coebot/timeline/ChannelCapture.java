package io.coebot.timeline;

import io.coebot.slack.ChannelListener;
import io.coebot.slack.ThreadMessage;
import jakarta.inject.Singleton;

/**
 * The timeline hears the channel's messages outside the conversations' threads: it remembers them (a pin then
 * needs no Web API call) and keeps the entries that quote them as they are now, or removes them once deleted.
 */
@Singleton
final class ChannelCapture implements ChannelListener {
    private final TimelineService timelines;

    ChannelCapture(TimelineService timelines) {
        this.timelines = timelines;
    }

    @Override
    public void onMessage(ThreadMessage m) {
        switch (m.change()) {
            case POSTED -> timelines.seen(m.teamId(), new TimelineStore.SeenMessage(m.channelId(), m.ts(), m.threadTs(),
                    m.userId(), m.fromBot(), m.text()));
            case EDITED -> timelines.edited(m.teamId(), m.channelId(), m.ts(), m.text());
            case DELETED -> timelines.deleted(m.teamId(), m.channelId(), m.ts());
        }
    }
}
