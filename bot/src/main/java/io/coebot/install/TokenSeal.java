package io.coebot.install;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Seals a workspace's bot token before it is stored, and opens it when a call needs it: AES-256-GCM with the key in
 * {@value #KEY_SETTING}, a fresh random 12-byte IV per value (stored in front of the ciphertext) and the workspace as
 * associated data, so a sealed token copied onto another workspace's row does not open. The key never leaves this
 * class; no message or exception here carries it or a token.
 */
public final class TokenSeal {
    static final String KEY_SETTING = "COE_SECRET_KEY";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    private TokenSeal(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /** The seal for {@code base64Key}; {@link #problemWith} says what is wrong with one that does not do. */
    static TokenSeal of(String base64Key) {
        problemWith(base64Key).ifPresent(problem -> {
            throw new IllegalStateException(problem);
        });
        return new TokenSeal(Base64.getDecoder().decode(base64Key.strip()));
    }

    /**
     * Why {@code base64Key} cannot be the key, in words an operator can act on (never quoting the value); empty when it
     * can. Public so that start-up can refuse before anything else runs (StartupChoice).
     */
    public static Optional<String> problemWith(String base64Key) {
        String how = " Make one with: openssl rand -base64 32";
        if (base64Key == null || base64Key.isBlank()) {
            return Optional.of(KEY_SETTING + " is not set. Installing through \"Add to Slack\" (SLACK_CLIENT_ID and "
                    + "SLACK_CLIENT_SECRET are set) stores each workspace's bot token encrypted with it: set it to 32 "
                    + "random bytes in base64, and keep it (tokens stored with a key cannot be read without it)." + how);
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64Key.strip());
        } catch (IllegalArgumentException e) {
            return Optional.of(KEY_SETTING + " is not base64: it must be 32 random bytes in base64 (44 characters)." + how);
        }
        if (bytes.length != 32) {
            return Optional.of(KEY_SETTING + " decodes to " + bytes.length + " bytes; it must be 32 (an AES-256 key)." + how);
        }
        return Optional.empty();
    }

    byte[] seal(String token, String workspace) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(workspace.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(token.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt a token (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** The token, or empty when it was sealed with another key or for another workspace (or was changed). */
    Optional<String> open(byte[] sealed, String workspace) {
        if (sealed == null || sealed.length <= IV_BYTES) {
            return Optional.empty();
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
            cipher.updateAAD(workspace.getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
            return Optional.of(new String(plain, StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        }
    }
}
