-- One row per provisioning saga run: which step it reached, so a retry or a crash resumes at the right step
-- and never deploys a second app. run_id is the caller's idempotency key (e.g. the approved request's id).
CREATE TABLE provisioning_run (
    run_id          VARCHAR(64)      PRIMARY KEY,
    org_name        VARCHAR(64)      NOT NULL,
    api_name        VARCHAR(80)      NOT NULL,
    playbook_id     VARCHAR(128)     NOT NULL,
    vendor          VARCHAR(255),
    requester       VARCHAR(255)     NOT NULL,
    approver        VARCHAR(255),
    deliver_secret  BOOLEAN          NOT NULL,
    update_existing BOOLEAN          NOT NULL,
    spec_json       VARCHAR(1000000) NOT NULL,
    step            VARCHAR(32)      NOT NULL,
    status          VARCHAR(16)      NOT NULL,
    deploy_id       VARCHAR(32),
    app_id          VARCHAR(32),
    consumer_key    VARCHAR(512),
    reused_existing BOOLEAN          NOT NULL,
    failure         VARCHAR(4000),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX provisioning_run_app ON provisioning_run (org_name, api_name);
