-- A tamper-evident audit trail: every event written from now on carries its place in one chain (chain_seq 1, 2,
-- 3...) and a SHA-256 over its content and the previous event's hash, so an event removed, changed, inserted
-- outside the bot or back-dated breaks the chain where `ecabot audit verify` looks. audit_chain_head holds the
-- chain's end (its row lock orders writers across instances); its foreign key also makes H2 refuse TRUNCATE.
-- Events written before this migration have no chain fields and are reported as such.
ALTER TABLE audit_events ADD COLUMN chain_seq BIGINT;
ALTER TABLE audit_events ADD COLUMN prev_hash VARCHAR(64);
ALTER TABLE audit_events ADD COLUMN event_hash VARCHAR(64);
CREATE UNIQUE INDEX audit_events_by_chain_seq ON audit_events (chain_seq);

CREATE TABLE audit_chain_head (
    head_id       INTEGER     PRIMARY KEY,
    last_seq      BIGINT      NOT NULL,
    last_event_id BIGINT      REFERENCES audit_events (event_id),
    last_hash     VARCHAR(64) NOT NULL
);
INSERT INTO audit_chain_head (head_id, last_seq, last_event_id, last_hash)
    VALUES (1, 0, NULL, '0000000000000000000000000000000000000000000000000000000000000000');
