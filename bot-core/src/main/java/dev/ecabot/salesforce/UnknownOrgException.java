package dev.ecabot.salesforce;

import java.util.List;

/** Nobody configured an org by that name. */
public final class UnknownOrgException extends SalesforceException {

    public UnknownOrgException(String name, List<String> known) {
        super("There is no org called '" + name + "'. "
                + (known.isEmpty() ? "No org is configured: add one under orgs in ecabot.yaml."
                                   : "Pick one of: " + String.join(", ", known) + "."));
    }
}
