package org.modhub.moderation.reporting;

import java.util.List;

import org.modhub.moderation.devstack.test.DevStackResource;
import org.modhub.moderation.devstack.test.ServiceBaselineChecks;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(
        value = DevStackResource.class,
        initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "reporting"))
class ReportingServiceBaselineTest extends ServiceBaselineChecks {

    @Override
    protected String applicationName() {
        return "reporting-service";
    }

    @Override
    protected Call protectedCall() {
        return Call.get("/api/v1/reports/mine", "user");
    }

    @Override
    protected List<Call> writeEndpoints() {
        return List.of(
                Call.post("/api/v1/reports", "user"),
                Call.post("/api/v1/flags", "detector"),
                Call.post("/api/v1/reports/00000000-0000-4000-8000-000000000001/triage", "moderator"),
                Call.post("/api/v1/notifiers/user:big-target/warn", "moderator"),
                Call.post("/api/v1/notifiers/user:big-target/suspend", "moderator"),
                Call.post("/api/v1/notifiers/user:big-target/lift", "moderator"),
                Call.post("/api/v1/notifiers/user:big-target/mute", "moderator"),
                Call.post("/api/v1/notifiers/user:big-target/unmute", "moderator"));
    }

    @Override
    protected BodyCall bodyCall() {
        return BodyCall.required(Call.post("/api/v1/reports", "user"), "explanation");
    }

    @Override
    protected Call idCall() {
        return Call.get("/api/v1/reports/{id}", "moderator");
    }

    @Override
    protected Call staffCall() {
        return Call.get("/api/v1/reports", "moderator");
    }

    @Override
    protected List<Call> pagedLists() {
        return List.of(
                Call.get("/api/v1/reports/mine", "user"),
                Call.get("/api/v1/reports", "moderator"),
                Call.get("/api/v1/audit-log", "auditor"));
    }
}
