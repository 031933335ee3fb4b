package io.caseswarm.platform.retry;

import java.util.concurrent.ThreadLocalRandom;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;

import org.jboss.logging.Logger;

import io.caseswarm.platform.store.ConcurrencyConflictException;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Runs a {@link RetryOnConflict} command again when it loses a race. Its priority puts it outside
 * {@code @Transactional} (which sits at {@code PLATFORM_BEFORE + 200}), so every try is a transaction
 * of its own that loads the aggregate afresh.
 */
@RetryOnConflict
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class ConflictRetryInterceptor {

    private static final Logger LOG = Logger.getLogger(ConflictRetryInterceptor.class);
    private static final long PAUSE_MS = 10;

    private final TransactionManager transactions;
    private final MeterRegistry metrics;

    ConflictRetryInterceptor(TransactionManager transactions, MeterRegistry metrics) {
        this.transactions = transactions;
        this.metrics = metrics;
    }

    @AroundInvoke
    Object retry(InvocationContext invocation) throws Exception {
        if (insideTransaction()) {
            return invocation.proceed();
        }
        int attempts = attempts(invocation);
        for (int attempt = 1;; attempt++) {
            try {
                return invocation.proceed();
            } catch (ConcurrencyConflictException e) {
                if (attempt >= attempts) {
                    throw e;
                }
                metrics.counter("caseswarm.command.retries", "command", invocation.getMethod().getName()).increment();
                LOG.debugf("%s lost a race (%s); deciding again, try %d of %d", invocation.getMethod().getName(),
                        e.getMessage(), attempt + 1, attempts);
                // A little random pause, growing with each try, so that the racers do not collide again.
                Thread.sleep(ThreadLocalRandom.current().nextLong(PAUSE_MS * attempt, PAUSE_MS * attempt * 3));
            }
        }
    }

    private boolean insideTransaction() throws SystemException {
        return transactions.getStatus() != Status.STATUS_NO_TRANSACTION;
    }

    private static int attempts(InvocationContext invocation) {
        RetryOnConflict onMethod = invocation.getMethod().getAnnotation(RetryOnConflict.class);
        if (onMethod != null) {
            return onMethod.attempts();
        }
        RetryOnConflict onType = invocation.getMethod().getDeclaringClass().getAnnotation(RetryOnConflict.class);
        return onType == null ? 5 : onType.attempts();
    }
}
