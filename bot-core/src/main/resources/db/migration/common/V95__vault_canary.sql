-- The vault's canary: a known value sealed under the master key when the vault is first used. Every start opens
-- it, so a lost or wrong key is found at start, not at the first reveal, and no new key is used next to secrets
-- sealed under another one. One row at most.
CREATE TABLE vault_canary (
    canary_id  INTEGER      PRIMARY KEY,
    sealed     VARCHAR(400) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
