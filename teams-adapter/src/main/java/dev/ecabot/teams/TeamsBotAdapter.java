package dev.ecabot.teams;

import com.microsoft.bot.builder.BotCallbackHandler;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.connector.Channels;
import com.microsoft.bot.connector.ConnectorClient;
import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.AuthenticationConstants;
import com.microsoft.bot.connector.authentication.AuthenticationConfiguration;
import com.microsoft.bot.connector.authentication.AuthenticationException;
import com.microsoft.bot.connector.authentication.ChannelValidation;
import com.microsoft.bot.connector.authentication.ClaimsIdentity;
import com.microsoft.bot.connector.authentication.JwtTokenValidation;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import com.microsoft.bot.connector.authentication.SimpleChannelProvider;
import com.microsoft.bot.connector.authentication.SimpleCredentialProvider;
import com.microsoft.bot.integration.BotFrameworkHttpAdapter;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ConversationReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

/**
 * The Bot Framework adapter for Teams: authenticates every incoming activity (unless the settings are
 * insecure-local), then runs the turn; replies go to the activity's serviceUrl with the bot's single-tenant
 * credentials. Any failure while authenticating becomes an {@link AuthenticationException}, so the servlet
 * answers 401 and nothing reaches the bot. Thread-safe (the SDK caches clients per serviceUrl).
 */
public class TeamsBotAdapter extends BotFrameworkHttpAdapter {

    private static final Logger log = LoggerFactory.getLogger(TeamsBotAdapter.class);

    private final TeamsSettings settings;
    private final SimpleCredentialProvider credentials;
    private final SimpleChannelProvider channel = new SimpleChannelProvider();
    private final AuthenticationConfiguration authConfig = new AuthenticationConfiguration();
    private final BiFunction<String, String, AppCredentials> outboundCredentials;

    public TeamsBotAdapter(TeamsSettings settings) {
        this(settings, (appId, scope) -> new MicrosoftAppCredentials(
                appId, settings.appPassword().orElseThrow().reveal(), settings.tenantId(), scope));
    }

    /**
     * @param outboundCredentials builds the credentials for calls to the connector from (app id, OAuth scope);
     *                            tests pass credentials with a fixed token, as Entra ID is not reachable.
     */
    public TeamsBotAdapter(TeamsSettings settings, BiFunction<String, String, AppCredentials> outboundCredentials) {
        this(settings, new SimpleCredentialProvider(settings.appId(),
                settings.appPassword().map(p -> p.reveal()).orElse("")), outboundCredentials);
    }

    private TeamsBotAdapter(TeamsSettings settings, SimpleCredentialProvider credentials,
                            BiFunction<String, String, AppCredentials> outboundCredentials) {
        super(credentials, new SimpleChannelProvider());
        if (!settings.enabled()) throw new IllegalArgumentException("Teams is off: no adapter to build");
        this.settings = settings;
        this.credentials = credentials;
        this.outboundCredentials = outboundCredentials;
        // The SDK keeps this URL in a static; set it every time so one adapter's setting never leaks into another's.
        ChannelValidation.setOpenIdMetaDataUrl(settings.openIdMetadataUrl());
        setOnTurnError((turn, error) -> {
            log.error("Teams turn failed for activity type {}", turn.getActivity().getType(), error);
            return CompletableFuture.completedFuture(null);
        });
    }

    public TeamsSettings settings() {
        return settings;
    }

    /** Runs {@code callback} in a conversation the bot was spoken to before (proactive: progress, reminders). */
    public CompletableFuture<Void> continueConversation(ConversationReference reference, BotCallbackHandler callback) {
        return continueConversation(settings.appId(), reference, callback);
    }

    /** A connector client for {@code serviceUrl} with the bot's own credentials (to open 1:1 chats). */
    public CompletableFuture<ConnectorClient> connectorFor(String serviceUrl) {
        Map<String, String> claims = Map.of(AuthenticationConstants.AUDIENCE_CLAIM, settings.appId(),
                AuthenticationConstants.APPID_CLAIM, settings.appId());
        return createConnectorClient(serviceUrl, new ClaimsIdentity("ExternalBearer", claims),
                AuthenticationConstants.TO_CHANNEL_FROM_BOT_OAUTH_SCOPE);
    }

    /** Authenticates first (any failure: AuthenticationException), then runs the turn with the checked identity. */
    @Override
    public CompletableFuture<InvokeResponse> processActivity(String authHeader, Activity activity,
                                                             BotCallbackHandler callback) {
        return authenticate(authHeader, activity).thenCompose(identity -> processActivity(identity, activity, callback));
    }

    /**
     * Checks the request now (any failure: {@link AuthenticationException}, so the servlet can answer 401), and
     * returns the turn to run later with the checked identity: Teams gets its 202 before the bot does any work.
     */
    public Runnable authenticatedTurn(String authHeader, Activity activity, com.microsoft.bot.builder.Bot bot) {
        ClaimsIdentity identity;
        try {
            identity = authenticate(authHeader, activity).join();
        } catch (java.util.concurrent.CompletionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw cause instanceof AuthenticationException a ? a : new AuthenticationException("Invalid token", cause);
        }
        return () -> processActivity(identity, activity, bot::onTurn).join();
    }

    private CompletableFuture<ClaimsIdentity> authenticate(String authHeader, Activity activity) {
        if (settings.mode() == TeamsSettings.Mode.AUTHENTICATED && (authHeader == null || authHeader.isBlank())) {
            return CompletableFuture.failedFuture(new AuthenticationException("No Authorization header"));
        }
        CompletableFuture<ClaimsIdentity> checked;
        try {
            checked = JwtTokenValidation.authenticateRequest(activity, authHeader, credentials, channel, authConfig);
        } catch (RuntimeException e) { // the SDK throws, rather than fails the future, on an undecodable token
            checked = CompletableFuture.failedFuture(e);
        }
        return checked.handle((identity, error) -> {
            if (error == null && settings.mode() == TeamsSettings.Mode.AUTHENTICATED
                    && !Channels.MSTEAMS.equals(activity.getChannelId())) {
                // Web Chat and Direct Line (on by default for an Azure Bot) let clients choose their user id.
                throw new AuthenticationException("Only Microsoft Teams is served; refused channel " + activity.getChannelId());
            }
            if (error != null) {
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                throw cause instanceof AuthenticationException a ? a : new AuthenticationException("Invalid token", cause);
            }
            if (identity == null) throw new AuthenticationException("No identity");
            return identity;
        });
    }

    @Override
    protected CompletableFuture<AppCredentials> buildAppCredentials(String appId, String scope) {
        if (settings.mode() != TeamsSettings.Mode.AUTHENTICATED) { // insecure-local: the Emulator wants no token
            return CompletableFuture.completedFuture(MicrosoftAppCredentials.empty());
        }
        return CompletableFuture.completedFuture(outboundCredentials.apply(appId, scope));
    }
}
