package org.modhub.moderation.kit.testapp;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record NoteRequest(
        @NotBlank @Size(max = 200) String text,
        @Min(1) @Max(5) int priority,
        @Size(max = 3) List<@Pattern(regexp = "https?://.+", message = "must be an http(s) URL") String> links,
        Kind kind) {

    public enum Kind {
        PLAIN,
        URGENT
    }
}
