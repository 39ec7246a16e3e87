package dev.ecabot.salesforce;

import dev.ecabot.vault.Secret;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The orgs users may pick: those configured in ecabot.yaml, and the built-in {@code demo} org whenever no real org
 * is configured and the configuration does not turn it off. Immutable and thread-safe; the demo org is asked for
 * from its provider only when used.
 */
public final class OrgRegistry {

    private final Function<String, String> environment;
    /** Built once, so each org keeps one identity (and one cached session in {@link SalesforceClients}). */
    private final List<Org> configured;
    private final DemoOrgProvider demo;

    private OrgRegistry(List<OrgConfig> configured, Function<String, String> environment, DemoOrgProvider demo) {
        this.environment = environment;
        this.configured = configured.stream().map(this::toOrg).toList();
        this.demo = demo;
    }

    /**
     * The registry for {@code config}; client credentials are read from {@code environment} when a token is needed;
     * {@code demo} may be null when the caller has no demo org to offer.
     */
    public static OrgRegistry of(OrgsSettings config, Map<String, String> environment, DemoOrgProvider demo) {
        boolean demoAvailable = demo != null && config.demoOrgEnabled() && config.orgs().isEmpty();
        return new OrgRegistry(config.orgs(), environment::get, demoAvailable ? demo : null);
    }

    /** Every org's name, configured ones first, in file order. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        configured.forEach(o -> names.add(o.name()));
        if (demo != null) names.add(DemoOrgProvider.DEMO_ORG_NAME);
        return names;
    }

    /** The org users call {@code name} (case-insensitive). */
    public Optional<Org> find(String name) {
        if (demo != null && DemoOrgProvider.DEMO_ORG_NAME.equalsIgnoreCase(name)) return Optional.of(demo.demoOrg());
        return configured.stream().filter(o -> o.name().equalsIgnoreCase(name)).findFirst();
    }

    /** The org called {@code name}, or an error listing the orgs that exist. */
    public Org require(String name) {
        return find(name).orElseThrow(() -> new UnknownOrgException(name, names()));
    }

    /** Every org, the demo org included when available (starting it if needed). */
    public List<Org> all() {
        List<Org> out = new ArrayList<>();
        for (String name : names()) out.add(require(name));
        return out;
    }

    private Org toOrg(OrgConfig c) {
        SignInMethod signIn;
        if (c.auth() instanceof OrgAuth.JwtBearer jwt) {
            signIn = new SignInMethod.JwtBearer(jwt.consumerKey(), jwt.username(), jwt.privateKeyFile());
        } else {
            OrgAuth.ClientCredentials cc = (OrgAuth.ClientCredentials) c.auth();
            signIn = new SignInMethod.ClientCredentials(
                    "environment variables " + cc.clientIdEnv() + " and " + cc.clientSecretEnv(),
                    () -> requireEnv(c.name(), cc.clientIdEnv()),
                    () -> Secret.of(requireEnv(c.name(), cc.clientSecretEnv())));
        }
        return new Org(c.name(), c.environment(), c.loginUrl(), c.apiVersion(), signIn, false);
    }

    private String requireEnv(String org, String variable) {
        String value = environment.apply(variable);
        if (value == null || value.isBlank()) {
            throw new SignInException(org, "the environment variable " + variable + " is not set",
                    "Set " + variable + " in the bot's environment (see the org's auth section in ecabot.yaml) and restart the bot.");
        }
        return value;
    }
}
