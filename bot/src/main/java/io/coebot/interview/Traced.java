package io.coebot.interview;

/**
 * The question message at {@code ts} edited in place: its words kept, its buttons replaced by {@code line}, which
 * says what was chosen and by whom (or that the answer changed since).
 */
record Traced(QuestionMessage question, String line) implements BotReply {
}
