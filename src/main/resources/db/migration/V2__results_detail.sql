-- Results get the figures of each call and their assertions; the response cache gets a table.
-- No release wrote rows into V1's results table, so it is recreated rather than altered.
DROP TABLE results;

CREATE TABLE results (
    run_id         VARCHAR(36)   NOT NULL REFERENCES runs (id),
    case_key       VARCHAR(128)  NOT NULL,
    test_id        VARCHAR(256)  NOT NULL,
    variant        VARCHAR(512)  NOT NULL,
    repeat_index   INT           NOT NULL,
    prompt         VARCHAR(256)  NOT NULL,
    prompt_hash    VARCHAR(80)   NOT NULL,
    model          VARCHAR(256)  NOT NULL,
    model_identity VARCHAR(256),
    vars           TEXT,
    output         TEXT,
    passed         BOOLEAN       NOT NULL,
    score          DOUBLE PRECISION NOT NULL,
    error          TEXT,
    finish_reason  VARCHAR(32),
    latency_ms     BIGINT,
    input_tokens   INT,
    output_tokens  INT,
    cost           DOUBLE PRECISION,
    cached         BOOLEAN       NOT NULL,
    assertions     TEXT,
    created_at     TIMESTAMP     NOT NULL,
    PRIMARY KEY (run_id, case_key)
);

CREATE INDEX results_by_variant ON results (run_id, variant);

CREATE TABLE response_cache (
    cache_key  VARCHAR(80)  PRIMARY KEY,
    response   TEXT         NOT NULL,
    created_at TIMESTAMP    NOT NULL
);
