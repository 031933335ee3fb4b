package io.caseswarm.swarms;

import io.caseswarm.testing.ApiContract;
import io.caseswarm.testing.RealInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class SwarmApiContractTest extends ApiContract {
}
