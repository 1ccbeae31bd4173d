package io.coebot.interview;

import java.util.List;

/** The result of one transition: the state to save, then the replies to post (in order) once it is saved. */
record Step(InterviewState state, List<BotReply> replies) {
    public Step {
        replies = replies == null ? List.of() : List.copyOf(replies);
    }
}
