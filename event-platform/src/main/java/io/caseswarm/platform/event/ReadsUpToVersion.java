package io.caseswarm.platform.event;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a consumer's own view of another service's event: the newest payload version it understands.
 * Without it a view reads version 1 only. A newer version changed the payload in a way a tolerant reader
 * cannot absorb (new optional fields keep the version), so such a record is dead-lettered, to be redriven
 * once the consumer has learnt the new version.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ReadsUpToVersion {

    int value();
}
