package io.caseswarm.swarms;

import io.caseswarm.testing.RealInfrastructure;
import io.caseswarm.testing.ServiceReadinessContract;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SwarmServiceReadinessTest extends ServiceReadinessContract {
}
