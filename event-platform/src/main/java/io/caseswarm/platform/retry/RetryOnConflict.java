package io.caseswarm.platform.retry;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

/**
 * A command that loses an optimistic-concurrency race is decided again on fresh state, in a new
 * transaction, before anyone sees a 409: two people acting on one aggregate at once is normal, not
 * an error. Put it on command handlers (class or method) next to {@code @Transactional}. A method
 * entered inside somebody else's transaction is not retried here: that transaction's owner retries.
 */
@InterceptorBinding
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface RetryOnConflict {

    /** Tries in all, the first included. */
    @Nonbinding
    int attempts() default 5;
}
