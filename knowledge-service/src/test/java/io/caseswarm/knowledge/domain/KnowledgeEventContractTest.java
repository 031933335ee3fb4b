package io.caseswarm.knowledge.domain;

import org.junit.jupiter.api.Test;

import io.caseswarm.testing.EventContract;

/** What subscribers read in docs/asyncapi.yaml is what this service publishes: no more, no less. */
class KnowledgeEventContractTest {

    @Test
    void everyEventThisServicePublishesIsDocumentedOnItsTopicAndNothingElseIs() {
        EventContract.load().assertDocuments("knowledge-events", KnowledgeEvent.class);
    }
}
