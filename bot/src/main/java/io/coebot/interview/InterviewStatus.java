package io.coebot.interview;

enum InterviewStatus {
    IN_PROGRESS, PAUSED, COMPLETE
}
