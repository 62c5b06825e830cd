/**
 * What a moderator can decide: {@link org.modhub.moderation.contracts.action.ModerationAction}
 * with its DSA statement mapping and combination rules, and the DSA enumerations a decision
 * carries ({@link org.modhub.moderation.contracts.action.DecisionGround},
 * {@link org.modhub.moderation.contracts.action.SourceType},
 * {@link org.modhub.moderation.contracts.action.AutomatedDecision}).
 */
package org.modhub.moderation.contracts.action;
