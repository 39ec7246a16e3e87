-- The audit trail is append-only: any UPDATE or DELETE of audit_events is rejected by the database
-- (H2 has no TRUNCATE trigger; the bot never truncates).
CREATE TRIGGER audit_events_append_only
    BEFORE UPDATE, DELETE ON audit_events
    FOR EACH ROW CALL 'dev.ecabot.audit.AppendOnlyTrigger';
