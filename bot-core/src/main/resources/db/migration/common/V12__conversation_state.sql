-- One row per conversation in progress, keyed by platform + user (+ thread), so any bot instance can take
-- the next message, also after a restart. Answers are the raw text people typed (never a secret: secrets go
-- to the vault); a finished or cancelled conversation's row is deleted.
CREATE TABLE conversation_state (
    conv_key     VARCHAR(600)  PRIMARY KEY,
    platform     VARCHAR(32)   NOT NULL,
    user_id      VARCHAR(200)  NOT NULL,
    thread_key   VARCHAR(300),
    user_name    VARCHAR(300)  NOT NULL,
    user_email   VARCHAR(320),
    channel_id   VARCHAR(300)  NOT NULL,
    stage        VARCHAR(32)   NOT NULL,
    playbook_id  VARCHAR(100),
    org_name     VARCHAR(100),
    answers_json VARCHAR(100000) NOT NULL,
    pending      VARCHAR(100),
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    version      BIGINT        NOT NULL
);
CREATE INDEX conversation_state_updated ON conversation_state (updated_at);
