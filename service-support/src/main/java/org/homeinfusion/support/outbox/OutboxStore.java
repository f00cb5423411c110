package org.homeinfusion.support.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.homeinfusion.contracts.EventJson;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;

/** The relay's SQL against {@code outbox_record}. */
class OutboxStore {

    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() { };
    private static final String COLUMNS = "position, topic, record_key, event_type, headers, payload, created_at";

    private final JdbcClient jdbc;

    OutboxStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The oldest unsent rows, locked so another instance's relay skips them while we send. */
    List<OutboxRecord> lockOldest(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM outbox_record ORDER BY position LIMIT :limit FOR UPDATE SKIP LOCKED")
                .param("limit", limit).query(OutboxStore::map).list();
    }

    List<OutboxRecord> after(long position, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM outbox_record WHERE position > :position ORDER BY position LIMIT :limit")
                .param("position", position).param("limit", limit).query(OutboxStore::map).list();
    }

    void delete(List<Long> positions) {
        jdbc.sql("DELETE FROM outbox_record WHERE position = ANY(:positions)")
                .param("positions", positions.toArray(Long[]::new)).update();
    }

    void deleteUpTo(long position) {
        jdbc.sql("DELETE FROM outbox_record WHERE position <= :position").param("position", position).update();
    }

    private static OutboxRecord map(ResultSet rs, int row) throws SQLException {
        return new OutboxRecord(rs.getLong("position"), rs.getString("topic"), rs.getString("record_key"),
                rs.getString("event_type"), EventJson.mapper().readValue(rs.getString("headers"), HEADERS),
                rs.getString("payload"), rs.getTimestamp("created_at").toInstant());
    }
}
