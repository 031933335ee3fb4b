package io.caseswarm.platform.event;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The language-neutral name of an event, as subscribers see it in {@code ce_type} (for example
 * {@code case-opened}), and the version of its payload schema. Put it on every event record.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {

    String value();

    /** Adding optional fields keeps the version; any other change to the payload is a new version. */
    int version() default 1;
}
