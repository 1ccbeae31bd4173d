package io.coebot.actions;

/**
 * The result of asking to change an item: the {@code item} as it should now be stored (possibly unchanged, e.g.
 * a second click on Done), or a {@code refusal} to show to the person as is.
 */
record ItemChange(ActionItem item, String refusal) {

    public static ItemChange ok(ActionItem item) {
        return new ItemChange(item, null);
    }

    public static ItemChange refused(String message) {
        return new ItemChange(null, message);
    }

    public boolean isOk() {
        return refusal == null;
    }
}
