package org.modhub.moderation.review;

import java.util.List;

import org.modhub.moderation.devstack.test.DevStackResource;
import org.modhub.moderation.devstack.test.ServiceBaselineChecks;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(
        value = DevStackResource.class,
        initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "review"))
class ReviewServiceBaselineTest extends ServiceBaselineChecks {

    @Override
    protected String applicationName() {
        return "review-service";
    }

    @Override
    protected Call protectedCall() {
        return Call.get("/api/v1/cases", "moderator");
    }

    @Override
    protected List<Call> writeEndpoints() {
        return List.of(
                Call.post("/api/v1/cases/00000000-0000-4000-8000-000000000001/decisions", "moderator"),
                Call.post("/api/v1/cases/00000000-0000-4000-8000-000000000001/reassign", "senior-moderator"),
                Call.post("/api/v1/cases/00000000-0000-4000-8000-000000000001/escalate", "moderator"),
                Call.post("/api/v1/cases/00000000-0000-4000-8000-000000000001/notes", "moderator"),
                Call.post("/api/v1/cases/00000000-0000-4000-8000-000000000001/owner-response", "user"),
                Call.post("/api/v1/decisions/00000000-0000-4000-8000-000000000001/reject", "senior-moderator"),
                Call.post("/api/v1/policy-versions", "admin"));
    }

    @Override
    protected BodyCall bodyCall() {
        return BodyCall.required(Call.post("/api/v1/policy-versions", "admin"), "title");
    }

    @Override
    protected Call idCall() {
        return Call.get("/api/v1/cases/{id}", "moderator");
    }

    @Override
    protected Call staffCall() {
        return Call.get("/api/v1/cases", "moderator");
    }

    @Override
    protected List<Call> pagedLists() {
        return List.of(
                Call.get("/api/v1/cases", "moderator"),
                Call.get("/api/v1/decisions/pending-approval", "senior-moderator"),
                Call.get("/api/v1/audit-log", "auditor"));
    }
}
