package io.coebot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class MessageTsTest {

    @Test
    void messagesAreOrderedAsDecimalsNotAsText() {
        MessageTs nine = new MessageTs("9.000001");
        MessageTs ten = new MessageTs("10.000000");
        assertTrue(nine.isBefore(ten), "as text \"9…\" sorts after \"10…\"");
        assertEquals(List.of(nine, ten), List.copyOf(new TreeSet<>(List.of(ten, nine))));
    }

    @Test
    void oneTsIsOneMessageHoweverItIsWritten() {
        assertEquals(new MessageTs("1700000000.000100"), new MessageTs("1700000000.0001"));
        assertEquals(new MessageTs("1700000000.000100").hashCode(), new MessageTs("1700000000.0001").hashCode());
        assertNotEquals(new MessageTs("1700000000.000100"), new MessageTs("1700000000.000101"));
        assertTrue(new MessageTs("0").neverPosted(), "sessions saved before the value was shared hold \"0\"");
    }

    @Test
    void aTsIsTheMomentToTheMicrosecondAndBack() {
        Instant at = Instant.ofEpochSecond(1_763_632_000L, 123_000L);
        assertEquals(at, new MessageTs("1763632000.000123").toInstant());
        assertEquals("1763632000.000123", MessageTs.of(at).value());
        assertEquals(at, MessageTs.of(at).toInstant());
    }

    @Test
    void onlyATsParses() {
        assertEquals(Optional.of(new MessageTs("1763632000.000123")), MessageTs.parse("1763632000.000123"));
        assertEquals(Optional.empty(), MessageTs.parse("yesterday"));
        assertEquals(Optional.empty(), MessageTs.parse(null));
        assertEquals(Optional.empty(), MessageTs.parse("-1.5"));
        assertThrows(IllegalArgumentException.class, () -> new MessageTs("1e9"));
    }

    /** Stored states hold a ts as the string Slack sent, byte for byte, as they did before the type existed. */
    record Held(String user, MessageTs ts) {}

    @Test
    void inAStoredStateATsIsItsStringUnchanged() {
        Gson gson = new Gson();
        String json = gson.toJson(new Held("U1", new MessageTs("1700000000.0001")));
        assertEquals("{\"user\":\"U1\",\"ts\":\"1700000000.0001\"}", json);
        assertEquals("1700000000.0001", gson.fromJson(json, Held.class).ts().value());
        assertEquals("{\"user\":\"U1\"}", gson.toJson(new Held("U1", null)));
        assertFalse(gson.fromJson("{\"user\":\"U1\"}", Held.class).ts() != null);
    }
}
