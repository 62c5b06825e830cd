package org.modhub.moderation.matching.config;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.modhub.moderation.matching.domain.Bank;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Not ready until the hash bank is in memory: a replica that answered checks before would accept banked content.
 * Reads a flag; the load itself runs apart ({@link Bank}).
 */
@Readiness
@ApplicationScoped
public class BankReadiness implements HealthCheck {

    private final Bank bank;

    public BankReadiness(Bank bank) {
        this.bank = bank;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("hash-bank")
                .status(bank.loaded())
                .withData("entries", bank.index().entries())
                .withData("revision", bank.revision())
                .build();
    }
}
