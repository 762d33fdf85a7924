package dev.oro.model;

import java.util.List;

/** The provider kinds a profile can name. */
public final class Providers {

    public static final String LLAMA_CPP = "llama-cpp";
    public static final String OLLAMA = "ollama";
    public static final String OPENAI = "openai";
    public static final String ANTHROPIC = "anthropic";
    public static final String GEMINI = "gemini";
    public static final List<String> ALL = List.of(LLAMA_CPP, OLLAMA, OPENAI, ANTHROPIC, GEMINI);

    private Providers() {
    }

    public static boolean isLocal(String provider) {
        return LLAMA_CPP.equals(provider) || OLLAMA.equals(provider);
    }
}
