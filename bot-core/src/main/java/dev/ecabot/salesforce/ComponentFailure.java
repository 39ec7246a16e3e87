package dev.ecabot.salesforce;

/** One component a deploy rejected: its type, name, file and Salesforce's problem text (which names the field). */
public record ComponentFailure(String componentType, String fullName, String fileName, String problemType, String problem) {

    /** One line for a person: "ExtlClntAppOauthSettings Vonage_oauth: In field: commaSeparatedOauthScopes - ...". */
    public String describe() {
        String what = (componentType == null || componentType.isBlank() ? "" : componentType + " ")
                + (fullName == null ? "" : fullName);
        return (what.isBlank() ? fileName : what.trim()) + ": " + problem;
    }
}
