package dev.oro.store;

import java.time.Instant;
import java.util.List;

/**
 * Items of a source to annotate one at a time, in a fixed order, and where the person is.
 *
 * @param filter   how the items were picked: all, failures, disagreements, unrated, drafts
 * @param position the index of the item shown when the queue is resumed
 */
public record AnnotationQueue(String id, String source, String filter, List<String> items, int position, Instant createdAt) {

    public AnnotationQueue {
        items = List.copyOf(items);
    }

    public int size() {
        return items.size();
    }
}
