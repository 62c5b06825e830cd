package org.modhub.moderation.reporting.api;

/**
 * What is reported, as the contracts name it: the kind ({@code model}, {@code dataset}, {@code space},
 * {@code discussion}, {@code pull_request}, {@code comment}, {@code post}, {@code account}) and the
 * identifier that follows it in the subject key ({@code acme/llama-7b}, {@code model:acme/llama-7b#12}).
 * A {@code path} (with an optional {@code revision}, default {@code main}) narrows a repository to
 * one file. {@code url} is the hub page the notifier was looking at.
 */
public record SubjectInput(String kind, String id, String revision, String path, String url) {}
