-- What the bot promised to remind whom about. Quartz (V40) holds the trigger that fires each one; this table
-- holds the reminder itself and whether it was delivered, so a reminder is delivered once even if Quartz
-- fires it again (recovery after a crash) and can be listed and cancelled per person, org or app.
CREATE TABLE reminders (
    reminder_id    VARCHAR(128)  PRIMARY KEY,
    kind           VARCHAR(32)   NOT NULL,
    recipient_type VARCHAR(16)   NOT NULL,   -- REQUESTER, APPROVERS, CHANNEL
    recipient      VARCHAR(200),             -- platform:userId or platform:channelId; NULL for APPROVERS
    org            VARCHAR(128)  NOT NULL,
    api_name       VARCHAR(128),
    reference      VARCHAR(128),             -- the approval request or reveal offer concerned, if any
    due_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    message        VARCHAR(2000) NOT NULL,
    state          VARCHAR(16)   NOT NULL,   -- SCHEDULED, DELIVERED, CANCELLED
    delivered_at   TIMESTAMP WITH TIME ZONE,
    delivered_late BOOLEAN
);
CREATE INDEX reminders_by_app ON reminders (org, api_name, state);
CREATE INDEX reminders_by_recipient ON reminders (recipient, state);
