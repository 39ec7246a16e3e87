package dev.ecabot.conversation.dialogue;

import dev.ecabot.conversation.ChatUser;
import dev.ecabot.provisioning.CredentialsDelivery;
import dev.ecabot.provisioning.ProvisionedCredentials;
import dev.ecabot.provisioning.ProvisioningEvent;
import dev.ecabot.provisioning.ProvisioningException;
import dev.ecabot.provisioning.ProvisioningRequest;
import dev.ecabot.provisioning.ProvisioningResult;
import dev.ecabot.provisioning.ProvisioningSaga;
import dev.ecabot.vault.RevealOffer;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Provisions through the {@link ProvisioningSaga} (deploy, wait, read credentials, record in the inventory, schedule
 * the reminders): the order's request id is the saga's run id, so a repeated order resumes the same run; the saga's
 * credentials delivery seals the secret into the vault at once, and its last step schedules the reminders. Thread-safe.
 */
public final class SagaProvisioner implements AppProvisioner {

    private final ProvisioningSaga saga;

    public SagaProvisioner(ProvisioningSaga saga) {
        this.saga = saga;
    }

    @Override
    public ProvisionedApp provision(ProvisioningOrder order, Consumer<ProvisioningStep> progress,
                                    SecretHandoff secrets) {
        ProvisioningRequest request = new ProvisioningRequest(order.requestId(), order.org(), order.spec(),
                order.playbookId(), order.vendor(), order.requester().key(), order.approvedBy(), order.deliverSecret(), false);
        AtomicReference<RevealOffer> offer = new AtomicReference<>();
        CredentialsDelivery sealInVault = new CredentialsDelivery() {
            @Override
            public void deliver(ProvisionedCredentials credentials) {
                credentials.consumerSecret().ifPresent(secret -> offer.set(secrets.seal(credentials.runId(),
                        credentials.apiName(), credentials.consumerKey(), secret)));
            }

            @Override
            public boolean holds(String runId) {
                return secrets.holds(runId);
            }
        };
        try {
            ProvisioningResult result = saga.run(request, sealInVault,
                    (runId, app) -> secrets.remind(runId, app.apiName(), app.createdAt()),
                    event -> stepOf(event.stage(), progress));
            return new ProvisionedApp(result.app().apiName(), result.consumerKey(), offer.get(), result.app().createdAt());
        } catch (ProvisioningException e) {
            throw new ProvisioningFailedException(e.getMessage(), e, e.resumable());
        }
    }

    /** The saga's update path: the same run as {@code ecabot provision --update}, delivering no secret. */
    @Override
    public ProvisionedApp update(ProvisioningOrder order, Consumer<ProvisioningStep> progress) {
        ProvisioningRequest request = new ProvisioningRequest(order.requestId(), order.org(), order.spec(),
                order.playbookId(), order.vendor(), order.requester().key(), order.approvedBy(), false, true);
        CredentialsDelivery keyStays = new CredentialsDelivery() {
            @Override
            public void deliver(ProvisionedCredentials credentials) {
                // an update changes settings only: the consumer key and secret stay with whoever holds them
            }

            @Override
            public boolean holds(String runId) {
                return false;
            }
        };
        try {
            ProvisioningResult result = saga.run(request, keyStays, event -> stepOf(event.stage(), progress));
            return new ProvisionedApp(result.app().apiName(), result.consumerKey(), null, result.app().createdAt());
        } catch (ProvisioningException e) {
            throw new ProvisioningFailedException(e.getMessage(), e, e.resumable());
        }
    }

    @Override
    public Optional<String> reserveName(String requestId, String org, String apiName, ChatUser requester) {
        return saga.reserveName(requestId, org, apiName, requester.key());
    }

    private static void stepOf(ProvisioningEvent.Stage stage, Consumer<ProvisioningStep> progress) {
        switch (stage) {
            case CHECKING_EXISTING, DEPLOYING -> progress.accept(ProvisioningStep.DEPLOYING);
            case REUSING_EXISTING, DEPLOYED -> progress.accept(ProvisioningStep.DEPLOYED);
            case READING_CREDENTIALS -> progress.accept(ProvisioningStep.READING_CREDENTIALS);
            default -> { } // deploy progress, delivery, recording and the end show no separate step
        }
    }
}
