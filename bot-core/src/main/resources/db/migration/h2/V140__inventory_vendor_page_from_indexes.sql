-- Issue 14: "inventory <vendor>" on H2 took ~70 ms at 100,000 apps (5,000 matches): H2 counted the UNION of the
-- matching ids by putting all 5,000 into a distinct set, and sorted the matches for the first page by reading each
-- one's whole row (settings included) from the table. H2 has no INCLUDE, but a secondary index holds its columns
-- and the row's key: with the org and API name in the vendor index (and the vendor in the playbook index, so the
-- playbook part can leave out what the vendor part already counted), the count and the choice of the page read
-- only these two indexes (AppFilter.countByRange / pageKeys), and only the apps shown are read from the table.
DROP INDEX inventory_app_vendor_lc;
DROP INDEX inventory_app_playbook_lc;
CREATE INDEX inventory_app_vendor_lc ON inventory_app (vendor_lc, org_name, api_name);
CREATE INDEX inventory_app_playbook_lc ON inventory_app (playbook_lc, vendor_lc, org_name, api_name);
