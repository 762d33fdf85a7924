-- Human annotations for datasets. An annotation belongs to an item of a source: a run's result
-- ("run:<id>", case key) or a drafts file ("drafts:<path>", test id). One current annotation per item.
CREATE TABLE annotations (
    source       VARCHAR(1024) NOT NULL,
    item_key     VARCHAR(512)  NOT NULL,
    decision     VARCHAR(16),
    ideal        TEXT,
    note         TEXT,
    annotated_at TIMESTAMP     NOT NULL,
    PRIMARY KEY (source, item_key)
);

-- An annotation queue: the items picked from a source by a filter, frozen when the queue is made
-- (so annotating never reshuffles it), and the position a person left it at.
CREATE TABLE annotation_queues (
    id         VARCHAR(36)   PRIMARY KEY,
    source     VARCHAR(1024) NOT NULL,
    filter     VARCHAR(32)   NOT NULL,
    items      TEXT          NOT NULL,
    position   INT           NOT NULL,
    created_at TIMESTAMP     NOT NULL
);
