-- Forms the Slack adapter offered as a "Fill in" button, kept until answered so the modal can be opened by
-- whichever instance receives the click. One row per person and form; never holds a secret.
CREATE TABLE slack_pending_form (
    user_id    VARCHAR(64)              NOT NULL,
    form_id    VARCHAR(200)             NOT NULL,
    channel_id VARCHAR(64)              NOT NULL,
    thread_ts  VARCHAR(64),
    form_json  VARCHAR(200000)          NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (user_id, form_id)
);
