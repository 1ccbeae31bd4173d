package io.coebot.whys;

import io.coebot.slack.Conversation;
import io.coebot.slack.MessageTs;
import io.coebot.slack.ThreadMessage;
import io.coebot.store.MessageOwner;
import io.coebot.store.Outbox;
import io.coebot.store.OwnerKind;
import jakarta.inject.Singleton;

/**
 * A 5 Whys session as the conversation in its root message's thread: each human message there is a cause (or
 * the problem), an edit or a deletion of one. Its questions are named by their sequence number.
 */
@Singleton
final class WhysThread implements Conversation {
    private final WhysService whys;
    private final CoePeople people;

    WhysThread(WhysService whys, CoePeople people) {
        this.whys = whys;
        this.people = people;
    }

    @Override
    public OwnerKind kind() {
        return OwnerKind.WHYS;
    }

    @Override
    public void onMessage(long sessionId, ThreadMessage m) {
        String team = m.teamId();
        switch (m.change()) {
            case POSTED -> whys.apply(sessionId, team, m.eventId(), null, new WhysInput.Reply(m.userId(), m.text(), m.messageTs()),
                    people.of(team, sessionId, m.userId(), m.ourBotUserId()));
            case EDITED -> whys.apply(sessionId, team, m.eventId(), null, new WhysInput.Edited(m.messageTs(), m.text()),
                    people.of(team, sessionId, m.userId(), m.ourBotUserId()));
            case DELETED -> whys.apply(sessionId, team, m.eventId(), null, new WhysInput.Deleted(m.messageTs()));
        }
    }

    /** The session's root message also reports back (it carries no question): its thread becomes the session's. */
    @Override
    public void sent(MessageOwner owner, Outbox.PendingMessage message, String ts) {
        if (owner.part() == null) {
            whys.rootPosted(owner.id(), message.message().teamId(), message.message().channelId(), ts);
        } else {
            Conversation.super.sent(owner, message, ts);
        }
    }

    @Override
    public void failed(MessageOwner owner, Outbox.PendingMessage message) {
        if (owner.part() != null) {
            Conversation.super.failed(owner, message);
        }
    }

    @Override
    public void onQuestionPosted(String teamId, long sessionId, String questionId, MessageTs ts) {
        whys.apply(sessionId, teamId, null, null, new WhysInput.QuestionPosted(Integer.parseInt(questionId), ts));
    }

    @Override
    public void onQuestionRefused(String teamId, long sessionId, String questionId) {
        whys.apply(sessionId, teamId, null, null, new WhysInput.QuestionPosted(Integer.parseInt(questionId), MessageTs.NEVER_POSTED));
    }
}
