package io.coebot.interview;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/** The interview state of a COE, stored whole as JSON and changed only under its row lock. */
// Joins the caller's transaction; a read outside one gets its own.
@Transactional
@Singleton
class InterviewStore {
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

    private final InterviewRepository rows;

    InterviewStore(InterviewRepository rows) {
        this.rows = rows;
    }

    /** Creates the interview unless it exists; @return whether it was created. */
    boolean create(long coeId, String teamId, InterviewState state, Instant now) {
        return rows.insertUnlessExists(coeId, teamId, toJson(state), now) == 1;
    }

    /** Locks the row: two people answering at once are applied one after the other, in order. */
    Optional<InterviewState> lock(long coeId) {
        return rows.findByCoeIdForUpdate(coeId).map(r -> fromJson(r.state()));
    }

    Optional<InterviewState> find(long coeId) {
        return rows.findByCoeId(coeId).map(r -> fromJson(r.state()));
    }

    void save(long coeId, InterviewState state, Instant now) {
        rows.update(coeId, toJson(state), now);
    }

    static String toJson(InterviewState state) {
        return GSON.toJson(state);
    }

    static InterviewState fromJson(String json) {
        return GSON.fromJson(json, InterviewState.class);
    }
}
