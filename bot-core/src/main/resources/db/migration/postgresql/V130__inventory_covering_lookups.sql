-- Issue 14, measured at 100,000 apps (docs/performance.md, figure 2):
-- 1. "show <api-name>" finds the app by its API name ignoring case: LOWER(api_name) = ? scanned every row
--    (~250 ms a turn under load). A lower-case copy kept by the database, with an index, makes it a lookup.
-- 2. "inventory <vendor>" read each match's row from the table (5,000 matches: 5,000 heap pages, ~90 ms to count
--    and ~200 ms to list the first 50). The vendor and playbook indexes now carry the id, org and API name, so
--    the count and the sort for the first 50 read only the index (an index-only scan once autovacuum has marked
--    the pages visible), and only the 50 shown rows are read from the table. Same names as V116's indexes.
ALTER TABLE inventory_app ADD COLUMN api_name_lc VARCHAR(80) GENERATED ALWAYS AS (LOWER(api_name)) STORED;
CREATE INDEX inventory_app_api_name_lc ON inventory_app (api_name_lc);
DROP INDEX inventory_app_vendor_lc;
DROP INDEX inventory_app_playbook_lc;
CREATE INDEX inventory_app_vendor_lc ON inventory_app (vendor_lc varchar_pattern_ops) INCLUDE (id, org_name, api_name);
CREATE INDEX inventory_app_playbook_lc ON inventory_app (playbook_lc) INCLUDE (id, org_name, api_name);
