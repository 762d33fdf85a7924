package dev.oro.dataset;

import java.util.List;

/**
 * What became of a drafting request: how many cases were asked for and received, how many
 * were dropped and why, and where the kept ones were written.
 *
 * @param reasons one line per dropped draft, e.g. {@code draft 3: missing variable 'text'}
 * @param file    the dataset file written, null when nothing survived
 */
public record DraftReport(String prompt, String model, int asked, int received, int invalid, int duplicates, int nearDuplicates,
        int written, List<String> reasons, String file) {

    public DraftReport {
        reasons = List.copyOf(reasons);
    }

    /** The counts as the CLI prints them. */
    public String counts() {
        return "asked " + asked + ", received " + received + ", invalid " + invalid + ", duplicates " + duplicates
                + ", near-duplicates " + nearDuplicates + ", written " + written;
    }
}
