package org.modhub.moderation.matching;

import java.util.List;

import org.modhub.moderation.devstack.test.DevStackResource;
import org.modhub.moderation.devstack.test.ServiceBaselineChecks;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(
        value = DevStackResource.class,
        initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "matching"))
class MatchingServiceBaselineTest extends ServiceBaselineChecks {

    @Override
    protected String applicationName() {
        return "matching-service";
    }

    /** An upload check names up to 5,000 files: kit.http.body-limit=2M here. */
    @Override
    protected int bodyLimit() {
        return 2 * 1024 * 1024;
    }

    /** Only list imports may send more (quarkus.http.limits.max-body-size=64M), which is where a stream is cut off. */
    @Override
    protected long httpLayerLimit() {
        return 64L * 1024 * 1024;
    }

    @Override
    protected Call protectedCall() {
        return Call.get("/api/v1/bank/stats", "moderator");
    }

    @Override
    protected List<Call> writeEndpoints() {
        return List.of(Call.post("/api/v1/uploads/check", "hub"));
    }

    @Override
    protected BodyCall bodyCall() {
        return BodyCall.required(Call.post("/api/v1/uploads/check", "hub"), "repository");
    }

    @Override
    protected Call idCall() {
        return Call.get("/api/v1/bank/imports/{id}", "legal");
    }

    @Override
    protected Call staffCall() {
        return Call.get("/api/v1/bank/imports", "legal");
    }

    @Override
    protected List<Call> pagedLists() {
        return List.of(Call.get("/api/v1/bank/imports", "legal"), Call.get("/api/v1/audit-log", "auditor"));
    }
}
