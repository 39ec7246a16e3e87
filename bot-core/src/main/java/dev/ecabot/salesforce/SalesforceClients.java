package dev.ecabot.salesforce;

import java.net.http.HttpClient;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Hands out one {@link SalesforceClient} per org, sharing one HTTP client, so each org's access token is cached
 * once for the whole bot. Thread-safe; create one per process.
 */
public final class SalesforceClients {

    private final SalesforceClientSettings settings;
    /** Built at the first org call, not at start: the TLS set-up it brings costs start-up time a chat may never need. */
    private volatile HttpClient http;
    private final ConcurrentMap<String, SalesforceClient> clients = new ConcurrentHashMap<>();

    public SalesforceClients(SalesforceClientSettings settings) {
        this.settings = settings;
    }

    private HttpClient http() {
        HttpClient h = http;
        if (h == null) {
            synchronized (this) {
                h = http;
                if (h == null) {
                    h = HttpClient.newBuilder()
                            .connectTimeout(settings.connectTimeout())
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .build();
                    http = h;
                }
            }
        }
        return h;
    }

    public SalesforceClients() {
        this(SalesforceClientSettings.defaults());
    }

    /** The client for {@code org} (the same instance for the same org definition). */
    public SalesforceClient forOrg(Org org) {
        return clients.compute(org.name(), (name, existing) ->
                existing != null && existing.org().equals(org) ? existing : create(org));
    }

    private SalesforceClient create(Org org) {
        RetryingSender sender = new RetryingSender(http(), settings.retry()).forOrg(org.name());
        OrgSession session = new OrgSession(org, new TokenEndpoint(sender, settings.clock()), new ApiVersionCheck(sender));
        return new SalesforceClient(new SalesforceHttp(session, sender), settings);
    }
}
