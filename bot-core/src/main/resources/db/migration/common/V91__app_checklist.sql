-- The manual steps of each app (issue 17): what the bot cannot do for the admin (assign a permission set, single
-- logout, API Only for the run-as user, vendor-side steps), stored when the app is made so `show` lists them and
-- `done <app> <step>` ticks them off; the bot reminds about those still open.
CREATE TABLE app_checklist (
    org_name  VARCHAR(64)   NOT NULL,
    api_name  VARCHAR(80)   NOT NULL,
    step_no   INT           NOT NULL,
    step_text VARCHAR(4000) NOT NULL,
    done_by   VARCHAR(255),
    done_at   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT app_checklist_pk PRIMARY KEY (org_name, api_name, step_no)
);
