-- Slack Events API deliveries already taken in (by event_id), so a retry (X-Slack-Retry-Num) or a second
-- delivery to another instance does no work twice. Rows older than a day are purged by the Slack adapter.
CREATE TABLE slack_processed_event (
    event_id    VARCHAR(64)              PRIMARY KEY,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX slack_processed_event_received ON slack_processed_event (received_at);
