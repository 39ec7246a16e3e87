package dev.ecabot.salesforce;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Finds an org's External Client Apps with SOQL on ExternalClientApplication. Thread-safe. */
public final class ExternalClientApps {

    /** A Salesforce API name: a letter, then letters, digits and single underscores, not ending in one. */
    public static final Pattern API_NAME = Pattern.compile("[A-Za-z](?:[A-Za-z0-9]|_(?!_))*(?<!_)");

    private static final String FIELDS = "SELECT Id, DeveloperName, MasterLabel FROM ExternalClientApplication";

    private final SalesforceHttp http;

    ExternalClientApps(SalesforceHttp http) {
        this.http = http;
    }

    /** The app whose API name (DeveloperName) is {@code apiName}, if the org has one. */
    public Optional<OrgApp> find(String apiName) {
        if (!API_NAME.matcher(apiName).matches()) {
            throw new IllegalArgumentException("'" + apiName + "' is not a valid API name: use letters, digits and single"
                    + " underscores, starting with a letter");
        }
        List<OrgApp> found = query(FIELDS + " WHERE DeveloperName = '" + apiName + "'");
        return found.stream().filter(a -> a.apiName().equals(apiName)).findFirst();
    }

    /** The app called {@code apiName}, or {@link AppNotFoundException}. */
    public OrgApp require(String apiName) {
        return find(apiName).orElseThrow(() -> new AppNotFoundException(http.org().name(), apiName));
    }

    /** Every External Client App in the org, by API name. */
    public List<OrgApp> list() {
        return query(FIELDS + " ORDER BY DeveloperName");
    }

    private List<OrgApp> query(String soql) {
        List<OrgApp> apps = new ArrayList<>();
        JsonNode page = http.getJson("query?q=" + URLEncoder.encode(soql, StandardCharsets.UTF_8).replace("+", "%20"),
                "looking up External Client Apps");
        while (true) {
            for (JsonNode r : page.path("records")) {
                apps.add(new OrgApp(r.path("Id").asText(), r.path("DeveloperName").asText(), r.path("MasterLabel").asText()));
            }
            String next = page.path("nextRecordsUrl").asText("");
            if (page.path("done").asBoolean(true) || next.isEmpty()) return apps;
            // nextRecordsUrl is a full path (/services/data/vXX.X/query/01g...): keep only what follows the version.
            String relative = next.substring(next.indexOf("/query"));
            page = http.getJson(relative.substring(1), "reading the next page of External Client Apps");
        }
    }
}
