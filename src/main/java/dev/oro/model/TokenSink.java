package dev.oro.model;

/** Receives streamed text as it arrives. */
@FunctionalInterface
public interface TokenSink {

    void accept(String token);
}
