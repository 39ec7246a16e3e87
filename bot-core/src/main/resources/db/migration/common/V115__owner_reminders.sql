-- Issue 16: reminders about an app go to its owner when they fire, not to whoever asked for it. Reminders that were
-- scheduled before this (addressed to the requester, or to the approvers for a token reminder of an app nobody
-- owned) become owner reminders addressed to the app's current owner. The reveal reminder (REVEAL_EXPIRING) and
-- the approvers' reminder about a pending request stay as they are: the secret is the requester's alone.
UPDATE reminders SET recipient_type = 'OWNER'
 WHERE state = 'SCHEDULED' AND api_name IS NOT NULL
   AND ((recipient_type = 'REQUESTER' AND kind IN ('APP_USABLE', 'REFRESH_TOKEN_EXPIRING', 'OLD_CREDENTIAL_EXPIRING', 'PLAYBOOK_AFTER'))
     OR (recipient_type = 'APPROVERS' AND reminder_id LIKE 'refresh-user:%'));

UPDATE reminders SET recipient = (SELECT o.owner FROM app_owner o WHERE o.org_name = reminders.org AND o.api_name = reminders.api_name)
 WHERE state = 'SCHEDULED' AND recipient_type = 'OWNER'
   AND EXISTS (SELECT 1 FROM app_owner o WHERE o.org_name = reminders.org AND o.api_name = reminders.api_name);
