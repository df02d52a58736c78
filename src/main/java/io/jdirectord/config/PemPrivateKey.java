package io.jdirectord.config;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The unencrypted private key of a PEM file: PKCS#8 ({@code BEGIN PRIVATE KEY}), or the older PKCS#1 RSA
 * ({@code BEGIN RSA PRIVATE KEY}) and SEC1 EC ({@code BEGIN EC PRIVATE KEY}) forms, which are read by giving
 * them the PKCS#8 envelope with the algorithm of the certificate the key belongs to.
 */
final class PemPrivateKey {

    /** How an operator turns any other key file into one jdirectord reads. */
    static final String CONVERT = "openssl pkcs8 -topk8 -nocrypt -in KEY -out NEW-KEY converts it";

    private static final Pattern BLOCK =
            Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);

    private PemPrivateKey() {}

    /**
     * @param text        the file's contents
     * @param certificate the public key of the certificate the key belongs to; gives the key's algorithm
     * @throws IllegalArgumentException with why no key could be read, worded to follow the file's name
     */
    static PrivateKey read(String text, PublicKey certificate) {
        Matcher block = BLOCK.matcher(text);
        while (block.find()) {
            String label = block.group(1);
            if (label.endsWith("PRIVATE KEY")) {
                return key(label, block.group(2), certificate);
            }
        }
        throw new IllegalArgumentException(
                "holds no PEM private key (BEGIN PRIVATE KEY, RSA PRIVATE KEY or" + " EC PRIVATE KEY); " + CONVERT);
    }

    private static PrivateKey key(String label, String body, PublicKey certificate) {
        if (label.equals("ENCRYPTED PRIVATE KEY") || body.contains("ENCRYPTED")) {
            throw new IllegalArgumentException("holds an encrypted key, which a daemon cannot unlock; " + CONVERT);
        }
        byte[] der = Base64.getMimeDecoder().decode(withoutHeaders(body));
        String algorithm = certificate.getAlgorithm();
        return switch (label) {
            case "PRIVATE KEY" -> decode(der, algorithm);
            case "RSA PRIVATE KEY" -> decode(legacy(der, "RSA", certificate), algorithm);
            case "EC PRIVATE KEY" -> decode(legacy(der, "EC", certificate), algorithm);
            default ->
                throw new IllegalArgumentException("holds a " + label + ", which jdirectord does not read; " + CONVERT);
        };
    }

    /** Drops RFC 1421 header lines ("Name: value"), which only encrypted legacy keys carry. */
    private static String withoutHeaders(String body) {
        return body.replaceAll("(?m)^[^:\\n]*:.*$", "");
    }

    private static PrivateKey decode(byte[] pkcs8, String algorithm) {
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "holds no " + algorithm + " key like the certificate's (" + e.getMessage() + ")", e);
        }
    }

    /** A PKCS#1 or SEC1 key in the PKCS#8 envelope, with the algorithm identifier of the certificate's key. */
    private static byte[] legacy(byte[] der, String algorithm, PublicKey certificate) {
        if (!certificate.getAlgorithm().equals(algorithm)) {
            throw new IllegalArgumentException(
                    "holds an " + algorithm + " key but the certificate's key is " + certificate.getAlgorithm());
        }
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.writeBytes(new byte[] {0x02, 0x01, 0x00});
        content.writeBytes(algorithmIdentifier(certificate.getEncoded()));
        content.writeBytes(tlv(0x04, der));
        return tlv(0x30, content.toByteArray());
    }

    /** The AlgorithmIdentifier, the first element of a SubjectPublicKeyInfo. */
    private static byte[] algorithmIdentifier(byte[] subjectPublicKeyInfo) {
        int start = 1 + headerLength(subjectPublicKeyInfo, 1);
        int end = start + 1 + headerLength(subjectPublicKeyInfo, start + 1) + length(subjectPublicKeyInfo, start + 1);
        return Arrays.copyOfRange(subjectPublicKeyInfo, start, end);
    }

    /** The bytes of a DER length field at {@code at}. */
    private static int headerLength(byte[] der, int at) {
        int first = der[at] & 0xff;
        return first < 0x80 ? 1 : 1 + (first & 0x7f);
    }

    private static int length(byte[] der, int at) {
        int first = der[at] & 0xff;
        if (first < 0x80) {
            return first;
        }
        int length = 0;
        for (int i = 1; i <= (first & 0x7f); i++) {
            length = (length << 8) | (der[at + i] & 0xff);
        }
        return length;
    }

    private static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = length < 0x100 ? 1 : length < 0x10000 ? 2 : 3;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }
}
