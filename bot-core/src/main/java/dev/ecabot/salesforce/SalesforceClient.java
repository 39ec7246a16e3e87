package dev.ecabot.salesforce;

import dev.ecabot.eca.EcaMetadataWriter;
import dev.ecabot.eca.MetadataFormat;

/**
 * Everything the bot does in one org, one concern per accessor: sign-in check, metadata deploys, app lookup,
 * OAuth credentials (read and rotate), reading ECA settings back, and deleting an app. Obtain it from
 * {@link SalesforceClients}. Thread-safe.
 */
public final class SalesforceClient {

    private final SalesforceHttp http;
    private final MetadataDeployer deployer;
    private final ExternalClientApps apps;
    private final OauthCredentialsApi credentials;
    private final MetadataSoapApi soap;
    private final OauthUsageApi usage;

    SalesforceClient(SalesforceHttp http, SalesforceClientSettings settings) {
        this.http = http;
        this.deployer = new MetadataDeployer(http, settings.polling(), settings.clock());
        this.apps = new ExternalClientApps(http);
        this.credentials = new OauthCredentialsApi(http);
        this.soap = new MetadataSoapApi(http);
        this.usage = new OauthUsageApi(http);
    }

    public Org org() {
        return http.org();
    }

    /** Signs in (or reuses the cached session) and checks the org serves the configured API version; throws {@link SignInException} with the reason when it cannot. */
    public void checkSignIn() {
        http.signIn();
    }

    /**
     * The API versions the org serves ({@code GET /services/data/}, read once at sign-in). Signing in already refused
     * an org that does not serve the configured version.
     */
    public ApiVersions apiVersions() {
        return http.versions();
    }

    public MetadataDeployer metadata() {
        return deployer;
    }

    public ExternalClientApps apps() {
        return apps;
    }

    public OauthCredentialsApi credentials() {
        return credentials;
    }

    /** Who uses the org's apps: OAuth usage, users and their refresh tokens. */
    public OauthUsageApi usage() {
        return usage;
    }

    /** Checks, before the questions end, that the org has what an app's policies name and the settings it needs. */
    public OrgReadiness readiness() {
        return new OrgReadiness(http, soap);
    }

    /** A client credentials token request as an app's run-as user, to see that the app works (see the class). */
    public ClientCredentialsTrial clientCredentialsTrial() {
        return new ClientCredentialsTrial(http, apps, credentials);
    }

    public MetadataSoapApi soap() {
        return soap;
    }

    /** Reads the org's ECAs with their OAuth settings and policies (for the inventory and drift checks). */
    public OrgEcaReader ecaReader() {
        return new OrgEcaReader(apps, soap);
    }

    /**
     * Deletes app {@code apiName} and the companions named the bot's way (a destructive-changes deploy, ignoring
     * the warnings Salesforce gives for companions already gone). Throws {@link AppNotFoundException} if absent.
     */
    public DeployResult deleteApp(String apiName, DeployProgressListener listener) {
        apps.require(apiName);
        byte[] zip = new EcaMetadataWriter(org().apiVersion(), MetadataFormat.METADATA_API).deletion(apiName).toZip();
        return deployer.deploy(zip, DeployOptions.realDeploy().ignoringWarnings(), listener);
    }
}
