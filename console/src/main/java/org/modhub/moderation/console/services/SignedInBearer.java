package org.modhub.moderation.console.services;

import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

import io.quarkus.oidc.AccessTokenCredential;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * Puts the signed-in person's own access token on every call to a service. The console has no account of
 * its own, so a service refuses on screen exactly what it would refuse the person with curl.
 */
@ApplicationScoped
public class SignedInBearer implements ClientHeadersFactory {

    @Inject
    AccessTokenCredential accessToken;

    @Override
    public MultivaluedMap<String, String> update(
            MultivaluedMap<String, String> incoming, MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        headers.putSingle("Authorization", "Bearer " + accessToken.getToken());
        // JSON (a refusal's problem details included) unless the call asks for another type (the bank's CSV export).
        if (!outgoing.containsKey("Accept")) {
            headers.putSingle("Accept", "application/json");
        }
        return headers;
    }
}
