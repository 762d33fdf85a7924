package dev.oro.render;

import dev.oro.OroException;

/**
 * Caps on one render, so that a template cannot loop forever or build an answer the size of
 * memory: a prompt bigger than this would not fit any model's context anyway.
 */
final class RenderLimits {

    static final int MAX_ITERATIONS = 10_000;
    static final int MAX_OUTPUT_CHARS = 1_000_000;

    private static final ThreadLocal<RenderLimits> CURRENT = new ThreadLocal<>();

    private int iterations;
    private int chars;

    static RenderLimits start() {
        RenderLimits limits = new RenderLimits();
        CURRENT.set(limits);
        return limits;
    }

    static void end() {
        CURRENT.remove();
    }

    static void countIteration() {
        RenderLimits limits = CURRENT.get();
        if (limits != null && ++limits.iterations > MAX_ITERATIONS) {
            throw OroException.invalid("render-limit", "loops ran more than " + MAX_ITERATIONS
                    + " iterations in one render; pass a shorter list");
        }
    }

    static void refuseLoop(long size) {
        throw OroException.invalid("render-limit", "a loop over " + size + " items is longer than the " + MAX_ITERATIONS
                + " iterations one render may run; pass a shorter list");
    }

    void countOutput(String chunk) {
        chars += chunk.length();
        if (chars > MAX_OUTPUT_CHARS) {
            throw OroException.invalid("render-limit", "the rendered prompt is longer than " + MAX_OUTPUT_CHARS
                    + " characters; shorten the inputs");
        }
    }
}
