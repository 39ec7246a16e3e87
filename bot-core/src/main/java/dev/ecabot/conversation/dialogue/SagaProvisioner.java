package dev.ecabot.conversation.dialogue;

import dev.ecabot.provisioning.ProvisioningEvent;
import dev.ecabot.provisioning.ProvisioningException;
import dev.ecabot.provisioning.ProvisioningRequest;
import dev.ecabot.provisioning.ProvisioningResult;
import dev.ecabot.provisioning.ProvisioningSaga;
import dev.ecabot.vault.RevealOffer;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Provisions through the {@link ProvisioningSaga} (deploy, wait, read credentials, record in the inventory): the
 * order's request id is the saga's run id, so a repeated order resumes the same run; the saga's credentials
 * delivery seals the secret into the vault at once. Thread-safe.
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
        try {
            ProvisioningResult result = saga.run(request,
                    credentials -> credentials.consumerSecret().ifPresent(secret -> offer.set(
                            secrets.seal(credentials.apiName(), credentials.consumerKey(), secret))),
                    event -> stepOf(event.stage(), progress));
            return new ProvisionedApp(result.app().apiName(), result.consumerKey(), offer.get());
        } catch (ProvisioningException e) {
            throw new ProvisioningFailedException(e.getMessage(), e);
        }
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
