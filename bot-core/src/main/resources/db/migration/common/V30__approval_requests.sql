-- Approval requests and the decisions on them. A request stores exactly what approvers are shown (settings_json,
-- in display order) and the SHA-256 fingerprint of that content; an approval names the fingerprint it saw, so a
-- decision can never apply to a request that changed after it was shown.
CREATE TABLE approval_requests (
    request_id         VARCHAR(64)    PRIMARY KEY,
    purpose            VARCHAR(16)    NOT NULL,   -- CREATE, ROTATE, DELETE
    org                VARCHAR(128)   NOT NULL,
    playbook           VARCHAR(128)   NOT NULL,
    api_name           VARCHAR(128),
    requester          VARCHAR(200)   NOT NULL,   -- platform:userId
    reason             VARCHAR(2000)  NOT NULL,
    settings_json      VARCHAR(20000) NOT NULL,
    fingerprint        VARCHAR(64)    NOT NULL,
    required_approvals INTEGER        NOT NULL,
    state              VARCHAR(16)    NOT NULL,   -- PENDING, APPROVED, DENIED, EXPIRED, WITHDRAWN
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_at         TIMESTAMP WITH TIME ZONE,
    denial_reason      VARCHAR(2000)
);
CREATE INDEX approval_requests_by_state_expiry ON approval_requests (state, expires_at);

CREATE TABLE approval_decisions (
    request_id       VARCHAR(64)   NOT NULL REFERENCES approval_requests (request_id),
    approver         VARCHAR(200)  NOT NULL,
    decision         VARCHAR(16)   NOT NULL,   -- APPROVE, DENY
    fingerprint_seen VARCHAR(64),
    decided_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    reason           VARCHAR(2000),
    PRIMARY KEY (request_id, approver)
);
