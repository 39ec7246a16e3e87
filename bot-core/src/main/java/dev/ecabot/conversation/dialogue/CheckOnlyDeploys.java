package dev.ecabot.conversation.dialogue;

import dev.ecabot.conversation.Replies;
import dev.ecabot.conversation.message.TextMessage;
import dev.ecabot.eca.EcaMetadataWriter;
import dev.ecabot.eca.EcaSpec;
import dev.ecabot.eca.MetadataFormat;
import dev.ecabot.salesforce.DeployFailedException;
import dev.ecabot.salesforce.DeployOptions;
import dev.ecabot.salesforce.DeployProgressListener;
import dev.ecabot.salesforce.DeployResult;
import dev.ecabot.salesforce.OrgClients;
import dev.ecabot.salesforce.SalesforceClient;
import dev.ecabot.salesforce.SalesforceException;

import java.util.concurrent.Executor;

/**
 * {@link DryRuns} as a checkOnly deploy of the same package a real deploy sends, through the org's client. A refusal
 * comes back with Salesforce's words per component; an unreachable org is said. Nothing is saved in the org either
 * way, so a repeated or interrupted dry run needs no cleanup. Thread-safe.
 */
public final class CheckOnlyDeploys implements DryRuns {

    private final OrgClients clients;
    private final Executor background;

    public CheckOnlyDeploys(OrgClients clients, Executor background) {
        this.clients = clients;
        this.background = background;
    }

    @Override
    public void start(String org, EcaSpec spec, Replies replies, NextSteps next) {
        replies.say(("Running a dry run in org '" + org + "' (a checkOnly deploy: Salesforce validates " + spec.apiName()
                + " and saves nothing); I will post the result here. " + next.whileRunning()).strip());
        background.execute(() -> replies.send(outcome(org, spec, next)));
    }

    private TextMessage outcome(String org, EcaSpec spec, NextSteps next) {
        try {
            SalesforceClient client = clients.forOrg(org);
            byte[] zip = new EcaMetadataWriter(client.org().apiVersion(), MetadataFormat.METADATA_API).writeZip(spec);
            DeployResult result = client.metadata().deploy(zip, DeployOptions.dryRun(), DeployProgressListener.NONE);
            return TextMessage.info("Dry run in org '" + org + "' passed: Salesforce would accept all " + result.componentsTotal()
                    + " components of " + spec.apiName() + ". Nothing was saved; " + next.afterPass());
        } catch (DeployFailedException e) {
            return TextMessage.warning("Dry run in org '" + org + "' failed; nothing was saved. " + e.getMessage()
                    + " " + next.afterFailure());
        } catch (SalesforceException e) {
            return TextMessage.warning("I could not run the dry run in org '" + org + "' (" + e.getMessage() + "). Nothing was saved; a real"
                    + " deploy is validated the same way.");
        }
    }
}
