package dev.ecabot.conversation.dialogue;

import dev.ecabot.salesforce.OrgClients;
import dev.ecabot.salesforce.OrgReadiness;
import dev.ecabot.salesforce.OrgReadiness.Finding;
import dev.ecabot.salesforce.SalesforceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** {@link OrgChecks} through each org's Salesforce client ({@link OrgReadiness}). Thread-safe. */
public final class OrgReadinessChecks implements OrgChecks {

    private static final Logger log = LoggerFactory.getLogger(OrgReadinessChecks.class);

    private final OrgClients clients;

    public OrgReadinessChecks(OrgClients clients) {
        this.clients = clients;
    }

    @Override
    public List<Finding> answer(String org, Set<String> fields, String value) {
        List<String> names = Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (names.isEmpty()) return List.of();
        List<Finding> findings = new ArrayList<>();
        if (fields.contains("clientCredentialsFlowUser")) {
            findings.addAll(ask(org, "the user " + value.strip(), r -> r.runAsUser(value.strip())));
        }
        if (fields.contains("commaSeparatedPermissionSet")) {
            findings.addAll(ask(org, "the permission sets", r -> r.permissionSets(names)));
        }
        if (fields.contains("commaSeparatedProfile")) {
            findings.addAll(ask(org, "the profiles", r -> r.profiles(names)));
        }
        return findings;
    }

    @Override
    public List<Finding> org(String org) {
        return ask(org, "its External Client App settings", OrgReadiness::orgSettings);
    }

    private List<Finding> ask(String org, String what, Function<OrgReadiness, List<Finding>> check) {
        try {
            return check.apply(clients.forOrg(org).readiness());
        } catch (SalesforceException e) {
            log.info("Could not check {} in org {} ({}); the deploy checks again", what, org, e.getMessage());
            return List.of(new Finding(false, "I could not reach org '" + org + "' to check " + what + " ("
                    + e.getMessage() + "). You can go on; Salesforce checks again when the app is deployed."));
        }
    }
}
