package io.coebot.interview;

/** The parts of the COE the interview covers, in the order it asks about them. */
public enum Section {
    BASICS("Basics"),
    IMPACT("Impact"),
    DETECTION("Detection"),
    DIAGNOSIS("Diagnosis"),
    MITIGATION("Mitigation"),
    PREVENTION("Prevention"),
    METRICS("Metrics"),
    LESSONS("Lessons learned"),
    RELATED("Related items"),
    SUMMARY("Summary");

    private final String title;

    Section(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
