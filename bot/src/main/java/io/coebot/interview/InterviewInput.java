package io.coebot.interview;

/** Everything that can move the interview: what people do in the thread, and the bot's own posts landing in Slack. */
sealed interface InterviewInput
        permits Reply, Pressed, Picked, AnswerEdited, AnswerDeleted, AnswerReplaced, QuestionPosted,
        QuestionFailed {
}
