package io.caseswarm.experts.rest;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.caseswarm.platform.rest.LargeBodyRoute;
import io.quarkus.runtime.configuration.MemorySize;

/** A whole directory's import is far larger than other bodies: its route, and only it, has a limit of its own. */
@Singleton
class ImportBodyLimit {

    @Produces
    @Singleton
    LargeBodyRoute peopleImport(@ConfigProperty(name = "caseswarm.people-import.max-body-size") MemorySize max) {
        return LargeBodyRoute.of("POST", "/people/import/?", max.asLongValue());
    }
}
