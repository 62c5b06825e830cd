package org.modhub.moderation.appeals.domain;

/**
 * Who files an appeal: their key, hub account (if any), the address mails go to, and the country
 * they live in (decides the redress they are told of; null when unknown).
 */
public record Appellant(AppellantKey key, String accountId, String email, String residence) {}
