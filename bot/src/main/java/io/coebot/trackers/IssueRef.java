package io.coebot.trackers;

/**
 * An issue in a tracker as people refer to it: its key ("#12" in GitHub, "OPS-42" in Jira, "ENG-7" in Linear) and the
 * link that opens it.
 */
record IssueRef(String key, String url) {
    public IssueRef {
        java.util.Objects.requireNonNull(key, "key");
        java.util.Objects.requireNonNull(url, "url");
    }
}
