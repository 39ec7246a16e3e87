-- Credential rotations: which staged pair became the old one after a rotation, so `revoke-old` can delete it
-- before it expires (30 days). Holds Salesforce ids and consumer keys (public), never a secret.
CREATE TABLE credential_rotation (
    rotation_id      VARCHAR(64)  NOT NULL PRIMARY KEY,
    org_name         VARCHAR(64)  NOT NULL,
    api_name         VARCHAR(80)  NOT NULL,
    app_id           VARCHAR(32)  NOT NULL,
    consumer_id      VARCHAR(64)  NOT NULL,
    old_staged_id    VARCHAR(64)  NOT NULL,
    old_consumer_key VARCHAR(512),
    new_consumer_key VARCHAR(512) NOT NULL,
    rotated_by       VARCHAR(200) NOT NULL,
    rotated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    old_expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at       TIMESTAMP WITH TIME ZONE,
    revoked_by       VARCHAR(200)
);
CREATE INDEX credential_rotation_by_app ON credential_rotation (org_name, api_name, rotated_at);
