package io.caseswarm.notifications;

import io.caseswarm.testing.RealInfrastructure;
import io.caseswarm.testing.ServiceReadinessContract;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class NotificationServiceReadinessTest extends ServiceReadinessContract {
}
