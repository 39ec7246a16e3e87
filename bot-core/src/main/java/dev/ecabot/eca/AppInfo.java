package dev.ecabot.eca;

import java.util.Objects;

/**
 * The ExternalClientApplication itself: its names, contact and distribution ("Basic Information" in Setup).
 * Optional fields are null when unset.
 */
public record AppInfo(
        String apiName,
        String label,
        String contactEmail,
        String contactPhone,
        String description,
        DistributionState distributionState,
        String logoUrl,
        String iconUrl) {

    public AppInfo {
        Objects.requireNonNull(apiName, "apiName");
        Objects.requireNonNull(label, "label");
        distributionState = distributionState == null ? DistributionState.LOCAL : distributionState;
    }

    /** A Local app with only the fields Salesforce requires. */
    public static AppInfo local(String apiName, String label, String contactEmail) {
        return new AppInfo(apiName, label, contactEmail, null, null, DistributionState.LOCAL, null, null);
    }
}
