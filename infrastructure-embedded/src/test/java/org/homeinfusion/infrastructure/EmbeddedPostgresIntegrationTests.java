package org.homeinfusion.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresIntegrationTests {

    @TempDir
    Path dataDirectory;

    @Test
    void keepsItsDataInAGivenDirectoryAcrossRestarts() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(0, dataDirectory)) {
            postgres.createDatabaseIfMissing("orders");
            postgres.createDatabaseIfMissing("orders");
            execute(postgres, "orders", "create table memo(text varchar(20)); insert into memo values ('kept')");
        }
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(0, dataDirectory)) {
            postgres.createDatabaseIfMissing("orders");
            try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("orders"),
                    postgres.username(), postgres.password());
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("select text from memo")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("kept");
            }
        }
    }

    @Test
    void refusesDatabaseNamesThatWouldNeedQuoting() {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
            assertThatThrownBy(() -> postgres.createDatabaseIfMissing("x\"; drop database postgres; --"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void reportsATakenPortInsteadOfHanging() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> EmbeddedPostgres.start(taken.getLocalPort(), null))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already in use");
        }
    }

    private static void execute(EmbeddedPostgres postgres, String database, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(database),
                postgres.username(), postgres.password());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
