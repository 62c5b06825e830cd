package org.modhub.moderation.kit.hub;

import java.util.List;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Exactly the paths of {@code service-kit/hub-api/openapi.yaml}. Every target is the configured base URL
 * ({@code quarkus.rest-client.hub.url}, which is {@code kit.hub.url}) plus these templates; each variable part is a
 * path or query parameter, so the client encodes it (a {@code /} in a revision becomes {@code %2F}).
 * {@link HubGuardFilter} adds the token, refuses any other host and bounds the bodies.
 */
@RegisterRestClient(configKey = "hub")
@RegisterProvider(HubGuardFilter.class)
@Produces(MediaType.APPLICATION_JSON)
public interface HubApi {

    @GET
    @Path("/api/{repoType}/{namespace}/{name}")
    Uni<RestResponse<HubWire.RepoInfo>> repository(
            @RestPath String repoType, @RestPath String namespace, @RestPath String name);

    @GET
    @Path("/api/{repoType}/{namespace}/{name}/tree/{revision}")
    Uni<RestResponse<List<HubWire.TreeEntry>>> tree(
            @RestPath String repoType,
            @RestPath String namespace,
            @RestPath String name,
            @RestPath String revision,
            @RestQuery boolean recursive,
            @RestQuery String cursor);

    @POST
    @Path("/api/{repoType}/{namespace}/{name}/paths-info/{revision}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    Uni<RestResponse<List<HubWire.TreeEntry>>> pathsInfo(
            @RestPath String repoType,
            @RestPath String namespace,
            @RestPath String name,
            @RestPath String revision,
            @RestForm List<String> paths,
            @RestForm boolean expand);

    @GET
    @Path("/api/{repoType}/{namespace}/{name}/discussions/{num}")
    Uni<RestResponse<HubWire.Discussion>> discussion(
            @RestPath String repoType, @RestPath String namespace, @RestPath String name, @RestPath int num);

    @GET
    @Path("/api/models")
    Uni<RestResponse<List<HubWire.ModelSummary>>> models(@RestQuery String filter, @RestQuery int limit);

    @GET
    @Path("/api/internal/moderation/v1/accounts/{name}")
    Uni<RestResponse<HubWire.Account>> account(@RestPath String name);

    @GET
    @Path("/api/internal/moderation/v1/posts/{author}/{postId}")
    Uni<RestResponse<HubWire.Post>> post(@RestPath String author, @RestPath String postId);
}
