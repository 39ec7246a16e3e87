-- Each person's time zone as their Teams client last sent it (the activity's clientInfo entity, e.g.
-- "America/Los_Angeles"), so times in the cards and messages they read are in their local time. Null: not sent yet.
ALTER TABLE teams_members ADD COLUMN time_zone VARCHAR(100);
