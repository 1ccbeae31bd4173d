package io.coebot.slack;

import com.slack.api.model.view.ViewState;

import java.util.List;
import java.util.Map;

/** Reads what a person entered in a modal's input block (one element per block, as every form of ours has). */
public final class FormValues {
    private FormValues() {
    }

    /** Text typed, option picked, user picked or date picked; null when nothing (or only spaces) was entered. */
    public static String one(ViewState state, String block) {
        ViewState.Value v = element(state, block);
        if (v == null) {
            return null;
        }
        String out = v.getValue() != null ? v.getValue()
                : v.getSelectedOption() != null ? v.getSelectedOption().getValue()
                : v.getSelectedUser() != null ? v.getSelectedUser()
                : v.getSelectedDate();
        return out == null || out.isBlank() ? null : out;
    }

    /** The people picked in a multi-users select, in the order picked. */
    public static List<String> users(ViewState state, String block) {
        ViewState.Value v = element(state, block);
        return v == null || v.getSelectedUsers() == null ? List.of() : List.copyOf(v.getSelectedUsers());
    }

    private static ViewState.Value element(ViewState state, String block) {
        Map<String, ViewState.Value> b = state == null || state.getValues() == null ? null : state.getValues().get(block);
        return b == null || b.isEmpty() ? null : b.values().iterator().next();
    }
}
