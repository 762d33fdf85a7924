package dev.oro.library;

/**
 * One chat message of a prompt body, still a Qute template. {@code line} is the line of the
 * prompt file its text starts on, so template errors can point into the file.
 */
public record MessageTemplate(Role role, String template, int line) {
}
