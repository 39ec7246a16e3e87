-- Issue 14: "show <api-name>" finds the app by its API name ignoring case; LOWER(api_name) = ? scanned every row.
-- A lower-case copy kept by the database (as V116 does for the vendor), with an index, makes it a lookup.
-- (The vendor and playbook indexes stay as V116 made them: H2 has no INCLUDE, and its secondary indexes already
-- hold the row's key.)
ALTER TABLE inventory_app ADD COLUMN api_name_lc VARCHAR(80) GENERATED ALWAYS AS (LOWER(api_name));
CREATE INDEX inventory_app_api_name_lc ON inventory_app (api_name_lc);
