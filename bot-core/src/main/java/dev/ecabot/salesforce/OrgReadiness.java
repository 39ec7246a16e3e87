package dev.ecabot.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import org.w3c.dom.Element;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether an org is ready for what an app's policies name, checked before anyone answers the long questions or
 * approves: the run-as user of the client credentials flow (exists, active, API Only), the pre-authorized
 * permission sets and profiles, and the org settings the bot relies on (External Client Apps on, consumer secrets
 * readable over REST). Uses SOQL ({@code query}) on User, PermissionSetAssignment, PermissionSet and Profile, and
 * readMetadata of ExternalClientAppSettings. Every finding says what to change, in Setup's words. Thread-safe.
 */
public final class OrgReadiness {

    /** What is wrong; {@code blocking} when a deploy would fail (else advice, e.g. a run-as user not API Only). */
    public record Finding(boolean blocking, String text) {
    }

    private final SalesforceHttp http;
    private final MetadataSoapApi soap;

    OrgReadiness(SalesforceHttp http, MetadataSoapApi soap) {
        this.http = http;
        this.soap = soap;
    }

    /** The client credentials flow's run-as user: exists, is active and has the API Only permission. */
    public List<Finding> runAsUser(String username) {
        String org = http.org().name();
        JsonNode users = query("SELECT Id, Username, IsActive FROM User WHERE Username = '" + quoted(username) + "'",
                "looking up user " + username);
        if (users.path("totalSize").asInt(0) == 0) {
            return List.of(new Finding(true, "Org '" + org + "' has no user with the username " + username + ". Check"
                    + " the spelling in Setup > Users > Users (the Username column, not the email), or create the"
                    + " integration user there first."));
        }
        JsonNode user = users.path("records").get(0);
        if (!user.path("IsActive").asBoolean(true)) {
            return List.of(new Finding(true, "The user " + username + " is inactive in org '" + org + "'; the client"
                    + " credentials flow cannot run as an inactive user. In Setup > Users > Users, edit the user and"
                    + " select Active."));
        }
        JsonNode apiOnly = query("SELECT Id FROM PermissionSetAssignment WHERE AssigneeId = '"
                + quoted(user.path("Id").asText()) + "' AND PermissionSet.PermissionsApiUserOnly = true",
                "checking whether " + username + " is API Only");
        if (apiOnly.path("totalSize").asInt(0) == 0) {
            return List.of(new Finding(false, "The user " + username + " does not have the API Only permission in org '"
                    + org + "'. Salesforce advises an API Only integration user for the client credentials flow: give"
                    + " it the \"API Only User\" permission (Setup > Permission Sets, or the profile \"Minimum Access -"
                    + " API Only Integrations\")."));
        }
        return List.of();
    }

    /** Each named permission set (API name) exists. */
    public List<Finding> permissionSets(List<String> apiNames) {
        return missing("PermissionSet", apiNames, "permission set", "Setup > Permission Sets (the API Name column)");
    }

    /** Each named profile exists. */
    public List<Finding> profiles(List<String> names) {
        return missing("Profile", names, "profile", "Setup > Profiles");
    }

    /**
     * The org settings the bot needs: "Opt in to External Client Apps" and "Allow access to External Client App
     * consumer secrets via REST API" (Setup > External Client App Settings).
     */
    public List<Finding> orgSettings() {
        String org = http.org().name();
        List<Finding> findings = new ArrayList<>();
        List<MetadataSoapApi.Read> read = soap.readMetadata("ExternalClientAppSettings", List.of("ExternalClientApp"));
        if (read.isEmpty()) return botMayViewSecrets(); // settings never touched: nothing to judge there
        Element settings = MetadataSoapApi.parse(read.get(0).document()).getDocumentElement();
        if ("false".equals(MetadataSoapApi.childText(settings, "enableExternalClientApps"))) {
            findings.add(new Finding(true, "Org '" + org + "' has External Client Apps turned off, so the app cannot"
                    + " be created. In Setup > External Client App Settings, turn on \"Opt in to External Client"
                    + " Apps\"."));
        }
        if ("false".equals(MetadataSoapApi.childText(settings, "enableClientSecretInRestApiAccess"))) {
            findings.add(new Finding(false, "Org '" + org + "' does not let the bot read consumer secrets, so it could"
                    + " create the app but not hand you its secret. In Setup > External Client App Settings, turn on"
                    + " \"Allow access to External Client App consumer secrets via REST API\"."));
        }
        findings.addAll(botMayViewSecrets());
        return findings;
    }

    /**
     * Whether the bot's own user holds the "View Client Secret" user permission (PermissionsViewClientSecret; some
     * Setup pages label it "View External Client App Consumer Secrets in Metadata"), without which Salesforce refuses
     * to hand the bot a consumer secret even with the org setting on. Asked of UserPermissionAccess (the permissions
     * of the user who asks). An org that cannot answer (an older API version without the field) gets no finding: the
     * secret's read says so if it comes to that.
     */
    public List<Finding> botMayViewSecrets() {
        JsonNode answer;
        try {
            answer = query("SELECT PermissionsViewClientSecret FROM UserPermissionAccess", "checking the bot's permissions");
        } catch (SalesforceApiException e) {
            return List.of();
        }
        JsonNode record = answer.path("records").path(0);
        if (!record.has("PermissionsViewClientSecret") || record.path("PermissionsViewClientSecret").asBoolean(true)) {
            return List.of();
        }
        return List.of(new Finding(false, "The bot's user in org '" + http.org().name() + "' may not view consumer"
                + " secrets, so it could create the app but not hand you its secret. In Setup > Permission Sets, give the"
                + " bot's user a permission set with the user permissions \"View Client Secret\" and \"External Client App"
                + " Developer\"."));
    }

    private List<Finding> missing(String object, List<String> names, String what, String where) {
        List<String> wanted = names.stream().map(String::strip).filter(n -> !n.isEmpty()).distinct().toList();
        if (wanted.isEmpty()) return List.of();
        String in = String.join(", ", wanted.stream().map(n -> "'" + quoted(n) + "'").toList());
        JsonNode found = query("SELECT Id, Name FROM " + object + " WHERE Name IN (" + in + ")", "looking up " + what + "s");
        List<String> present = new ArrayList<>();
        found.path("records").forEach(r -> present.add(r.path("Name").asText()));
        String org = http.org().name();
        return wanted.stream().filter(n -> present.stream().noneMatch(p -> p.equalsIgnoreCase(n)))
                .map(n -> new Finding(true, "Org '" + org + "' has no " + what + " named " + n + ". Check the name in "
                        + where + ", or create it there first."))
                .toList();
    }

    private JsonNode query(String soql, String what) {
        return http.getJson("query?q=" + URLEncoder.encode(soql, StandardCharsets.UTF_8).replace("+", "%20"), what);
    }

    /** A value inside single quotes: SOQL escapes backslashes and quotes. */
    private static String quoted(String value) {
        return value.strip().replace("\\", "\\\\").replace("'", "\\'");
    }
}
