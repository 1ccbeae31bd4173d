package io.coebot.slack;

/**
 * How a feature plugs into Bolt without Bolt knowing the features: every bean implementing this
 * is collected by {@link BoltAppFactory}. Register listeners for actions, events, views here;
 * `/coe` sub-commands are separate {@link CoeSubcommand} beans.
 */
public interface SlackFeature {
    void register(SlackRegistry slack);
}
