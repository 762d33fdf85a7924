package dev.oro.eval.assertion;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.util.Comparator;
import java.util.Optional;

/** Finding JSON in a model's text: the whole output, or the first object or array inside prose or fences. */
public final class JsonText {

    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    // Embedded JSON is followed by prose or a closing fence, which must not count against it.
    private static final ObjectReader FIRST_VALUE = JSON.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    // 1 and 1.0 are the same JSON number; JsonNode.equals alone says they differ.
    private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> a.isNumber() && b.isNumber()
            ? a.decimalValue().compareTo(b.decimalValue()) : a.equals(b) ? 0 : 1;

    private JsonText() {
    }

    /** The whole output as JSON, or why it is not. */
    static JsonNode parse(String text) throws NotJson {
        if (text.isBlank()) {
            throw new NotJson("output is empty");
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new NotJson(e.getOriginalMessage() + " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr());
        }
    }

    /** The first object or array that parses, starting at any '{' or '[' of the text. */
    public static Optional<JsonNode> embedded(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] != '{' && chars[i] != '[') {
                continue;
            }
            try (JsonParser parser = JSON.getFactory().createParser(chars, i, chars.length - i)) {
                JsonNode node = FIRST_VALUE.readTree(parser);
                if (node != null && node.isContainerNode()) {
                    return Optional.of(node);
                }
            } catch (IOException notHere) {
                // Prose such as "[see above]" starts no JSON; try the next bracket.
            }
        }
        return Optional.empty();
    }

    static boolean same(JsonNode actual, JsonNode expected) {
        return actual.equals(NUMBERS_BY_VALUE, expected);
    }

    static final class NotJson extends Exception {
        NotJson(String reason) {
            super(reason);
        }
    }
}
