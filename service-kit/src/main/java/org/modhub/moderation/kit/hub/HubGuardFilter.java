package org.modhub.moderation.kit.hub;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.runtime.configuration.MemorySize;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * The hub client's own guard, whatever builds the request: it goes only to the configured base URL's scheme, host
 * and port, carries the bearer token, and its answer's body is read up to {@code kit.hub.max-response-bytes} (a
 * {@code Content-Length} over that is refused before the body is read).
 */
public class HubGuardFilter implements ClientRequestFilter, ClientResponseFilter {

    private final URI base;
    private final String authorization;
    private final long maxBytes;

    public HubGuardFilter() {
        var config = ConfigProvider.getConfig();
        this.base = URI.create(config.getValue("quarkus.rest-client.hub.url", String.class));
        this.authorization = config.getOptionalValue("kit.hub.token", String.class)
                .filter(t -> !t.isBlank())
                .map(t -> "Bearer " + t)
                .orElse(null);
        this.maxBytes = config.getOptionalValue("kit.hub.max-response-bytes", MemorySize.class)
                .map(MemorySize::asLongValue)
                .orElse(4L * 1024 * 1024);
    }

    @Override
    public void filter(ClientRequestContext request) {
        if (!sameOrigin(base, request.getUri())) {
            throw new HubRefusedException("refused a request off the configured hub: " + request.getUri());
        }
        if (authorization != null) {
            request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, authorization);
        }
    }

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) {
        if (response.getLength() > maxBytes) {
            throw new HubRefusedException("the hub's answer has " + response.getLength() + " bytes, more than "
                    + maxBytes + " (kit.hub.max-response-bytes)");
        }
        if (response.hasEntity()) {
            response.setEntityStream(new Bounded(response.getEntityStream(), maxBytes));
        }
    }

    /** Same scheme, host and port (the default port of the scheme when none is given). */
    static boolean sameOrigin(URI base, URI target) {
        return target.getScheme() != null
                && target.getHost() != null
                && base.getScheme().equalsIgnoreCase(target.getScheme())
                && base.getHost().equalsIgnoreCase(target.getHost())
                && port(base) == port(target)
                && target.getRawUserInfo() == null;
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /** Fails the read once more than {@code limit} bytes have come. */
    private static final class Bounded extends FilterInputStream {

        private final long limit;
        private long read;

        Bounded(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw new HubRefusedException(
                        "the hub's answer is longer than " + limit + " bytes (kit.hub.max-response-bytes)");
            }
        }
    }
}
