package dev.ecabot.reminders;

import org.quartz.spi.InstanceIdGenerator;

import java.net.InetAddress;
import java.util.UUID;

/**
 * Quartz instance ids for a cluster: host name plus a random suffix, unique even for two schedulers started
 * in the same millisecond on one host (Quartz's default uses host + start time).
 */
public final class NodeInstanceIdGenerator implements InstanceIdGenerator {

    @Override
    public String generateInstanceId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "host";
        }
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
