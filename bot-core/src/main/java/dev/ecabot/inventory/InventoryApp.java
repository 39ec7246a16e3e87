package dev.ecabot.inventory;

import java.time.Instant;
import java.util.Objects;

/**
 * One External Client App in the inventory: where it lives (org + API name), who asked and who approved, which
 * playbook and vendor it serves, its consumer key (never the secret), when it was made, its intended settings
 * as JSON (see {@link SettingsJson}) and its status. {@code id} is null until stored; approver is null when
 * no approval was needed. Immutable.
 */
public record InventoryApp(Long id, String org, String apiName, String label, String salesforceId, String playbookId,
                           String vendor, String requester, String approver, String contactEmail, String consumerKey,
                           Instant createdAt, String settingsJson, AppStatus status) {

    public InventoryApp {
        Objects.requireNonNull(org, "org");
        Objects.requireNonNull(apiName, "apiName");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(settingsJson, "settingsJson");
        Objects.requireNonNull(status, "status");
    }

    InventoryApp withId(long newId) {
        return new InventoryApp(newId, org, apiName, label, salesforceId, playbookId, vendor, requester, approver,
                contactEmail, consumerKey, createdAt, settingsJson, status);
    }
}
