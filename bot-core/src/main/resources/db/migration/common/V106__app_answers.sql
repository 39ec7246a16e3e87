-- The answers each app was last made or updated with in chat (issue 17, `update <app>`): question id -> raw text as
-- typed (never a secret: secrets go to the vault), so an update asks the playbook's questions with today's answers
-- as defaults. Apps without a row (imported by sync, made on the command line) have their defaults read from their
-- settings instead.
CREATE TABLE app_answers (
    org_name     VARCHAR(64)     NOT NULL,
    api_name     VARCHAR(80)     NOT NULL,
    playbook_id  VARCHAR(128)    NOT NULL,
    answers_json VARCHAR(100000) NOT NULL,
    saved_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT app_answers_pk PRIMARY KEY (org_name, api_name)
);
