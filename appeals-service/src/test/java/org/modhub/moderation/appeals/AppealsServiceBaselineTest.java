package org.modhub.moderation.appeals;

import org.modhub.moderation.devstack.test.DevStackResource;
import org.modhub.moderation.devstack.test.ServiceBaselineChecks;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "appeals"))
class AppealsServiceBaselineTest extends ServiceBaselineChecks {

    @Override
    protected String applicationName() {
        return "appeals-service";
    }
}
