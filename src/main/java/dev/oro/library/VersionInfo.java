package dev.oro.library;

import java.time.Instant;
import java.util.List;

/** A version as listed: enough to choose one without reading every file in full. */
public record VersionInfo(int version, String hash, Instant created, List<String> labels, boolean editedByHand) {

    public VersionInfo {
        labels = List.copyOf(labels);
    }
}
