package io.coebot.interview;

/** A statement in the thread: an acknowledgement, an echo, or why an answer was not taken. */
public record Say(String text) implements BotReply {
}
