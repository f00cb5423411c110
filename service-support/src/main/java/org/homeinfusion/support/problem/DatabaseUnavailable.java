package org.homeinfusion.support.problem;

import java.net.ConnectException;
import java.sql.SQLException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a failure caused by the database being away (down, restarting, unreachable, timed out) from a bug. Spring
 * does not always say so in the exception's type: a connection that died under a statement surfaces as "JDBC
 * rollback failed", so the causes are read too, down to PostgreSQL's SQLSTATE classes 08 (connection exception)
 * and 57P (the server shutting down or restarting).
 */
final class DatabaseUnavailable {

    private DatabaseUnavailable() {
    }

    static boolean causes(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
                    || cause instanceof TransientDataAccessException || cause instanceof RecoverableDataAccessException
                    || cause instanceof ConnectException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    /** The next cause; for a failed rollback, the failure that made it roll back. */
    private static Throwable next(Throwable cause) {
        if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
                && rollback.getApplicationException() != cause) {
            return rollback.getApplicationException();
        }
        return cause.getCause() == cause ? null : cause.getCause();
    }
}
