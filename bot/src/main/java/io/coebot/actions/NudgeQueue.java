package io.coebot.actions;

import com.slack.api.model.block.LayoutBlock;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;

/** Claim a nudge and queue its DM in one transaction: either both happen, or neither. */
@Singleton
public class NudgeQueue {
    private final NudgeClaimStore claims;
    private final ActionMessages messages;

    public NudgeQueue(NudgeClaimStore claims, ActionMessages messages) {
        this.claims = claims;
        this.messages = messages;
    }

    /** @return whether it was queued (false: another run or instance holds the claim) */
    @Transactional
    public boolean queue(String teamId, String kind, String key, String to, String text, List<LayoutBlock> blocks,
                         Instant now, Instant sendFrom) {
        if (!claims.claim(teamId, kind, key, now)) {
            return false;
        }
        messages.dm(teamId, to, text, blocks, new ClaimedNudge(kind, key).owner(), sendFrom);
        return true;
    }
}
