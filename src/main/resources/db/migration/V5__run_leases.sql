-- Which Oro process runs a run right now: one owner per run, renewed by a heartbeat. Another
-- process may take the run over only once the owner's heartbeat is older than the expiry, or
-- once the owner's process is gone from the same host, so two processes never run one run.
CREATE TABLE run_leases (
    run_id       VARCHAR(36)              PRIMARY KEY,
    owner        VARCHAR(300)             NOT NULL,
    heartbeat_at TIMESTAMP WITH TIME ZONE NOT NULL
);
