package io.coebot.slack;

import io.coebot.store.MessageOwner;
import io.coebot.store.Outbox;
import io.coebot.store.OwnerKind;

/**
 * A conversation that owns threads (the interview owns a COE card's thread, each 5 Whys session its own): it is
 * told about every message in them, once, and about what became of the questions it asked there.
 */
public interface Conversation extends Outbox.Owner {
    /** The owner kind of the threads this conversation owns (one conversation per kind). */
    @Override
    OwnerKind kind();

    /** A person's reply was posted, edited or deleted in the thread of {@code ownerId} (bots' messages never come here). */
    void onMessage(long ownerId, ThreadMessage message);

    /** Slack has the question's message, at {@code ts}: replies older than it were written under an earlier one. */
    void onQuestionPosted(String teamId, long ownerId, String questionId, MessageTs ts);

    /** The question will never be in Slack: replies held for it answer it, as nothing can date them. */
    void onQuestionRefused(String teamId, long ownerId, String questionId);

    /**
     * The conversation's messages that report back are its questions, named by {@link MessageOwner#part()}. A ts that
     * is not one (Slack always sends one) dates nothing, like a question never shown.
     */
    @Override
    default void sent(MessageOwner owner, Outbox.PendingMessage message, String ts) {
        MessageTs.parse(ts).ifPresentOrElse(
                at -> onQuestionPosted(message.message().teamId(), owner.id(), owner.part(), at),
                () -> onQuestionRefused(message.message().teamId(), owner.id(), owner.part()));
    }

    @Override
    default void failed(MessageOwner owner, Outbox.PendingMessage message) {
        onQuestionRefused(message.message().teamId(), owner.id(), owner.part());
    }
}
