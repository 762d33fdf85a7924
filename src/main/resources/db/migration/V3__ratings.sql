-- Human ratings of outputs: thumbs up or down and a comment, one current rating per result.
CREATE TABLE ratings (
    run_id     VARCHAR(36)  NOT NULL,
    case_key   VARCHAR(128) NOT NULL,
    rating     SMALLINT     NOT NULL,
    comment    TEXT,
    rated_by   VARCHAR(256),
    rated_at   TIMESTAMP    NOT NULL,
    PRIMARY KEY (run_id, case_key),
    FOREIGN KEY (run_id, case_key) REFERENCES results (run_id, case_key)
);
