package io.coebot.timeline;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Sort;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface TimelineEntryRepository extends GenericRepository<TimelineEntryRow, Long> {

    Optional<TimelineEntryRow> findById(long id);

    List<TimelineEntryRow> findByCoeId(long coeId, Sort sort);

    Optional<TimelineEntryRow> findByCoeIdAndMessageTs(long coeId, String messageTs);

    /** One per COE at most: a message is in a COE's timeline once (unique index). */
    List<Long> findCoeIdByTeamIdAndChannelIdAndMessageTs(String teamId, String channelId, String messageTs);

    void update(@Id long id, @Nullable String note);

    /** Native: counts only the entries whose text really changed, so an edit that changes nothing refreshes nothing. */
    @Query("UPDATE timeline_entry SET text = :text WHERE coe_id = :coeId AND message_ts = :messageTs AND text <> :text")
    int updateChangedText(long coeId, String messageTs, String text);

    void deleteById(long id);

    int deleteByCoeIdAndMessageTs(long coeId, String messageTs);

    int deleteByCoeIdAndMessageTsAndSource(long coeId, String messageTs, String source);

    /** Native: clears a milestone wherever it is marked, before it is marked elsewhere (one per COE, unique index). */
    @Query("UPDATE timeline_entry SET milestone = NULL WHERE coe_id = :coeId AND milestone = :milestone")
    void clearMilestone(long coeId, String milestone);

    /** Native: marks only an entry of this COE. */
    @Query("UPDATE timeline_entry SET milestone = :milestone WHERE id = :id AND coe_id = :coeId")
    void markMilestone(long id, long coeId, String milestone);

    @Query("UPDATE timeline_entry SET milestone = NULL WHERE id = :id")
    void unmark(long id);
}
