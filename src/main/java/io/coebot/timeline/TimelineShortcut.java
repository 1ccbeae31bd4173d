package io.coebot.timeline;

import io.coebot.slack.SlackFeature;
import io.coebot.slack.SlackRegistry;
import jakarta.inject.Singleton;

/**
 * The "Add to COE timeline" message shortcut is declared in manifest.yml so installs made today
 * keep working when the timeline lands. Until then a person who uses it gets a straight answer
 * instead of Slack's silent nothing.
 */
@Singleton
public class TimelineShortcut implements SlackFeature {
    public static final String CALLBACK_ID = "add_to_coe_timeline";

    @Override
    public void register(SlackRegistry slack) {
        slack.messageShortcut(CALLBACK_ID, (req, ctx) -> {
            ctx.respond(r -> r.responseType("ephemeral").text(
                    "The COE timeline is coming soon: this message was not added. Until then, quote it in the COE thread."));
            return ctx.ack();
        });
    }
}
