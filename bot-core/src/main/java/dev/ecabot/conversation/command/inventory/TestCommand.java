package dev.ecabot.conversation.command.inventory;

import dev.ecabot.audit.AuditEvent;
import dev.ecabot.audit.AuditKind;
import dev.ecabot.audit.AuditTrail;
import dev.ecabot.duration.HumanTime;
import dev.ecabot.conversation.Replies;
import dev.ecabot.conversation.command.ChatCommand;
import dev.ecabot.conversation.command.CommandCall;
import dev.ecabot.eca.EcaSpec;
import dev.ecabot.inventory.AppStatus;
import dev.ecabot.inventory.InventoryApp;
import dev.ecabot.inventory.SettingsJson;
import dev.ecabot.salesforce.ClientCredentialsTrial;
import dev.ecabot.salesforce.OrgClients;
import dev.ecabot.salesforce.OrgReadiness;
import dev.ecabot.salesforce.SalesforceClient;
import dev.ecabot.salesforce.SalesforceException;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * {@code test <api-name> [org]}: the optional "test it" step of a client credentials app. The bot reads the app's
 * consumer key and secret from the org and requests a token as its run-as user at the org's token endpoint, as the
 * vendor's integration will, then says whether Salesforce issued one or exactly why not (not usable yet, no run-as
 * user, ...), with the run-as user's API Only advice. The token and the secret are never kept, logged or shown.
 * Audited. Admins only: it uses the app's secret.
 */
public final class TestCommand implements ChatCommand {

    private final OrgClients orgs;
    private final AppLookup apps;
    private final OrgWork work;
    private final AuditTrail audit;
    private final Clock clock;

    public TestCommand(OrgClients orgs, AppLookup apps, OrgWork work, AuditTrail audit, Clock clock) {
        this.orgs = orgs;
        this.apps = apps;
        this.work = work;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "test";
    }

    @Override
    public String usage() {
        return "test <api-name> [org]";
    }

    @Override
    public String summary() {
        return "request a client credentials token as an app's run-as user, to see it works (the token is not kept)";
    }

    @Override
    public void run(CommandCall call) {
        apps.find("test", call.words(), "Acme_Sync", "", call.replies()).ifPresent(app -> test(call, app));
    }

    private void test(CommandCall call, InventoryApp app) {
        if (app.status() == AppStatus.DELETED || app.status() == AppStatus.MISSING) {
            call.replies().warn(app.apiName() + " in " + app.org() + " is " + app.status().label().toLowerCase(Locale.ROOT)
                    + ", so there is nothing to test.");
            return;
        }
        EcaSpec spec = SettingsJson.read(app.settingsJson());
        String runAs = spec.policies().clientCredentialsFlowUser();
        if (!spec.usesClientCredentials()) {
            call.replies().say(app.apiName() + " does not use the client credentials flow, so there is no token I could"
                    + " request on its own. Test it by signing in through the integration.");
            return;
        }
        var by = call.event().user().ref();
        work.run("Requesting a client credentials token for " + app.apiName() + " in " + app.org() + " as its run-as user "
                + runAs + ", as the integration will; I keep and show no token.", call.replies(), () -> {
            SalesforceClient client = orgs.forOrg(app.org());
            ClientCredentialsTrial.Outcome outcome = client.clientCredentialsTrial().run(app.apiName());
            audit.record(AuditEvent.of(clock.instant(), AuditKind.CREDENTIALS_TEST, by, app.org(), app.apiName(),
                    outcome.issued() ? "client credentials token issued (not kept)" : "client credentials token refused: "
                            + outcome.refusal()));
            report(call.replies(), app, runAs, outcome, client);
        });
    }

    private void report(Replies replies, InventoryApp app, String runAs, ClientCredentialsTrial.Outcome outcome,
                        SalesforceClient client) {
        String advice = runAsAdvice(client, runAs);
        if (outcome.issued()) {
            replies.say("It works: Salesforce issued a client credentials token for " + app.apiName() + " as " + runAs
                    + " at " + outcome.endpoint() + ". I did not keep or show the token." + advice);
            return;
        }
        replies.warn("Salesforce refused the client credentials token for " + app.apiName() + " ("
                + outcome.refusal() + "). " + reason(app, outcome) + advice);
    }

    /** What a refusal means for this app, and what to do. */
    private String reason(InventoryApp app, ClientCredentialsTrial.Outcome outcome) {
        String description = outcome.description() == null ? "" : outcome.description().toLowerCase(Locale.ROOT);
        if (outcome.error().equals("invalid_client_id")) {
            Duration age = Duration.between(app.createdAt(), clock.instant());
            return "The app is not usable yet: Salesforce does not know its consumer key yet. A new app can take up to 30"
                    + " minutes to become usable (" + app.apiName() + " was made " + HumanTime.duration(age.isNegative()
                    ? Duration.ZERO : age) + " ago); say \"test " + app.apiName() + " " + app.org() + "\" again later.";
        }
        if (description.contains("no client credentials user enabled")) {
            return "The app has no run-as user Salesforce accepts: in Setup > External Client App Manager > "
                    + app.apiName() + " > Policies, enable the Client Credentials Flow and set Run As to an active user.";
        }
        if (description.contains("not supported on this domain")) {
            return "Client credentials requests must go to the org's My Domain URL, not a login host.";
        }
        if (outcome.error().equals("invalid_client")) {
            return "The consumer secret was refused: if the app's credentials were rotated, the integration needs the new"
                    + " pair (\"show " + app.apiName() + "\").";
        }
        return "That is Salesforce's reason, in its words.";
    }

    /** The run-as user's API Only advice (or that it is inactive or gone), when the org can say. */
    private static String runAsAdvice(SalesforceClient client, String runAs) {
        try {
            List<OrgReadiness.Finding> findings = client.readiness().runAsUser(runAs);
            return findings.isEmpty() ? "" : " " + String.join(" ", findings.stream().map(OrgReadiness.Finding::text).toList());
        } catch (SalesforceException e) {
            return "";
        }
    }
}
