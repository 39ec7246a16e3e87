package dev.ecabot.conversation;

import dev.ecabot.access.ChatUserRef;
import dev.ecabot.eca.EcaSpec;
import dev.ecabot.provisioning.AppProvisioner;
import dev.ecabot.provisioning.AppReminders;
import dev.ecabot.provisioning.CredentialsDelivery;
import dev.ecabot.provisioning.ProvisionedCredentials;
import dev.ecabot.provisioning.ProvisioningEvent;
import dev.ecabot.provisioning.ProvisioningEvent.Stage;
import dev.ecabot.provisioning.ProvisioningException;
import dev.ecabot.provisioning.ProvisioningListener;
import dev.ecabot.provisioning.ProvisioningRequest;
import dev.ecabot.provisioning.ProvisioningResult;
import dev.ecabot.vault.Secret;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for the provisioning saga in engine tests that are about the conversation, not Salesforce: it
 * walks the steps (the secret handed to the delivery, then the reminders), records each request, and answers
 * credentials shaped like Salesforce's (a 3MVG9 key), or fails with the message it was told to.
 */
final class RecordingProvisioner implements AppProvisioner {

    static final String SECRET = "8F1D3C5E7A9B2D4F6A8C0E2B4D6F8A0C2E4B6D8F0A2C4E6B8D0F2A4C6E8B0D2F";

    /** A request as the test reads it: its id, org, settings and who asked. */
    record Order(String requestId, String org, EcaSpec spec, ChatUserRef requester) {
    }

    final List<Order> orders = new CopyOnWriteArrayList<>();
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
    public ProvisioningResult provision(ProvisioningRequest request, CredentialsDelivery delivery,
                                        AppReminders reminders, ProvisioningListener progress) {
        orders.add(new Order(request.runId(), request.org(), request.spec(), request.requester().chatUser().orElseThrow()));
        progress.on(new ProvisioningEvent(request.runId(), Stage.DEPLOYING, "Deploying"));
        if (failure != null) throw new ProvisioningException(failure, false, null);
        if (holdFirst && orders.size() == 1) {
            try {
                hold.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("stopped with the bot");
        }
        progress.on(new ProvisioningEvent(request.runId(), Stage.DEPLOYED, "Deployed"));
        progress.on(new ProvisioningEvent(request.runId(), Stage.READING_CREDENTIALS, "Reading the credentials"));
        String apiName = request.spec().apiName();
        String key = "3MVG9" + apiName + "_key";
        if (!delivery.holds(request.runId())) {
            delivery.deliver(new ProvisionedCredentials(request.runId(), request.org(), apiName, request.requester(), key,
                    request.deliverSecret() ? Optional.of(Secret.of(SECRET)) : Optional.empty()));
        }
        ProvisioningResult result = ProvisioningResult.made(request, key, Instant.now());
        reminders.schedule(request.runId(), result.app());
        return result;
    }
}
