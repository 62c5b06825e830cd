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
            return render(new Refusal(e.getResponse().getStatus(), "console", e.getMessage(), null, null));
        }
        return render(Refusal.of(e, serviceName(e)));
    }

    @ServerExceptionMapper
    public Response unreachable(ProcessingException e) {
        return render(Refusal.unreachable(e, "service"));
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

    private static String serviceName(WebApplicationException e) {
        // The REST client names the interface it was called through: "... method: '...ReviewApi#claim'".
        String message = String.valueOf(e.getMessage());
        for (String service : new String[] {"Reporting", "Review", "Dmca", "Appeals", "Notification"}) {
            if (message.contains(service + "Api#")) {
                return service.toLowerCase(java.util.Locale.ROOT) + "-service";
            }
        }
        return "service";
    }
}
