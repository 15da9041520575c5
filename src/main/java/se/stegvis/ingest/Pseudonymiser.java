package se.stegvis.ingest;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * Turns a normalised 12-digit personnummer into a person_id: hex HMAC-SHA256 under the project's
 * secret key. The same person gets the same id in every import with the same key; without the key
 * the id cannot be linked back to the number. Not thread-safe (one per import).
 */
public final class Pseudonymiser {

    private final Mac mac;

    public Pseudonymiser(PseudonymKey key) {
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.bytes(), "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this Java runtime", e);
        }
    }

    /** HMAC-SHA256(key, twelveDigits) in lower-case hex (64 characters). */
    public String personId(String twelveDigits) {
        return HexFormat.of().formatHex(mac.doFinal(twelveDigits.getBytes(StandardCharsets.US_ASCII)));
    }
}
