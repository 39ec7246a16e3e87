-- Where each approval card was posted (an approver's DM or the approvers' channel) and the platform's message id,
-- so the card can be edited after a decision, also after a restart; and the fingerprint the card showed, which a
-- typed "approve <id>" is bound to.
CREATE TABLE approval_cards (
    request_id  VARCHAR(64)   NOT NULL REFERENCES approval_requests (request_id),
    platform    VARCHAR(32)   NOT NULL,
    user_id     VARCHAR(200)  NOT NULL,
    user_name   VARCHAR(300)  NOT NULL,
    channel_id  VARCHAR(300)  NOT NULL,
    thread_key  VARCHAR(300),
    message_id  VARCHAR(300)  NOT NULL,
    fingerprint VARCHAR(64)   NOT NULL,
    posted_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (request_id, platform, user_id, channel_id)
);
