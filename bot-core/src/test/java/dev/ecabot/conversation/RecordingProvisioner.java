package dev.ecabot.conversation;

import dev.ecabot.conversation.dialogue.AppProvisioner;
import dev.ecabot.conversation.dialogue.ProvisionedApp;
import dev.ecabot.conversation.dialogue.ProvisioningFailedException;
import dev.ecabot.conversation.dialogue.ProvisioningOrder;
import dev.ecabot.conversation.dialogue.ProvisioningStep;
import dev.ecabot.vault.Secret;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A stand-in for the provisioning saga in engine tests that are about the conversation, not Salesforce: it
 * walks the steps, records each order, and answers credentials shaped like Salesforce's (a 3MVG9 key), or fails
 * with the message it was told to.
 */
final class RecordingProvisioner implements AppProvisioner {

    static final String SECRET = "8F1D3C5E7A9B2D4F6A8C0E2B4D6F8A0C2E4B6D8F0A2C4E6B8D0F2A4C6E8B0D2F";

    final List<ProvisioningOrder> orders = new CopyOnWriteArrayList<>();
    private volatile String failure;
    private final CountDownLatch hold = new CountDownLatch(1);
    private volatile boolean holdFirst;

    /** The first order stops after "deploying" until the test ends: a bot stopped mid-provisioning. */
    void stallFirstOrder() {
        holdFirst = true;
    }

    void failWith(String message) {
        this.failure = message;
    }

    @Override
    public ProvisionedApp provision(ProvisioningOrder order, Consumer<ProvisioningStep> progress,
                                    SecretHandoff secrets) {
        orders.add(order);
        progress.accept(ProvisioningStep.DEPLOYING);
        if (failure != null) throw new ProvisioningFailedException(failure);
        if (holdFirst && orders.size() == 1) {
            try {
                hold.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("stopped with the bot");
        }
        progress.accept(ProvisioningStep.DEPLOYED);
        progress.accept(ProvisioningStep.READING_CREDENTIALS);
        String key = "3MVG9" + order.spec().apiName() + "_key";
        String apiName = order.spec().apiName();
        ProvisionedApp app = new ProvisionedApp(apiName, key,
                order.deliverSecret() ? secrets.seal(order.requestId(), apiName, key, Secret.of(SECRET)) : null);
        secrets.remind(order.requestId(), apiName, null); // the saga's last step
        return app;
    }
}
