package dev.ecabot.salesforce;

/**
 * The Salesforce client of an org named as users name it: what inventory sync, rotation and deletion need from
 * the org registry and {@link SalesforceClients}. Throws {@link UnknownOrgException} for a name no org has.
 * Implementations must be thread-safe.
 */
@FunctionalInterface
public interface OrgClients {

    SalesforceClient forOrg(String orgName);

    /** Clients for the orgs of {@code registry}, one cached client per org. */
    static OrgClients of(OrgRegistry registry, SalesforceClients clients) {
        return name -> clients.forOrg(registry.require(name));
    }
}
