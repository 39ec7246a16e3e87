-- The org each person's last request went to (the one they took to its summary), offered as the default org the
-- next time they say "new". One row per person, replaced each time; no secret, no history.
CREATE TABLE last_org_choice (
    user_key   VARCHAR(300)             PRIMARY KEY,
    org        VARCHAR(200)             NOT NULL,
    chosen_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
