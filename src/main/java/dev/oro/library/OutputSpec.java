package dev.oro.library;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;

/** What a prompt asks the model to produce: plain text, or JSON optionally checked by a schema. */
public record OutputSpec(String type, JsonNode schema) {

    public static final OutputSpec TEXT = new OutputSpec("text", null);

    @JsonIgnore
    public boolean isJson() {
        return "json".equals(type);
    }
}
