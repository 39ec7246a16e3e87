-- The fields of each app's org components that the bot does not manage (issue 12: isDPopEnabled, idTokenConfig,
-- apexHandler, ... as "Type.element" -> value, JSON), as last seen at provisioning or sync, so `show` can list them
-- without calling Salesforce and sync can name those that changed. Never a secret or a generated id.
CREATE TABLE app_unmanaged_fields (
    org_name    VARCHAR(64)      NOT NULL,
    api_name    VARCHAR(80)      NOT NULL,
    fields_json VARCHAR(1000000) NOT NULL,
    seen_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    seen_by     VARCHAR(32)      NOT NULL,
    CONSTRAINT app_unmanaged_fields_pk PRIMARY KEY (org_name, api_name)
);
