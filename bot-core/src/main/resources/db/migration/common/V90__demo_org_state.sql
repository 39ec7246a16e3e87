-- The built-in demo org's apps (issue 17): the in-process emulator exports its apps, settings and consumers after
-- every change and imports them at start, so the demo org and the inventory agree across restarts. One row; the
-- state holds consumer secrets, so it is sealed with the master key (AES-GCM), never stored in plain text.
CREATE TABLE demo_org_state (
    id       INT PRIMARY KEY,
    sealed   VARCHAR(4000000) NOT NULL,
    saved_at TIMESTAMP WITH TIME ZONE NOT NULL
);
