package org.modhub.moderation.kit;

import org.modhub.moderation.devstack.test.DevStackResource;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** All of the kit's tests run against the same real PostgreSQL and Kafka, in a database of their own. */
@WithTestResource(
        value = DevStackResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "kit"))
public final class KitTestResources {

    private KitTestResources() {}
}
