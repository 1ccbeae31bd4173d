package io.coebot.learning;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchQueryTest {
    @Test
    void wordsAndFiltersAreToldApart() {
        SearchQuery q = SearchQuery.parse("connection pool severity:sev1 service:checkout after:2026-01-01 owner:@alice");
        assertEquals("connection pool", q.words());
        assertEquals("SEV1", q.severity());
        assertEquals("checkout", q.service());
        assertEquals(LocalDate.of(2026, 1, 1), q.after());
        assertEquals("alice", q.owner());
        assertNull(q.problem());
    }

    @Test
    void aMentionNamesTheOwnerById() {
        assertEquals("U0ALICE1", SearchQuery.parse("owner:<@U0ALICE1|alice>").owner());
        assertEquals("SEV2", SearchQuery.parse("sev:2").severity());
    }

    @Test
    void aFilterItCannotReadIsAProblemNotAGuess() {
        assertTrue(SearchQuery.parse("pool severity:high").problem().contains("SEV1"));
        assertTrue(SearchQuery.parse("pool after:last-week").problem().contains("YYYY-MM-DD"));
        assertTrue(SearchQuery.parse("owner:@").problem().contains("owner:"));
        assertTrue(SearchQuery.parse("   ").isEmpty());
    }
}
