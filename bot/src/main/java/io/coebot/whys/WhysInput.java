package io.coebot.whys;

import io.coebot.slack.MessageTs;

/** What can happen to a 5 Whys session, from Slack or from the outbox. */
sealed interface WhysInput {
    /** A human reply in the session's thread. */
    record Reply(String userId, String text, MessageTs ts) implements WhysInput {}

    /** "Root cause" on the why about {@code nodeId}. */
    record MarkRootCause(String userId, int nodeId) implements WhysInput {}

    /** "Another cause": {@code nodeId} is not the only cause of its parent. */
    record AnotherCause(String userId, int nodeId) implements WhysInput {}

    /** Leave the checks or the extra cause and go back to asking why. */
    record KeepAsking(String userId) implements WhysInput {}

    record Back(String userId) implements WhysInput {}

    /** Start from the proposed problem (the interview's impact). */
    record UseProposal(String userId) implements WhysInput {}

    record Edited(MessageTs ts, String text) implements WhysInput {}

    record Deleted(MessageTs ts) implements WhysInput {}

    /** The deletion of the message behind {@code nodeId} is confirmed: remove the node and its subtree. */
    record RemoveConfirmed(String userId, int nodeId) implements WhysInput {}

    /** The message behind {@code nodeId} was deleted, but the cause stays. */
    record KeepDeleted(String userId, int nodeId) implements WhysInput {}

    /** Slack has question {@code seq}; replies older than {@code ts} were written before it was visible. */
    record QuestionPosted(int seq, MessageTs ts) implements WhysInput {}
}
