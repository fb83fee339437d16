package org.tracelab.core.entities;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds cryptocurrency addresses and keeps only those whose checksum holds: Bitcoin base58check P2PKH ({@code 1…}) and
 * P2SH ({@code 3…}), Bitcoin segwit bech32 ({@code bc1q…}) and bech32m ({@code bc1p…}), Ethereum {@code 0x} + 40 hex
 * (EIP-55 checksum when mixed case), and TRON base58check with version byte 0x41 ({@code T…}). Stateless.
 */
final class WalletFinder {

    private static final String B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final String BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static final int BECH32_CONST = 1;
    private static final int BECH32M_CONST = 0x2bc830a3;

    private static final Pattern CANDIDATE = Pattern.compile(
            "(?<![A-Za-z0-9])(?:"
                    + "(?<b58>[13T][1-9A-HJ-NP-Za-km-z]{24,34})"
                    + "|(?<bech>(?:bc1|BC1)[qpzry9x8gf2tvdw0s3jn54khce6mua7lQPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{8,87})"
                    + "|(?<eth>0[xX][0-9a-fA-F]{40})"
                    + ")(?![A-Za-z0-9])");

    List<Entity> find(String text) {
        List<Entity> out = new ArrayList<>();
        Matcher m = CANDIDATE.matcher(text);
        int n = text.length();
        int i = 0;
        while (i < n) {
            // only words of 14+ ASCII letters and digits can be addresses: find them without the regex
            if (!isAsciiAlnum(text.charAt(i))) {
                i++;
                continue;
            }
            int j = i;
            while (j < n && isAsciiAlnum(text.charAt(j))) {
                j++;
            }
            int from = i;
            i = j;
            if (j - from < 14 || !m.region(from, j).useTransparentBounds(true).matches()) {
                continue;
            }
            String s = m.group();
            EntityType type = null;
            String value = s;
            if (m.group("b58") != null) {
                byte[] payload = base58check(s);
                if (payload != null && payload.length == 21) {
                    int version = payload[0] & 0xFF;
                    if ((version == 0x00 && s.charAt(0) == '1') || (version == 0x05 && s.charAt(0) == '3')) {
                        type = EntityType.BTC;
                    } else if (version == 0x41 && s.charAt(0) == 'T') {
                        type = EntityType.TRON;
                    }
                }
            } else if (m.group("bech") != null) {
                if (isSegwitAddress(s, "bc")) {
                    type = EntityType.BTC;
                    value = s.toLowerCase(Locale.ROOT);
                }
            } else {
                String hex = s.substring(2);
                String checksummed = eip55(hex);
                boolean oneCase = hex.equals(hex.toLowerCase(Locale.ROOT)) || hex.equals(hex.toUpperCase(Locale.ROOT));
                if (oneCase || checksummed.equals("0x" + hex)) {
                    type = EntityType.ETH;
                    value = checksummed;
                }
            }
            if (type != null) {
                out.add(Entity.of(type, value, text, m.start(), m.end(), false));
            }
        }
        return out;
    }

    private static boolean isAsciiAlnum(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** The payload (version byte + hash) of a base58check string whose checksum holds, or null. */
    static byte[] base58check(String s) {
        BigInteger v = BigInteger.ZERO;
        BigInteger base = BigInteger.valueOf(58);
        int zeros = 0;
        while (zeros < s.length() && s.charAt(zeros) == '1') {
            zeros++;
        }
        for (int i = 0; i < s.length(); i++) {
            int d = B58.indexOf(s.charAt(i));
            if (d < 0) {
                return null;
            }
            v = v.multiply(base).add(BigInteger.valueOf(d));
        }
        byte[] mag = v.toByteArray();
        int skip = mag.length > 1 && mag[0] == 0 ? 1 : 0;
        if (v.signum() == 0) {
            skip = mag.length;
        }
        byte[] bytes = new byte[zeros + mag.length - skip];
        System.arraycopy(mag, skip, bytes, zeros, mag.length - skip);
        if (bytes.length < 5) {
            return null;
        }
        byte[] payload = Arrays.copyOf(bytes, bytes.length - 4);
        byte[] check = sha256(sha256(payload));
        for (int i = 0; i < 4; i++) {
            if (check[i] != bytes[payload.length + i]) {
                return null;
            }
        }
        return payload;
    }

    /** Whether {@code s} is a valid segwit address (BIP-173 bech32 for v0, BIP-350 bech32m for v1+) with that hrp. */
    static boolean isSegwitAddress(String s, String hrp) {
        if (s.length() > 90 || (!s.equals(s.toLowerCase(Locale.ROOT)) && !s.equals(s.toUpperCase(Locale.ROOT)))) {
            return false;
        }
        String lower = s.toLowerCase(Locale.ROOT);
        int sep = lower.lastIndexOf('1');
        if (sep < 1 || !lower.substring(0, sep).equals(hrp) || lower.length() - sep - 1 < 7) {
            return false;
        }
        int[] data = new int[lower.length() - sep - 1];
        for (int i = 0; i < data.length; i++) {
            data[i] = BECH32.indexOf(lower.charAt(sep + 1 + i));
            if (data[i] < 0) {
                return false;
            }
        }
        int[] values = new int[hrp.length() * 2 + 1 + data.length];
        for (int i = 0; i < hrp.length(); i++) {
            values[i] = hrp.charAt(i) >> 5;
            values[hrp.length() + 1 + i] = hrp.charAt(i) & 31;
        }
        System.arraycopy(data, 0, values, hrp.length() * 2 + 1, data.length);
        int check = polymod(values);
        int version = data[0];
        if (version > 16 || (version == 0 && check != BECH32_CONST) || (version != 0 && check != BECH32M_CONST)) {
            return false;
        }
        int programLength = convertedLength(data, 1, data.length - 6);
        if (programLength < 0 || programLength < 2 || programLength > 40) {
            return false;
        }
        return version != 0 || programLength == 20 || programLength == 32;
    }

    private static int polymod(int[] values) {
        int[] gen = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
        int chk = 1;
        for (int v : values) {
            int b = chk >>> 25;
            chk = ((chk & 0x1ffffff) << 5) ^ v;
            for (int i = 0; i < 5; i++) {
                if (((b >>> i) & 1) != 0) {
                    chk ^= gen[i];
                }
            }
        }
        return chk;
    }

    /** Bytes of 5-bit groups {@code data[from, to)} regrouped as 8-bit, or -1 if the padding is not canonical. */
    private static int convertedLength(int[] data, int from, int to) {
        int acc = 0;
        int bits = 0;
        int n = 0;
        for (int i = from; i < to; i++) {
            acc = (acc << 5) | data[i];
            bits += 5;
            while (bits >= 8) {
                bits -= 8;
                n++;
            }
        }
        if (bits >= 5 || ((acc << (8 - bits)) & 0xFF) != 0) {
            return -1;
        }
        return n;
    }

    /** {@code 0x} + the 40 hex digits in EIP-55 mixed-case checksum form. */
    static String eip55(String hex) {
        String lower = hex.toLowerCase(Locale.ROOT);
        byte[] h = Keccak256.hash(lower.getBytes(StandardCharsets.US_ASCII));
        StringBuilder b = new StringBuilder("0x");
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            int nibble = (h[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xF;
            b.append(c >= 'a' && nibble >= 8 ? Character.toUpperCase(c) : c);
        }
        return b.toString();
    }

    private static byte[] sha256(byte[] in) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(in);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
