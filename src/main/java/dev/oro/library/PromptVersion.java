package dev.oro.library;

import java.time.Instant;

/**
 * One immutable version of a prompt. {@code hash} is the SHA-256 of the file as it is now;
 * {@code recordedHash} is what Oro recorded when it first saw the file. They differ only when
 * someone edited the file by hand, which Oro reports instead of silently trusting.
 */
public record PromptVersion(String name, int version, String text, String hash, String recordedHash,
        Instant created, PromptSource source) {

    public boolean editedByHand() {
        return recordedHash != null && !recordedHash.equals(hash);
    }

    public String fileName() {
        return version + ".prompt";
    }

    public String ref() {
        return name + "@" + version;
    }

    /** The warning to show wherever this version is used, or null when the file is as recorded. */
    public String handEditWarning() {
        if (!editedByHand()) {
            return null;
        }
        return "prompts/" + name + "/" + fileName() + " was edited by hand after Oro recorded it (recorded "
                + recordedHash + ", now " + hash + "); versions are immutable, so save changes as a new version";
    }
}
