package org.modhub.moderation.notification;

import java.util.List;

import org.modhub.moderation.devstack.test.DevStackResource;
import org.modhub.moderation.devstack.test.ServiceBaselineChecks;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(
        value = DevStackResource.class,
        initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "notification"))
class NotificationServiceBaselineTest extends ServiceBaselineChecks {

    @Override
    protected String applicationName() {
        return "notification-service";
    }

    @Override
    protected Call protectedCall() {
        return Call.get("/api/v1/templates", "moderator");
    }

    @Override
    protected List<Call> writeEndpoints() {
        return List.of(Call.post("/api/v1/templates/report-receipt/preview", "moderator"));
    }

    @Override
    protected BodyCall bodyCall() {
        return BodyCall.optional(Call.post("/api/v1/templates/report-receipt/preview", "moderator"), "locale");
    }

    @Override
    protected Call idCall() {
        return Call.get("/api/v1/deliveries/{id}", "moderator");
    }

    @Override
    protected Call staffCall() {
        return Call.get("/api/v1/deliveries", "moderator");
    }

    @Override
    protected List<Call> pagedLists() {
        return List.of(
                Call.get("/api/v1/deliveries", "moderator"),
                Call.get("/api/v1/mail/unmatched", "moderator"),
                Call.get("/api/v1/audit-log", "auditor"));
    }
}
