package io.coebot.actions;

/** What {@code /coe action …} said: a {@code draft}, or an {@code error} that can be shown to the person as is. */
record ParsedAction(ActionItemDraft draft, String error) {

    public static ParsedAction ok(ActionItemDraft draft) {
        return new ParsedAction(draft, null);
    }

    public static ParsedAction error(String message) {
        return new ParsedAction(null, message);
    }

    public boolean isOk() {
        return error == null;
    }
}
