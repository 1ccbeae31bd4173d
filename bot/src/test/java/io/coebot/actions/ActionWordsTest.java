package io.coebot.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The words people type for priorities, types and statuses, and the keys stored rows hold. */
class ActionWordsTest {

    @Test
    void storedKeysNeverChange() {
        // rows written by one release are read by the next: renaming a constant must not rename its key
        assertEquals(List.of("high", "medium", "low"), Arrays.stream(Priority.values()).map(Priority::key).toList());
        assertEquals(List.of("detection", "diagnosis", "mitigation", "prevention"),
                Arrays.stream(ActionType.values()).map(ActionType::key).toList());
        assertEquals(List.of("open", "done", "wont_do"),
                Arrays.stream(ActionStatus.values()).map(ActionStatus::key).toList());
        for (ActionStatus s : ActionStatus.values()) {
            assertEquals(s, ActionStatus.fromKey(s.key()));
        }
        assertThrows(IllegalArgumentException.class, () -> Priority.fromKey("urgent"));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "high | HIGH", "HIGH | HIGH", " Medium | MEDIUM", "low | LOW", "urgent | -", "hi | -", "- | -"})
    void priorityWords(String text, String expected) {
        assertEquals(Optional.ofNullable(expected).map(Priority::valueOf), Priority.parse(text));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "Detection | DETECTION", "diagnosis | DIAGNOSIS", "mitigation | MITIGATION", "prevention | PREVENTION",
            "fix | -"})
    void typeWords(String text, String expected) {
        assertEquals(Optional.ofNullable(expected).map(ActionType::valueOf), ActionType.parse(text));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "open | OPEN", "Done | DONE", "won't do | WONT_DO", "won\u2019t do | WONT_DO", "wont do | WONT_DO",
            "won't-do | WONT_DO", "WONTDO | WONT_DO", "wont_do | WONT_DO", "closed | -", "won | -"})
    void statusWords(String text, String expected) {
        assertEquals(Optional.ofNullable(expected).map(ActionStatus::valueOf), ActionStatus.parse(text));
        if (expected != null) {
            assertEquals(expected.equals("WONT_DO") ? "won't do" : expected.toLowerCase(),
                    ActionStatus.valueOf(expected).label());
        }
    }
}
