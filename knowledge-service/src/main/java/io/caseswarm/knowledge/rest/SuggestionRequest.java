package io.caseswarm.knowledge.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A case's words before it is filed (or from another system), and its product if known. */
public record SuggestionRequest(
        @NotBlank @Size(max = 20_000) @Pattern(regexp = Text.PROSE, message = Text.NO_CONTROL_CHARACTERS) String text,
        @Size(max = 100) @Pattern(regexp = Text.ONE_LINE, message = Text.NO_CONTROL_CHARACTERS) String product) {
}
