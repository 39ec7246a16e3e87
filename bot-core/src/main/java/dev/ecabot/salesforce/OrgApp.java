package dev.ecabot.salesforce;

/** An External Client App as the org lists it: record id (the app id of the credentials API), API name and label. */
public record OrgApp(String id, String apiName, String label) {
}
