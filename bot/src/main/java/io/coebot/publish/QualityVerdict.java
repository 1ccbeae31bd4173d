package io.coebot.publish;

import java.util.List;

/** The quality bar's answer for one COE: every check, in the COE's reading order. */
public record QualityVerdict(List<QualityCheck> checks) {

    public QualityVerdict {
        checks = List.copyOf(checks);
    }

    public boolean passed() {
        return checks.stream().allMatch(QualityCheck::passed);
    }

    public List<QualityCheck> failed() {
        return checks.stream().filter(c -> !c.passed()).toList();
    }
}
