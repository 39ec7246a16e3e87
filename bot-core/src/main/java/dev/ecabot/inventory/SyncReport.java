package dev.ecabot.inventory;

import java.util.List;

/**
 * What {@link InventorySync} found in one org: apps it imported (in the org, not in the inventory), apps that
 * drifted from the settings they were made with, apps the inventory lists but the org no longer has, and apps
 * whose settings could not be read. Immutable.
 */
public record SyncReport(String org, int appsInOrg, List<InventoryApp> imported, List<Drift> drifted,
                         List<InventoryApp> missingFromOrg, List<String> unreadable) {

    public SyncReport {
        imported = List.copyOf(imported);
        drifted = List.copyOf(drifted);
        missingFromOrg = List.copyOf(missingFromOrg);
        unreadable = List.copyOf(unreadable);
    }

    public boolean allInStep() {
        return imported.isEmpty() && drifted.isEmpty() && missingFromOrg.isEmpty() && unreadable.isEmpty();
    }
}
