package dev.ecabot.provisioning;

import dev.ecabot.inventory.InventoryApp;

/**
 * A finished run: the app as recorded in the inventory, and whether an existing identical app was reused
 * instead of deployed. {@code alreadyFinished} is true when the run had completed before this call (nothing was
 * done or delivered again).
 */
public record ProvisioningResult(String runId, InventoryApp app, boolean reusedExisting, boolean alreadyFinished) {

    public String consumerKey() {
        return app.consumerKey();
    }
}
