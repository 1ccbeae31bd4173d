package io.coebot.actions;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The reads are native: each joins the item's COE, a table of another feature, into one {@link ActionItemView}. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface ActionRepository extends GenericRepository<ActionItemRow, Long> {
    String WITH_COE = """
            SELECT a.*, c.number AS coe_number, c.title AS coe_title, c.owner_user_id AS coe_owner, c.channel_id
            FROM action_item a JOIN coe c ON c.id = a.coe_id""";

    /** One INSERT … RETURNING: the id comes back with the row. */
    ActionItemRow insert(ActionItemRow row);

    /** Locks the item's row only (FOR UPDATE OF a), not its COE's. */
    @Query(WITH_COE + " WHERE a.id = :id FOR UPDATE OF a")
    Optional<ActionItemView> findForUpdate(long id);

    @Query(WITH_COE + " WHERE a.id = :id")
    Optional<ActionItemView> find(long id);

    @Query(WITH_COE + " WHERE a.id = :id AND a.team_id = :teamId")
    Optional<ActionItemView> find(long id, @Nullable String teamId);

    @Query(WITH_COE + " WHERE a.coe_id = :coeId ORDER BY a.id")
    List<ActionItemView> ofCoe(long coeId);

    @Query(WITH_COE + " WHERE a.team_id = :teamId AND a.owner_user_id = :userId AND a.status = 'open' ORDER BY a.due, a.id")
    List<ActionItemView> openOwnedBy(@Nullable String teamId, @Nullable String userId);

    @Query(WITH_COE + " WHERE a.team_id = :teamId AND a.status = 'open' ORDER BY a.id")
    List<ActionItemView> allOpen(String teamId);

    @Query("SELECT DISTINCT team_id FROM action_item WHERE status = 'open'")
    List<String> findTeamsWithOpenItems();

    void update(@Id long id, String ownerUserId, LocalDate due, String status, @Nullable String statusReason,
                @Nullable LocalDate snoozedUntil, Instant updatedAt);

    void update(@Id long id, @Nullable String trackerPending);

    void update(@Id long id, @Nullable String trackerKey, @Nullable String trackerUrl, @Nullable String trackerPending);
}
