package io.coebot.learning;

import com.slack.api.model.block.LayoutBlock;
import io.coebot.actions.NudgeQueue;
import io.coebot.store.OutboundMessage;
import io.coebot.store.Outbox;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;

/**
 * The week's report claimed, and its message and chart queued, in one transaction: two runs or two instances at the
 * same moment send it once, and a crash between the two never posts the text without its chart.
 */
@Singleton
class ReportPost {
    static final String KIND = "weekly-report";

    private final NudgeQueue queue;
    private final Outbox outbox;

    ReportPost(NudgeQueue queue, Outbox outbox) {
        this.queue = queue;
        this.outbox = outbox;
    }

    /** @return whether this run sent it (false: already claimed by another run or instance) */
    @Transactional
    boolean send(String teamId, String channel, String weekKey, String text, List<LayoutBlock> blocks, byte[] chart,
                 Instant now, Instant sendFrom) {
        if (!queue.queue(teamId, KIND, teamId + "|" + weekKey, channel, text, blocks, now, sendFrom)) {
            return false;
        }
        // queued after the text, so the outbox (in order of queueing) shows the chart under it
        outbox.enqueue(OutboundMessage.uploadImage(teamId, channel, "coe-weekly-report-" + weekKey + ".png", chart,
                "COE trend, " + weekKey, "Median time to detect and to mitigate, week by week"), sendFrom);
        return true;
    }
}
