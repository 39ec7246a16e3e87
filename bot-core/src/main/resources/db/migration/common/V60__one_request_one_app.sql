-- One request, one app (issue "One request, one app, one secret").

-- Who is creating which API name in which org right now: taken when a request's API name is answered, released
-- when the request ends (created, cancelled, expired, denied). The unique key makes the second of two concurrent
-- requests for one name hear who holds it. Keys are upper-cased: Salesforce API names are unique ignoring case.
CREATE TABLE app_name_reservation (
    request_id  VARCHAR(64)  PRIMARY KEY,
    org_key     VARCHAR(128) NOT NULL,
    api_key     VARCHAR(128) NOT NULL,
    org         VARCHAR(128) NOT NULL,
    api_name    VARCHAR(128) NOT NULL,
    requester   VARCHAR(255) NOT NULL,
    reserved_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT app_name_reservation_name UNIQUE (org_key, api_key)
);

-- Which bot instance is running a provisioning request: claimed before it runs, renewed while it runs, expired
-- when its instance died. Recovery takes over only requests whose lease is absent or expired, so one request
-- never runs on two instances.
CREATE TABLE provisioning_lease (
    request_id VARCHAR(64)  PRIMARY KEY,
    holder     VARCHAR(128) NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The request whose credentials an offer holds: at most one offer per request, so a resumed request finds the
-- offer an earlier attempt sealed instead of reading and sealing the secret again.
ALTER TABLE reveal_offers ADD COLUMN request_id VARCHAR(64);
CREATE UNIQUE INDEX reveal_offers_request ON reveal_offers (request_id);
CREATE INDEX reveal_offers_requester ON reveal_offers (requester, state);
