-- Microsoft Teams approval cards use Universal Actions: Teams asks the bot for each viewer's version of a card
-- (Approve/Deny for approvers, the status for everyone else). The latest state of each request's card, as the engine
-- last posted or edited it, so any instance can answer, also after a restart. Nothing secret: what the card shows.
CREATE TABLE teams_approval_views (
    request_id VARCHAR(100)   PRIMARY KEY,
    card_json  VARCHAR(1000000) NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The people a request's card was sent to as approvers (the engine posts each approver a copy): their cards, and the
-- copy in an approvers' channel, refresh into Approve/Deny for them. member_id is the "29:" id Teams' refresh needs.
CREATE TABLE teams_approval_viewers (
    request_id VARCHAR(100) NOT NULL,
    user_id    VARCHAR(200) NOT NULL,
    member_id  VARCHAR(300) NOT NULL,
    PRIMARY KEY (request_id, user_id)
);
