package io.caseswarm.notifications;

import io.caseswarm.testing.RealInfrastructure;
import io.caseswarm.testing.ServiceReadinessContract;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

// The mail server is not needed here; with it, every test class of this module shares one application start.
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = RealMailServer.class, scope = TestResourceScope.MATCHING_RESOURCES)
class NotificationServiceReadinessTest extends ServiceReadinessContract {
}
