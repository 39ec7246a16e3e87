-- One-time reveal offers of an app's consumer key and secret. sealed_credentials is AES-256-GCM ciphertext
-- (base64; the master key is never in the database), bound to offer_id; it is set to NULL the moment the
-- credentials are revealed or the offer expires, while the row keeps who revealed them and when.
CREATE TABLE reveal_offers (
    offer_id           VARCHAR(64)  PRIMARY KEY,
    requester          VARCHAR(200) NOT NULL,   -- platform:userId, the only person who may reveal
    org                VARCHAR(128) NOT NULL,
    api_name           VARCHAR(128) NOT NULL,
    sealed_credentials VARCHAR(4000),
    state              VARCHAR(16)  NOT NULL,   -- OPEN, REVEALED, EXPIRED
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    closed_at          TIMESTAMP WITH TIME ZONE,  -- when revealed or expired
    revealed_by        VARCHAR(200)
);
CREATE INDEX reveal_offers_by_state_expiry ON reveal_offers (state, expires_at);
