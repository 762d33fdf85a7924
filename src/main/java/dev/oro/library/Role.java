package dev.oro.library;

import java.util.Locale;

/** Who speaks a chat message. Marker lines in a prompt body ({@code system:}) use these names. */
public enum Role {
    SYSTEM, USER, ASSISTANT;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromWire(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}
