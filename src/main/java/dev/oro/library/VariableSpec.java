package dev.oro.library;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A variable a prompt declares in its front matter. A variable is required unless it says
 * {@code required: false} or has a default, because a forgotten input should fail loudly.
 */
public record VariableSpec(String description, boolean required, @JsonProperty("default") Object defaultValue) {
}
