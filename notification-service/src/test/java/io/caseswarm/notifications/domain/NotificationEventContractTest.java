package io.caseswarm.notifications.domain;

import org.junit.jupiter.api.Test;

import io.caseswarm.testing.EventContract;

/** What subscribers read in docs/asyncapi.yaml is what this service publishes: no more, no less. */
class NotificationEventContractTest {

    @Test
    void everyEventThisServicePublishesIsDocumentedOnItsTopicAndNothingElseIs() {
        EventContract.load().assertDocuments("notification-events", NotificationEvent.class);
    }
}
