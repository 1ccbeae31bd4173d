package io.coebot.interview;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** The interview state of a COE, stored whole as JSON and changed only under its row lock. */
// Joins the caller's transaction; a read outside one gets its own.
@Transactional
@Singleton
public class InterviewStore {
    private static final Gson GSON = new GsonBuilder()
            .registerTypeAdapter(Instant.class, new TypeAdapter<Instant>() {
                @Override
                public void write(JsonWriter out, Instant value) throws IOException {
                    if (value == null) out.nullValue(); else out.value(value.toString());
                }

                @Override
                public Instant read(JsonReader in) throws IOException {
                    if (in.peek() == com.google.gson.stream.JsonToken.NULL) {
                        in.nextNull();
                        return null;
                    }
                    return Instant.parse(in.nextString());
                }
            })
            .create();

    private final JdbcOperations jdbc;

    public InterviewStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates the interview unless it exists; @return whether it was created. */
    boolean create(long coeId, String teamId, InterviewState state, Instant now) {
        return jdbc.prepareStatement("""
                INSERT INTO interview (coe_id, team_id, state, updated_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (coe_id) DO NOTHING""", ps -> {
            ps.setLong(1, coeId);
            ps.setString(2, teamId);
            ps.setString(3, toJson(state));
            ps.setTimestamp(4, Timestamp.from(now));
            return ps.executeUpdate() == 1;
        });
    }

    /** Locks the row: two people answering at once are applied one after the other, in order. */
    Optional<InterviewState> lock(long coeId) {
        return read("SELECT state FROM interview WHERE coe_id = ? FOR UPDATE", coeId);
    }

    public Optional<InterviewState> find(long coeId) {
        return read("SELECT state FROM interview WHERE coe_id = ?", coeId);
    }

    void save(long coeId, InterviewState state, Instant now) {
        jdbc.prepareStatement("UPDATE interview SET state = ?, updated_at = ? WHERE coe_id = ?", ps -> {
            ps.setString(1, toJson(state));
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setLong(3, coeId);
            return ps.executeUpdate();
        });
    }

    private Optional<InterviewState> read(String sql, long coeId) {
        return jdbc.prepareStatement(sql, ps -> {
            ps.setLong(1, coeId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(fromJson(rs.getString(1))) : Optional.empty();
            }
        });
    }

    static String toJson(InterviewState state) {
        return GSON.toJson(state);
    }

    static InterviewState fromJson(String json) {
        return GSON.fromJson(json, InterviewState.class);
    }
}
