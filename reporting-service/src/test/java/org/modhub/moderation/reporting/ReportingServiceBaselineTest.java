package org.modhub.moderation.reporting;

import org.modhub.moderation.devstack.test.DevStackResource;
import org.modhub.moderation.devstack.test.ServiceBaselineChecks;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "reporting"))
class ReportingServiceBaselineTest extends ServiceBaselineChecks {

    @Override
    protected String applicationName() {
        return "reporting-service";
    }
}
