package io.caseswarm.cases.rest;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.caseswarm.auth.LocalIssuer;
import jakarta.inject.Inject;

/** What every REST test at the desk has: the broker to read events from, JSON, tokens, and the people who call. */
abstract class DeskTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper json;

    LocalIssuer issuer;

    Desk desk;

    @BeforeEach
    void seatTheDesk() {
        desk = new Desk(issuer);
    }
}
