package io.caseswarm.cases;

import io.caseswarm.testing.ApiContract;
import io.caseswarm.testing.RealInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class CaseApiContractTest extends ApiContract {
}
