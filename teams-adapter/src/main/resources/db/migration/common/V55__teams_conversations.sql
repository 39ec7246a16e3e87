-- Microsoft Teams: how to reach a conversation or a person later (progress from a background thread, reminders,
-- notices). A Bot Framework ConversationReference is ids + the regional serviceUrl: nothing secret.
CREATE TABLE teams_conversations (
    conversation_id VARCHAR(300)  PRIMARY KEY,
    reference_json  VARCHAR(8000) NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One row per person who spoke to the bot in Teams: the bot-specific member id ("29:...") and tenant needed to
-- open a 1:1 chat, and that chat once it exists.
CREATE TABLE teams_members (
    user_id                  VARCHAR(200) PRIMARY KEY,
    member_id                VARCHAR(300) NOT NULL,
    display_name             VARCHAR(300),
    tenant_id                VARCHAR(100),
    service_url              VARCHAR(500) NOT NULL,
    bot_id                   VARCHAR(300) NOT NULL,
    personal_conversation_id VARCHAR(300),
    updated_at               TIMESTAMP WITH TIME ZONE NOT NULL
);
