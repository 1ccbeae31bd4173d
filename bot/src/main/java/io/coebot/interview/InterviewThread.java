package io.coebot.interview;

import io.coebot.slack.Conversation;
import io.coebot.slack.MessageTs;
import io.coebot.slack.ThreadMessage;
import io.coebot.slack.UserZones;
import io.coebot.store.OwnerKind;
import jakarta.inject.Singleton;

/**
 * The interview as the conversation in a COE card's thread: each human message there is an answer, an edit
 * or a deletion of one, read in its author's time zone.
 */
@Singleton
final class InterviewThread implements Conversation {
    private final InterviewService interviews;
    private final UserZones zones;

    InterviewThread(InterviewService interviews, UserZones zones) {
        this.interviews = interviews;
        this.zones = zones;
    }

    @Override
    public OwnerKind kind() {
        return OwnerKind.COE_CARD;
    }

    @Override
    public void onMessage(long coeId, ThreadMessage m) {
        String team = m.teamId();
        switch (m.change()) {
            case POSTED -> interviews.apply(coeId, team, m.eventId(), new Reply(m.userId(), m.text() == null ? "" : m.text(),
                    m.messageTs(), zones.zoneOf(team, m.userId())));
            case EDITED -> interviews.apply(coeId, team, m.eventId(),
                    new AnswerEdited(m.userId(), m.messageTs(), m.text(), zones.zoneOf(team, m.userId())));
            case DELETED -> interviews.apply(coeId, team, m.eventId(), new AnswerDeleted(m.messageTs()));
        }
    }

    @Override
    public void onQuestionPosted(String teamId, long coeId, String questionId, MessageTs ts) {
        interviews.apply(coeId, teamId, null, new QuestionPosted(questionId, ts));
    }

    @Override
    public void onQuestionRefused(String teamId, long coeId, String questionId) {
        interviews.apply(coeId, teamId, null, new QuestionFailed(questionId));
    }
}
