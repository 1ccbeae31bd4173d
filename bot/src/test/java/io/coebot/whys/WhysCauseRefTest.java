package io.coebot.whys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The cause reference's text form is the action_item.cause_ref column's: it must read what is already stored. */
class WhysCauseRefTest {

    @Test
    void printsTheStoredFormAndReadsItBack() {
        CauseRef ref = new CauseRef(11, 3, 1);
        assertEquals("whys:11:3:1", ref.toString());
        assertEquals(Optional.of(ref), CauseRef.parse(ref.toString()));
    }

    @Test
    void readsARowWrittenBeforeTheType() {
        assertEquals(Optional.of(new CauseRef(4_000_000_000L, 12, 0)), CauseRef.parse("whys:4000000000:12:0"));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "whys:", "whys:11:3:", "whys:11:3", "whys:a:3:1", "tracker:11:3:1", "whys:11:3:1:0",
            " whys:11:3:1", "whys:-1:3:1", "whys:99999999999999999999:3:1"})
    void aMalformedValuePointsAtNothing(String stored) {
        assertEquals(Optional.empty(), CauseRef.parse(stored));
    }

    @Test
    void nullIsNoReference() {
        assertEquals(Optional.empty(), CauseRef.parse(null));
    }

    @Test
    void everyRemediationOfACauseFixesIt() {
        assertTrue(new CauseRef(11, 3, 0).fixes(11, 3));
        assertTrue(new CauseRef(11, 3, 7).fixes(11, 3));
        assertFalse(new CauseRef(11, 30, 0).fixes(11, 3));
        assertFalse(new CauseRef(1, 3, 0).fixes(11, 3));
    }
}
