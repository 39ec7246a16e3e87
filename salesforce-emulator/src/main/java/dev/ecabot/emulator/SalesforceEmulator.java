package dev.ecabot.emulator;

import dev.ecabot.emulator.auth.AuthRegistry;
import dev.ecabot.emulator.auth.Sessions;
import dev.ecabot.emulator.auth.TokenEndpoint;
import dev.ecabot.emulator.credentials.OAuthCredentialsResource;
import dev.ecabot.emulator.usage.OAuthUsageLog;
import dev.ecabot.emulator.usage.OAuthUsageResource;
import dev.ecabot.emulator.http.ApiResponse;
import dev.ecabot.emulator.identity.IdentityResource;
import dev.ecabot.emulator.http.ApiVersions;
import dev.ecabot.emulator.http.Route;
import dev.ecabot.emulator.http.Router;
import dev.ecabot.emulator.metadata.DeployRequestResource;
import dev.ecabot.emulator.metadata.DeployService;
import dev.ecabot.emulator.metadata.MetadataSoapResource;
import dev.ecabot.emulator.org.CredentialFactory;
import dev.ecabot.emulator.org.OrgState;
import dev.ecabot.emulator.org.OrgUsers;
import dev.ecabot.emulator.query.DirectoryQueries;
import dev.ecabot.emulator.org.SalesforceIds;
import dev.ecabot.emulator.query.QueryResource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local Salesforce org over HTTP that answers the calls the ECA bot makes (OAuth token, REST Metadata
 * deployRequest, SOQL on ExternalClientApplication, Connect REST OAuth credentials, SOAP listMetadata and
 * readMetadata) with Salesforce's response shapes and validation. One emulator plays one org; start several
 * for several orgs. State lives in memory.
 *
 * <pre>{@code
 * try (SalesforceEmulator sf = SalesforceEmulator.builder().deployDelay(Duration.ofMillis(200)).build().start()) {
 *     sf.org().registerClientCredentials("id", "secret", "integration@example.com");
 *     ... point a client at sf.baseUrl() ...
 * }
 * }</pre>
 * Defaults: port 0 (any free port) on 127.0.0.1, deploys take 2 seconds, sessions last 2 hours, SOQL pages
 * hold 2000 records. Thread-safe.
 */
public final class SalesforceEmulator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SalesforceEmulator.class);

    private final Builder settings;
    private final Server server;
    private final ServerConnector connector;
    private final DeployService deploys;
    private final EmulatedOrg org;
    private final Faults faults;
    private final OAuthUsageLog oauthUsage = new OAuthUsageLog();
    private volatile String baseUrl;

    private SalesforceEmulator(Builder settings) {
        this.settings = settings;
        SalesforceIds ids = new SalesforceIds("5g");
        CredentialFactory credentials = new CredentialFactory();
        String orgId = ids.next("00D");
        OrgState state = new OrgState(orgId, ids, credentials);
        Sessions sessions = new Sessions(credentials, orgId, settings.sessionTimeout);
        AuthRegistry auth = new AuthRegistry();
        this.faults = new Faults(settings.deployDelay, sessions);
        this.deploys = new DeployService(state, ids, faults::deployDelay);

        List<Route> routes = new ArrayList<>();
        OrgUsers users = new OrgUsers(ids); // one id per username, for sign-ins and User queries alike
        TokenEndpoint tokens = new TokenEndpoint(auth, state, sessions, users, this::baseUrl);
        routes.add(Route.post("/services/oauth2/token", (request, path) -> tokens.handle(request)).open());
        ApiVersions versions = new ApiVersions(settings.latestApiVersion);
        state.apiVersions(versions);
        routes.add(Route.get("/services/data/?", (request, path) -> ApiResponse.json(200, versions.listing())).open());
        routes.addAll(new DeployRequestResource(deploys, this::baseUrl).routes());
        routes.addAll(new QueryResource(state, settings.queryPageSize, new DirectoryQueries(state.directory(), users, ids,
                state::userMayViewSecrets)).routes());
        routes.addAll(new OAuthCredentialsResource(state).routes());
        routes.addAll(new OAuthUsageResource(state, oauthUsage).routes());
        routes.addAll(new MetadataSoapResource(state, sessions, deploys, ids).routes());
        routes.addAll(new IdentityResource(state, this::baseUrl, versions).routes());

        this.server = new Server();
        // Jetty refuses "//services/..." as ambiguous by default; Salesforce serves it (clients join URLs that way).
        HttpConfiguration http = new HttpConfiguration();
        http.setUriCompliance(UriCompliance.LEGACY);
        this.connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(settings.host);
        connector.setPort(settings.port);
        server.addConnector(connector);
        EmulatorHandler handler = new EmulatorHandler(new Router(routes, sessions, versions), faults);
        server.setHandler(handler);
        this.org = new EmulatedOrg(state, auth, handler::calls);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts serving; returns this emulator for chaining. */
    public SalesforceEmulator start() {
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("the Salesforce emulator could not listen on " + settings.host + ":"
                    + settings.port + ": " + e.getMessage(), e);
        }
        baseUrl = "http://" + settings.host + ":" + connector.getLocalPort();
        log.info("Salesforce emulator for org {} listening at {}", org.orgId(), baseUrl);
        return this;
    }

    /** Where the org answers, e.g. "http://127.0.0.1:52111": the login URL and the instance_url alike. */
    public String baseUrl() {
        if (baseUrl == null) {
            throw new IllegalStateException("start() the emulator before asking for its URL");
        }
        return baseUrl;
    }

    public EmulatedOrg org() {
        return org;
    }

    /** Who uses the org's apps (refresh tokens), as the OAuth usage resources report it. */
    public OAuthUsageLog oauthUsage() {
        return oauthUsage;
    }

    public Faults faults() {
        return faults;
    }

    /** Blocks until the server stops (for the standalone command). */
    public void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() {
        deploys.close();
        try {
            server.stop();
        } catch (Exception e) {
            log.warn("the Salesforce emulator did not stop cleanly: {}", e.getMessage());
        }
    }

    /** Settings of an emulator, each checked as it is set. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 0;
        private Duration deployDelay = Duration.ofSeconds(2);
        private Duration sessionTimeout = Duration.ofHours(2);
        private int queryPageSize = 2000;
        private int latestApiVersion = ApiVersions.DEFAULT_LATEST;

        private Builder() {
        }

        /** The newest API version the org serves (68 = Winter '27 by default); play an org not yet upgraded. */
        public Builder latestApiVersion(int version) {
            new ApiVersions(version);
            this.latestApiVersion = version;
            return this;
        }

        /** The interface to listen on; 127.0.0.1 by default. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** The port to listen on; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /** How long a deploy takes from Pending to done; 2 seconds by default. */
        public Builder deployDelay(Duration delay) {
            if (delay.isNegative()) {
                throw new IllegalArgumentException("deploy delay must not be negative, got " + delay);
            }
            this.deployDelay = delay;
            return this;
        }

        /** How long an access token stays valid; 2 hours by default. */
        public Builder sessionTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("session timeout must be positive, got " + timeout);
            }
            this.sessionTimeout = timeout;
            return this;
        }

        /** Records per SOQL page before nextRecordsUrl; 2000 by default (Salesforce's), at least 1. */
        public Builder queryPageSize(int size) {
            if (size < 1 || size > 2000) {
                throw new IllegalArgumentException("query page size must be 1..2000, got " + size);
            }
            this.queryPageSize = size;
            return this;
        }

        public SalesforceEmulator build() {
            return new SalesforceEmulator(this);
        }
    }
}
