package io.coebot.learning;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RootCauseThemesTest {
    @Test
    void aPhraseSeenAcrossCoesBeatsItsWordsAndAStopWordBreaksAPhrase() {
        var themes = RootCauseThemes.top(List.of(
                "The connection pool was exhausted because the timeout was too long",
                "Connection pool exhausted by a retry storm",
                "A retry storm from the mobile client; a cold cache",
                "Cold cache after a deploy"), 4);
        assertEquals(List.of(new RootCauseThemes.Theme("cold cache", 2), new RootCauseThemes.Theme("connection pool", 2),
                new RootCauseThemes.Theme("exhausted", 2), new RootCauseThemes.Theme("retry storm", 2)), themes);
    }

    @Test
    void oneCoeRepeatingAWordCountsOnce() {
        var themes = RootCauseThemes.top(List.of("cache cache cache cache", "dns"), 5);
        assertEquals(new RootCauseThemes.Theme("cache", 1), themes.get(0));
        assertTrue(themes.stream().noneMatch(t -> t.words().equals("cache cache")));
    }

    @Test
    void tokensDropStopWordsNumbersAndPunctuation() {
        assertEquals(java.util.Arrays.asList(null, "disk", null, "full", null), RootCauseThemes.tokens("The disk was full (100%)"));
    }
}
