-- The bot's schema is built by numbered migrations. Ranges, so parallel work never collides:
--   V1-V9    store groundwork        V10-V19  conversations and provisioning
--   V20-V29  vault, inventory, audit  V30-V39  approvals and roles
--   V40-V49  reminders (Quartz: per-database DDL in db/migration/h2 and db/migration/postgresql)
--   V50-V59  chat adapters (Slack, Teams)
CREATE TABLE ecabot_info (
    info_key   VARCHAR(64)  PRIMARY KEY,
    info_value VARCHAR(256) NOT NULL
);
INSERT INTO ecabot_info (info_key, info_value) VALUES ('schema_origin', 'ecabot');
