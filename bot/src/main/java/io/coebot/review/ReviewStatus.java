package io.coebot.review;

/** Where a COE stands on its way to being published: one at a time, shown on its card and in `/coe status`. */
public enum ReviewStatus {
    DRAFTING("Drafting"),
    IN_REVIEW("In review"),
    CHANGES_REQUESTED("Changes requested"),
    APPROVED("Approved"),
    PUBLISHED("Published");

    private final String label;

    ReviewStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
