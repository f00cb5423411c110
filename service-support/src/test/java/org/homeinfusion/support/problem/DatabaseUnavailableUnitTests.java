package org.homeinfusion.support.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.TransactionSystemException;

class DatabaseUnavailableUnitTests {

    @Test
    void aConnectionThatCannotBeHadOrThatDiedUnderAStatementIsTheDatabaseBeingAway() {
        assertThat(DatabaseUnavailable.causes(new CannotGetJdbcConnectionException("no connection"))).isTrue();
        TransactionSystemException rollbackFailed = new TransactionSystemException("JDBC rollback failed",
                new SQLException("This connection has been closed.", "08003"));
        assertThat(DatabaseUnavailable.causes(rollbackFailed)).isTrue();
        assertThat(DatabaseUnavailable.causes(new RuntimeException(
                new SQLException("terminating connection due to administrator command", "57P01")))).isTrue();
    }

    @Test
    void aBugOrABrokenRuleIsNot() {
        assertThat(DatabaseUnavailable.causes(new IllegalStateException("bug"))).isFalse();
        assertThat(DatabaseUnavailable.causes(new DataIntegrityViolationException("duplicate key",
                new SQLException("duplicate key value", "23505")))).isFalse();
    }
}
