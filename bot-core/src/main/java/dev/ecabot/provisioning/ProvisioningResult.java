package dev.ecabot.provisioning;

import dev.ecabot.access.ChatUserRef;
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

    /**
     * What a run of {@code request} that made its app now, with {@code consumerKey}, returns: for stand-ins of the
     * saga (engine tests, benchmarks), which record nothing.
     */
    public static ProvisioningResult made(ProvisioningRequest request, String consumerKey, java.time.Instant createdAt) {
        dev.ecabot.eca.EcaSpec spec = request.spec();
        return new ProvisioningResult(request.runId(), new InventoryApp(null, request.org(), spec.apiName(),
                spec.app().label(), null, request.playbookId(), request.vendor(), request.requester().toString(), ChatUserRef.written(request.approvers()),
                spec.app().contactEmail(), consumerKey, createdAt, dev.ecabot.inventory.SettingsJson.write(spec),
                dev.ecabot.inventory.AppStatus.ACTIVE), false, false);
    }
}
