package dev.oro.store;

import java.time.Instant;

/**
 * A person's verdict on one item of a source: accepted or rejected (or not yet decided), the
 * ideal answer when they wrote one, and a note.
 *
 * @param source  {@code run:<id>} or {@code drafts:<path of the drafts file>}
 * @param itemKey the result's case key, or the draft's test id
 */
public record Annotation(String source, String itemKey, String decision, String ideal, String note, Instant annotatedAt) {

    public static final String ACCEPTED = "accepted";
    public static final String REJECTED = "rejected";

    public Annotation {
        if (decision != null && !decision.equals(ACCEPTED) && !decision.equals(REJECTED)) {
            throw new IllegalArgumentException("a decision is accepted or rejected, not " + decision);
        }
    }

    /** An item nobody has annotated yet. */
    public static Annotation none(String source, String itemKey) {
        return new Annotation(source, itemKey, null, null, null, null);
    }

    public boolean accepted() {
        return ACCEPTED.equals(decision);
    }

    public Annotation withDecision(String d) {
        return new Annotation(source, itemKey, d, ideal, note, annotatedAt);
    }

    /** Writing the ideal answer accepts the item: the person vouches for the answer they wrote. */
    public Annotation withIdeal(String text) {
        return new Annotation(source, itemKey, ACCEPTED, text, note, annotatedAt);
    }

    public Annotation withNote(String text) {
        return new Annotation(source, itemKey, decision, ideal, text, annotatedAt);
    }
}
