package io.coebot.interview;

import io.coebot.coe.Coe;

/**
 * The open COE of a channel with its interview, for commands run in that channel; when there is
 * none, {@code problem} is what to tell the person instead.
 */
record ChannelInterview(Coe coe, InterviewState state, String problem) {
    static ChannelInterview of(Coe coe, InterviewState state) {
        return new ChannelInterview(coe, state, null);
    }

    static ChannelInterview none(String problem) {
        return new ChannelInterview(null, null, problem);
    }

    boolean found() {
        return problem == null;
    }
}
