package dev.oro.render;

/** A rendered chat message; {@code role} is system, user or assistant. */
public record ChatMessage(String role, String content) {
}
