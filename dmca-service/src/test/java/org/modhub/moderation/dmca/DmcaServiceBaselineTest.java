package org.modhub.moderation.dmca;

import java.util.List;

import org.modhub.moderation.devstack.test.DevStackResource;
import org.modhub.moderation.devstack.test.ServiceBaselineChecks;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(
        value = DevStackResource.class,
        initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "dmca"))
class DmcaServiceBaselineTest extends ServiceBaselineChecks {

    @Override
    protected String applicationName() {
        return "dmca-service";
    }

    @Override
    protected Call protectedCall() {
        return Call.get("/api/v1/dmca/notices", "legal");
    }

    @Override
    protected List<Call> writeEndpoints() {
        return List.of(
                Call.post("/api/v1/dmca/notices", null),
                Call.post("/api/v1/dmca/notices/00000000-0000-4000-8000-000000000001/decision", "legal"),
                Call.post("/api/v1/dmca/notices/00000000-0000-4000-8000-000000000001/counter-notices", "user"),
                Call.post("/api/v1/dmca/counter-notices/00000000-0000-4000-8000-000000000001/court-action", "legal"));
    }

    @Override
    protected BodyCall bodyCall() {
        return BodyCall.required(Call.post("/api/v1/dmca/notices", null), "signature");
    }

    @Override
    protected Call idCall() {
        return Call.get("/api/v1/dmca/notices/{id}", "legal");
    }

    @Override
    protected Call staffCall() {
        return Call.get("/api/v1/dmca/notices", "legal");
    }

    @Override
    protected List<Call> pagedLists() {
        return List.of(
                Call.get("/api/v1/dmca/notices", "legal"),
                Call.get("/api/v1/dmca/evidence", "legal"),
                Call.get("/api/v1/public/dmca/notices", null),
                Call.get("/api/v1/audit-log", "auditor"));
    }
}
