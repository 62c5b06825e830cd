/**
 * What moderation acts on: {@link org.modhub.moderation.contracts.subject.SubjectKind} and the
 * canonical, strictly validated subject key {@link org.modhub.moderation.contracts.subject.SubjectRef}.
 */
package org.modhub.moderation.contracts.subject;
