package org.modhub.moderation.console.web;

import org.jboss.resteasy.reactive.ClientWebApplicationException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Turns a service's refusal into what the person sees: inside the page's message area when htmx asked
 * (the status stays the service's, so a test or a script sees it too), or as a page of its own.
 */
public class Refusals {

    @CheckedTemplate(basePath = "refusal")
    static class Templates {
        static native TemplateInstance page(Refusal refusal);

        static native TemplateInstance message(Refusal refusal);
    }

    @Inject
    RoutingContext context;

    @ServerExceptionMapper
    public Response refused(WebApplicationException e) {
        if (e.getResponse() != null && e.getResponse().getStatus() < 400) {
            return e.getResponse();
        }
        if (!isFromAService(e)) {
            // The console's own answer (a 404 of ours, say).
            return render(new Refusal(
                    e.getResponse().getStatus(), "console", e.getMessage(), null, null, java.util.List.of()));
        }
        return render(Refusal.of(e, serviceName(e)));
    }

    @ServerExceptionMapper
    public Response unreachable(ProcessingException e) {
        return render(Refusal.unreachable("service"));
    }

    /** The reactive REST client reports a refused connection as the network layer's exception itself. */
    @ServerExceptionMapper
    public Response unreachable(java.net.ConnectException e) {
        return render(Refusal.unreachable("service"));
    }

    private Response render(Refusal refusal) {
        boolean htmx = "true".equals(context.request().getHeader("HX-Request"));
        TemplateInstance body = htmx ? Templates.message(refusal) : Templates.page(refusal);
        Response.ResponseBuilder response = Response.status(refusal.status())
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(body.render());
        if (htmx) {
            response.header("HX-Retarget", "#messages").header("HX-Reswap", "innerHTML");
        }
        if (refusal.status() == 503) {
            response.header(HttpHeaders.RETRY_AFTER, "5");
        }
        return response.build();
    }

    private static boolean isFromAService(WebApplicationException e) {
        return e instanceof ClientWebApplicationException;
    }

    /** Client interface name prefixes and the service each calls. */
    private static final String[][] API_SERVICES = {
        {"Reporting", "reporting-service"},
        {"Review", "review-service"},
        {"Dmca", "dmca-service"},
        {"Appeals", "appeals-service"},
        {"Appellants", "appeals-service"},
        {"Notification", "notification-service"},
        {"TemplatePreview", "notification-service"},
        {"Matching", "matching-service"}
    };

    private static String serviceName(WebApplicationException e) {
        // The REST client names the interface it was called through: "... method: '...ReviewApi#claim'" (or a
        // second interface of the same service, ReviewDecisionsApi).
        java.util.regex.Matcher called =
                java.util.regex.Pattern.compile("services\\.(\\w+)Api#").matcher(String.valueOf(e.getMessage()));
        String api = called.find() ? called.group(1) : "";
        for (String[] prefix : API_SERVICES) {
            if (api.startsWith(prefix[0])) {
                return prefix[1];
            }
        }
        return "service";
    }
}
