package io.coebot.interview;

public enum InterviewStatus {
    IN_PROGRESS, PAUSED, COMPLETE
}
