package io.caseswarm.cases.domain;

import org.junit.jupiter.api.Test;

import io.caseswarm.testing.EventContract;

/** What subscribers read in docs/asyncapi.yaml is what this service publishes: no more, no less. */
class CaseEventContractTest {

    @Test
    void everyEventThisServicePublishesIsDocumentedOnItsTopicAndNothingElseIs() {
        EventContract.load().assertDocuments("case-events", CaseEvent.class);
    }
}
