package dev.ecabot.provisioning;

/** Hears a provisioning run's progress (e.g. to edit a chat message in place). Called on the run's thread. */
@FunctionalInterface
public interface ProvisioningListener {

    ProvisioningListener NONE = event -> { };

    void on(ProvisioningEvent event);
}
