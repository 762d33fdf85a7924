-- Runs and their results. A result row is written as each case completes, so a run of
-- 100,000 cases never has to fit in memory, and a killed run can resume from what is here.
CREATE TABLE runs (
    id          VARCHAR(36)   PRIMARY KEY,
    suite       VARCHAR(1024) NOT NULL,
    description VARCHAR(4000),
    status      VARCHAR(16)   NOT NULL,
    created_at  TIMESTAMP     NOT NULL,
    finished_at TIMESTAMP,
    config      TEXT
);

CREATE TABLE results (
    run_id       VARCHAR(36)   NOT NULL REFERENCES runs (id),
    case_key     VARCHAR(128)  NOT NULL,
    prompt       VARCHAR(256)  NOT NULL,
    prompt_hash  VARCHAR(80)   NOT NULL,
    model        VARCHAR(256)  NOT NULL,
    output       TEXT,
    passed       BOOLEAN,
    score        DOUBLE PRECISION,
    error        TEXT,
    detail       TEXT,
    created_at   TIMESTAMP     NOT NULL,
    PRIMARY KEY (run_id, case_key)
);
