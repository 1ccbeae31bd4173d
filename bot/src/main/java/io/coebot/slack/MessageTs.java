package io.coebot.slack;

import com.google.gson.TypeAdapter;
import com.google.gson.annotations.JsonAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Slack message ts ("1763680000.000123": epoch seconds and microseconds), which is also the moment the message was
 * written. Message ts order messages, but only as decimals: as strings "9.000001" sorts after "10.000000", and as
 * doubles the microseconds get lost; and "0" and "0.000000" are the same ts. So equality and order are by value,
 * while {@link #value} keeps the text exactly as Slack sent it (or as it was stored), since Slack's JSON and the
 * database hold that text: a ts goes out byte for byte as it came in. Stored inside a state's JSON it is that
 * string, as before this type existed.
 */
@JsonAdapter(MessageTs.AsString.class)
public record MessageTs(String value) implements Comparable<MessageTs> {

    private static final Pattern FORM = Pattern.compile("\\d{1,12}(\\.\\d{1,6})?");

    /**
     * The ts given to a question Slack will never show: older than every message, so every later reply is written
     * under it. Sessions saved before this value was shared hold "0", which equals it.
     */
    public static final MessageTs NEVER_POSTED = new MessageTs("0.000000");

    public MessageTs {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("Not a Slack message ts: " + value);
        }
    }

    /** The ts in a text from Slack or the database; empty for null and for anything that is not a ts. */
    public static Optional<MessageTs> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        return FORM.matcher(t).matches() ? Optional.of(new MessageTs(t)) : Optional.empty();
    }

    /** Whether two ts texts from Slack name the same message (false when either is not a ts). */
    public static boolean same(String ts, String other) {
        Optional<MessageTs> a = parse(ts);
        return a.isPresent() && a.equals(parse(other));
    }

    /** The ts of a moment, as Slack's {@code oldest} and {@code latest} take it (microseconds, six digits). */
    public static MessageTs of(Instant instant) {
        return new MessageTs(instant.getEpochSecond() + "." + String.format("%06d", instant.getNano() / 1_000));
    }

    /** When the message was written, exact to the microsecond. */
    public Instant toInstant() {
        long micros = decimal().movePointRight(6).longValueExact();
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    public boolean isBefore(MessageTs other) {
        return compareTo(other) < 0;
    }

    public boolean neverPosted() {
        return equals(NEVER_POSTED);
    }

    @Override
    public int compareTo(MessageTs other) {
        return decimal().compareTo(other.decimal());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MessageTs other && compareTo(other) == 0;
    }

    @Override
    public int hashCode() {
        return decimal().stripTrailingZeros().hashCode();
    }

    /** The text as Slack wrote it. */
    @Override
    public String toString() {
        return value;
    }

    private BigDecimal decimal() {
        return new BigDecimal(value);
    }

    /** In JSON (a stored state) a ts is its string, exactly as before it had a type. */
    static final class AsString extends TypeAdapter<MessageTs> {
        @Override
        public void write(JsonWriter out, MessageTs ts) throws IOException {
            if (ts == null) {
                out.nullValue();
            } else {
                out.value(ts.value);
            }
        }

        @Override
        public MessageTs read(JsonReader in) throws IOException {
            if (in.peek() == com.google.gson.stream.JsonToken.NULL) {
                in.nextNull();
                return null;
            }
            return new MessageTs(in.nextString());
        }
    }
}
