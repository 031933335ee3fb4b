package io.caseswarm.platform.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.SocketException;
import java.sql.SQLException;

import jakarta.transaction.RollbackException;

import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

import io.caseswarm.platform.event.MalformedEventException;
import io.caseswarm.platform.store.ConcurrencyConflictException;
import io.caseswarm.platform.store.EventStoreException;

class TransientFailuresTest {

    @Test
    void passingTroublesAreTransientWhereverTheyAreWrapped() {
        assertThat(TransientFailures.isTransient(new ConcurrencyConflictException("swarm-1", 3))).isTrue();
        assertThat(TransientFailures.isTransient(new IllegalStateException(new ConcurrencyConflictException("s", 1)))).isTrue();
        assertThat(TransientFailures.isTransient(
                new EventStoreException("Could not append", new SQLException("I/O error", "08006")))).isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("could not serialize access", "40001"))).isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("terminating connection", "57P01"))).isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("Sorry, acquisition timeout!"))).isTrue();
        assertThat(TransientFailures.isTransient(new RuntimeException(new SocketException("Connection reset")))).isTrue();
        assertThat(TransientFailures.isTransient(new TimeoutException("broker away"))).isTrue();
    }

    @Test
    void aTransactionThatCouldNotCommitForNoReasonTheDatabaseGaveIsTransient() {
        RuntimeException commitFailed = new RuntimeException("QuarkusTransactionException",
                new RollbackException("ARJUNA016053: Could not commit transaction."));
        assertThat(TransientFailures.isTransient(commitFailed)).isTrue();
    }

    @Test
    void whatWouldFailTheSameWayAgainIsPermanent() {
        assertThat(TransientFailures.isTransient(new MalformedEventException("Missing header ce_id"))).isFalse();
        // A JSON parser's complaint is an IOException too, but no network trouble.
        assertThat(TransientFailures.isTransient(new MalformedEventException("Payload does not fit",
                new com.fasterxml.jackson.core.JsonParseException(null, "Unexpected character")))).isFalse();
        assertThat(TransientFailures.isTransient(new RuntimeException(
                new com.fasterxml.jackson.core.JsonParseException(null, "Unexpected character")))).isFalse();
        assertThat(TransientFailures.isTransient(new IllegalArgumentException("negative amounts are refused"))).isFalse();
        assertThat(TransientFailures.isTransient(
                new EventStoreException("Could not append", new SQLException("duplicate key", "23505")))).isFalse();
        // The database refused the statement; that the commit then failed too changes nothing.
        RollbackException refused = new RollbackException("Could not commit");
        refused.initCause(new SQLException("violates check constraint", "23514"));
        assertThat(TransientFailures.isTransient(refused)).isFalse();
    }
}
