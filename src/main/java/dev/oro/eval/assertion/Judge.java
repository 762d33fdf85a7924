package dev.oro.eval.assertion;

import dev.oro.render.ChatMessage;
import java.util.List;

/**
 * The model that grades outputs for the model-graded assertions, as the suite's {@code judge:}
 * names it. The runner supplies one at temperature 0 in JSON mode, so that assertions never
 * see model plumbing; a failing call throws.
 */
@FunctionalInterface
public interface Judge {

    /** The judge's answer to these messages, as text. */
    String ask(List<ChatMessage> messages);
}
