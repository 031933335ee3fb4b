package io.caseswarm.platform.retry;

import java.io.EOFException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

import javax.transaction.xa.XAException;

import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.RollbackException;

import org.apache.kafka.common.errors.RetriableException;

import io.caseswarm.platform.event.MalformedEventException;
import io.caseswarm.platform.store.ConcurrencyConflictException;

/**
 * Tells a failure that another try may cure from one that would fail the same way forever. Transient:
 * losing an optimistic-concurrency race, a lost, refused or timed-out database connection, a
 * serialisation failure or deadlock, a database that is shutting down or full of connections, a broker
 * briefly away, another system that asked us to {@linkplain TryAgainLaterException try again later}. Everything else (a malformed record, a payload that does not fit, a rule of the domain
 * saying no, a bug) is permanent.
 */
public final class TransientFailures {

    /** PostgreSQL's SQLSTATEs (and classes) that describe the moment, not the statement. */
    private static final Set<String> TRANSIENT_STATES = Set.of(
            "40001", // serialization_failure
            "40P01", // deadlock_detected
            "55P03", // lock_not_available
            "57014", // query_canceled (statement timeout)
            "57P01", // admin_shutdown
            "57P02", // crash_shutdown
            "57P03", // cannot_connect_now
            "53300"); // too_many_connections
    private static final String CONNECTION_CLASS = "08";

    private TransientFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        boolean commitFailed = false;
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof MalformedEventException) {
                return false; // the record itself is wrong, whatever went wrong in reading it
            }
            if (isTransientItself(cause)) {
                return true;
            }
            if (cause instanceof SQLException) {
                return false; // the database refused the statement itself: it would refuse it again
            }
            commitFailed |= isCommitFailure(cause);
        }
        // A transaction that could not commit, for no reason the database gave (the connection went away
        // under the transaction manager), is tried again like a lost connection.
        return commitFailed;
    }

    /** One line for a log or an operator: the failure, and what it came from when that is something else. */
    public static String describe(Throwable failure) {
        Throwable root = rootCause(failure);
        return root == failure ? failure.toString() : failure.getClass().getSimpleName() + " caused by " + root;
    }

    public static Throwable rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    /** Not every IOException: a JSON parser's complaint is one too, and it is permanent. */
    private static boolean isNetworkFailure(Throwable cause) {
        return cause instanceof SocketException || cause instanceof SocketTimeoutException
                || cause instanceof UnknownHostException || cause instanceof EOFException;
    }

    private static boolean isCommitFailure(Throwable cause) {
        return cause instanceof RollbackException || cause instanceof HeuristicMixedException
                || cause instanceof HeuristicRollbackException || cause instanceof XAException;
    }

    private static boolean isTransientItself(Throwable cause) {
        if (cause instanceof ConcurrencyConflictException || cause instanceof TryAgainLaterException
                || cause instanceof SQLTransientException
                || cause instanceof SQLRecoverableException || cause instanceof RetriableException
                || isNetworkFailure(cause)) {
            return true;
        }
        if (cause instanceof SQLException sql) {
            String state = sql.getSQLState();
            if (state != null && (state.startsWith(CONNECTION_CLASS) || TRANSIENT_STATES.contains(state))) {
                return true;
            }
            // The connection pool times out waiting for a connection it cannot open; it names no state.
            String message = sql.getMessage();
            return message != null && message.contains("acquisition timeout");
        }
        // JPA's names for the same races, in case a handler goes through Hibernate's versioning.
        String name = cause.getClass().getName();
        return name.equals("jakarta.persistence.OptimisticLockException")
                || name.equals("jakarta.persistence.PessimisticLockException")
                || name.equals("jakarta.persistence.LockTimeoutException")
                || name.equals("org.hibernate.exception.JDBCConnectionException");
    }

    private static Throwable next(Throwable cause) {
        if (cause instanceof SQLException sql && sql.getNextException() != null && cause.getCause() == null) {
            return sql.getNextException();
        }
        return cause.getCause() == cause ? null : cause.getCause();
    }
}
