package dev.oro.library;

import java.util.List;
import java.util.Map;

/** A prompt with its versions (oldest first) and labels; description and tags are the latest version's. */
public record PromptInfo(String name, String description, List<String> tags, List<VersionInfo> versions,
        Map<String, Integer> labels) {

    public PromptInfo {
        tags = List.copyOf(tags);
        versions = List.copyOf(versions);
        labels = Map.copyOf(labels);
    }

    public int latestVersion() {
        return versions.isEmpty() ? 0 : versions.get(versions.size() - 1).version();
    }
}
