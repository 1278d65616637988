package dev.pacer.secrets.store;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Envelope encryption with AES-256-GCM. Each value gets its own random data key (DEK); the value is
 * encrypted under the DEK, the DEK under the active key-encryption key (KEK) of the {@link Keyring}.
 * Stored form: {@code <kek version>:<base64 iv|wrapped DEK>:<base64 iv|ciphertext>}. The secret's path
 * is the additional authenticated data of both, so an envelope copied to another secret does not
 * decrypt. Re-wrapping (key rotation) re-encrypts only the DEK.
 */
public final class EnvelopeCipher {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Base64.Encoder B64 = Base64.getEncoder();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private final Keyring keyring;
    private final SecureRandom random = new SecureRandom();

    public EnvelopeCipher(Keyring keyring) {
        this.keyring = keyring;
    }

    public String encrypt(String path, String value) {
        byte[] dek = new byte[32];
        random.nextBytes(dek);
        try {
            byte[] payload = seal(new SecretKeySpec(dek, "AES"), value.getBytes(StandardCharsets.UTF_8), path);
            byte[] wrapped = seal(keyring.active(), dek, path);
            return keyring.activeVersion() + ":" + B64.encodeToString(wrapped) + ":" + B64.encodeToString(payload);
        } finally {
            Arrays.fill(dek, (byte) 0);
        }
    }

    public String decrypt(String path, String envelope) {
        String[] parts = parts(envelope);
        byte[] dek = open(keyring.version(parts[0]), B64D.decode(parts[1]), path);
        try {
            return new String(open(new SecretKeySpec(dek, "AES"), B64D.decode(parts[2]), path), StandardCharsets.UTF_8);
        } finally {
            Arrays.fill(dek, (byte) 0);
        }
    }

    /** The KEK version an envelope is wrapped under. */
    public static String keyVersion(String envelope) {
        return parts(envelope)[0];
    }

    /** The same envelope with its DEK wrapped under the active KEK (the ciphertext is unchanged). */
    public String rewrap(String path, String envelope) {
        String[] parts = parts(envelope);
        if (parts[0].equals(keyring.activeVersion())) {
            return envelope;
        }
        byte[] dek = open(keyring.version(parts[0]), B64D.decode(parts[1]), path);
        try {
            return keyring.activeVersion() + ":" + B64.encodeToString(seal(keyring.active(), dek, path)) + ":" + parts[2];
        } finally {
            Arrays.fill(dek, (byte) 0);
        }
    }

    public String activeVersion() {
        return keyring.activeVersion();
    }

    private static String[] parts(String envelope) {
        String[] parts = envelope == null ? new String[0] : envelope.split(":", -1);
        if (parts.length != 3) {
            throw new SecretBackendException("stored envelope is malformed");
        }
        return parts;
    }

    private byte[] seal(SecretKey key, byte[] plain, String aad) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            byte[] out = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, out, 0, IV_BYTES);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new SecretBackendException("encryption failed: " + e.getClass().getSimpleName());
        }
    }

    private static byte[] open(SecretKey key, byte[] sealed, String aad) {
        if (sealed.length < IV_BYTES + TAG_BITS / 8) {
            throw new SecretBackendException("stored envelope is malformed");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
            cipher.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new SecretBackendException("decryption failed (wrong key or tampered value)");
        }
    }
}
