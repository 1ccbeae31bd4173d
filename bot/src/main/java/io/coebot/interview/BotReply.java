package io.coebot.interview;

/** What the bot posts in the thread; the caller turns these into Slack messages after the state is saved. */
sealed interface BotReply permits Ask, Say, Traced {
}
