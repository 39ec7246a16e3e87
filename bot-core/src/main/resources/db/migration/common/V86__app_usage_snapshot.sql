-- The last usage the bot read from each app's org (issue 16), so the export and /api/inventory can show usage
-- without calling Salesforce: users and tokens counted, last use, whether it counted as unused, and when it was read.
CREATE TABLE app_usage_snapshot (
    org_name     VARCHAR(64)  NOT NULL,
    api_name     VARCHAR(80)  NOT NULL,
    users        INTEGER      NOT NULL,
    tokens       INTEGER      NOT NULL,
    last_used_at TIMESTAMP WITH TIME ZONE,
    unused       BOOLEAN      NOT NULL,
    read_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT app_usage_snapshot_pk PRIMARY KEY (org_name, api_name)
);
