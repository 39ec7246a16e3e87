package dev.ecabot.approval;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The SHA-256 of a request's canonical content (every field length-prefixed, settings sorted by label), in hex.
 * Two requests that differ in anything an approver sees have different fingerprints.
 */
final class Fingerprint {

    private Fingerprint() {
    }

    static String of(ApprovalDraft d) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            field(sha, "ecabot-approval-v1");
            field(sha, d.purpose().name());
            field(sha, d.org());
            field(sha, d.playbook());
            field(sha, d.apiName() == null ? "" : d.apiName());
            field(sha, d.requester().toString());
            field(sha, d.reason());
            for (Map.Entry<String, String> s : new TreeMap<>(d.settings()).entrySet()) {
                field(sha, s.getKey());
                field(sha, s.getValue() == null ? "" : s.getValue());
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable in this JVM", e);
        }
    }

    private static void field(MessageDigest sha, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        sha.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        sha.update(bytes);
    }
}
