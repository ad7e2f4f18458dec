package dev.ccbridge.fake;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Short deterministic ids of letters and digits. */
final class Base62 {
    private static final String DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private Base62() {}

    static String of(String seed, int length) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            BigInteger value = new BigInteger(1, hash);
            var out = new StringBuilder();
            BigInteger base = BigInteger.valueOf(62);
            while (out.length() < length) {
                BigInteger[] division = value.divideAndRemainder(base);
                out.append(DIGITS.charAt(division[1].intValue()));
                value = division[0];
            }
            return out.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
