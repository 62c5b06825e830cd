package org.modhub.moderation.review;

import org.modhub.moderation.devstack.test.DevStackResource;
import org.modhub.moderation.devstack.test.ServiceBaselineChecks;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "review"))
class ReviewServiceBaselineTest extends ServiceBaselineChecks {

    @Override
    protected String applicationName() {
        return "review-service";
    }
}
