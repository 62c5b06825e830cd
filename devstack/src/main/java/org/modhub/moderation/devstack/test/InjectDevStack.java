package org.modhub.moderation.devstack.test;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test field that {@link DevStackResource} fills with the shared stack: a field of type
 * {@code DevStack}, or of one of its parts ({@code PostgresServer}, {@code KafkaServer},
 * {@code MailServer}, {@code HubStandIn}, {@code IdentityStandIn}, {@code JwtKeys}, {@code TokenMinter}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface InjectDevStack {}
