package org.modhub.moderation.appeals;

import java.util.List;

import org.modhub.moderation.devstack.test.DevStackResource;
import org.modhub.moderation.devstack.test.ServiceBaselineChecks;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(
        value = DevStackResource.class,
        initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "appeals"))
class AppealsServiceBaselineTest extends ServiceBaselineChecks {

    @Override
    protected String applicationName() {
        return "appeals-service";
    }

    @Override
    protected Call protectedCall() {
        return Call.get("/api/v1/appeals/mine", "user");
    }

    @Override
    protected List<Call> writeEndpoints() {
        return List.of(
                Call.post("/api/v1/appeals", "user"),
                Call.post("/api/v1/appeals/00000000-0000-4000-8000-000000000001/resolve", "legal"),
                Call.post("/api/v1/appellants/user:big-target/lift", "legal"),
                Call.post("/api/v1/disputes", "legal"),
                Call.post("/api/v1/disputes/00000000-0000-4000-8000-000000000001/outcome", "legal"),
                Call.post("/api/v1/privacy/requests", "legal"));
    }

    @Override
    protected BodyCall bodyCall() {
        return BodyCall.required(Call.post("/api/v1/appeals", "user"), "arguments");
    }

    @Override
    protected Call idCall() {
        return Call.get("/api/v1/appeals/{id}", "legal");
    }

    @Override
    protected Call staffCall() {
        return Call.get("/api/v1/appeals", "legal");
    }

    @Override
    protected List<Call> pagedLists() {
        return List.of(
                Call.get("/api/v1/appeals", "legal"),
                Call.get("/api/v1/appeals/mine", "user"),
                Call.get("/api/v1/disputes", "legal"),
                Call.get("/api/v1/privacy/requests", "auditor"),
                Call.get("/api/v1/audit-log", "auditor"));
    }
}
