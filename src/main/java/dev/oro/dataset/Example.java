package dev.oro.dataset;

import dev.oro.render.ChatMessage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One training example as every export format sees it: the rendered messages, the answer a
 * person stands behind (their edit, or the output they accepted, or the test's expected
 * answer), and where it came from. Nothing here can hold a secret: profiles and their keys
 * never reach an example, only the profile's name and the model identity the API reported.
 *
 * @param source        {@code run:<id>} or the suite file
 * @param key           the result's case key, or the test id
 * @param output        what the model answered, null for a suite's test
 * @param label         accepted, rejected, or null when nobody decided
 */
public record Example(String source, String key, String testId, String prompt, int version, String hash, String model,
        String modelIdentity, List<ChatMessage> messages, String answer, String output, String label, String note,
        Map<String, Object> vars) {

    public Example {
        messages = List.copyOf(messages);
        vars = vars == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(vars));
    }

    public String ref() {
        return prompt + "@" + version;
    }

    /** The provenance every format carries, in one order. */
    public Map<String, Object> metadata() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", source);
        m.put("key", key);
        m.put("test_id", testId);
        m.put("prompt_ref", ref());
        m.put("prompt", prompt);
        m.put("prompt_version", version);
        m.put("prompt_hash", hash);
        m.put("model", model);
        m.put("model_identity", modelIdentity);
        m.put("label", label);
        m.put("note", note);
        return m;
    }

    /** The messages with the answer as the assistant's turn: valid chat for fine-tuning (see {@link OpenAiChatExport}). */
    public List<ChatMessage> conversation() {
        List<ChatMessage> out = new java.util.ArrayList<>();
        for (ChatMessage m : messages) {
            if (m.content() == null || m.content().isBlank()) {
                continue;
            }
            // A system message after the first turn, or two turns of one role in a row, are not valid
            // fine-tuning chat; merging them keeps every word the model saw, in order.
            String role = out.isEmpty() || !m.role().equals("system") ? m.role() : "user";
            if (!out.isEmpty() && out.get(out.size() - 1).role().equals(role)) {
                ChatMessage last = out.remove(out.size() - 1);
                out.add(new ChatMessage(role, last.content() + "\n\n" + m.content()));
            } else {
                out.add(new ChatMessage(role, m.content()));
            }
        }
        if (!out.isEmpty() && out.get(out.size() - 1).role().equals("assistant")) {
            ChatMessage prefill = out.remove(out.size() - 1);
            out.add(new ChatMessage("assistant", prefill.content() + answer));
        } else {
            out.add(new ChatMessage("assistant", answer));
        }
        return out;
    }

    /** The text of the system messages, or null. */
    public String system() {
        String s = messages.stream().filter(m -> m.role().equals("system")).map(ChatMessage::content)
                .collect(java.util.stream.Collectors.joining("\n\n"));
        return s.isEmpty() ? null : s;
    }

    /** Every non-system message as text, role-labelled when there is more than one turn. */
    public String user() {
        List<ChatMessage> rest = messages.stream().filter(m -> !m.role().equals("system")).toList();
        if (rest.size() == 1) {
            return rest.get(0).content();
        }
        return rest.stream().map(m -> m.role() + ":\n" + m.content()).collect(java.util.stream.Collectors.joining("\n\n"));
    }
}
