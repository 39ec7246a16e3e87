package dev.ecabot.salesforce;

import java.net.URI;

/** Whether an org is production or a sandbox: decides the JWT audience and the default login URL. */
public enum OrgEnvironment {
    PRODUCTION("production", URI.create("https://login.salesforce.com")),
    SANDBOX("sandbox", URI.create("https://test.salesforce.com"));

    private final String configName;
    private final URI loginHost;

    OrgEnvironment(String configName, URI loginHost) {
        this.configName = configName;
        this.loginHost = loginHost;
    }

    /** The word used in the configuration file. */
    public String configName() {
        return configName;
    }

    /** https://login.salesforce.com or https://test.salesforce.com: the JWT bearer audience and default login URL. */
    public URI loginHost() {
        return loginHost;
    }
}
