package org.tracelab.core.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Wallet addresses. The valid ones are published test vectors and documentation examples, not anyone's wallet in a
 * case: BIP-173 and BIP-350 vectors (bech32/bech32m), the Bitcoin wiki's P2PKH/P2SH examples, the EIP-55
 * specification's examples, and two widely documented TRON addresses (the USDT contract and a TRON docs example).
 */
class WalletFinderTest {

    private final WalletFinder w = new WalletFinder();

    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", EntityType.BTC, "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"),
                Arguments.of("3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", EntityType.BTC, "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy"),
                Arguments.of("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", EntityType.BTC,
                        "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"),
                Arguments.of("BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4", EntityType.BTC,
                        "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"),
                Arguments.of("bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3", EntityType.BTC,
                        "bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3"),
                Arguments.of("bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0", EntityType.BTC,
                        "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0"),
                Arguments.of("bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kt5nd6y", EntityType.BTC,
                        "bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kt5nd6y"),
                Arguments.of("BC1SW50QGDZ25J", EntityType.BTC, "bc1sw50qgdz25j"),
                Arguments.of("bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs", EntityType.BTC, "bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs"),
                Arguments.of("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", EntityType.ETH,
                        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"),
                Arguments.of("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359", EntityType.ETH,
                        "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359"),
                Arguments.of("0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB", EntityType.ETH,
                        "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB"),
                Arguments.of("0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb", EntityType.ETH,
                        "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb"),
                Arguments.of("0x52908400098527886E0F7030069857D2E4169EE7", EntityType.ETH,
                        "0x52908400098527886E0F7030069857D2E4169EE7"),
                // one case throughout carries no checksum: accepted, value in checksum case
                Arguments.of("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", EntityType.ETH,
                        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"),
                Arguments.of("0x5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED", EntityType.ETH,
                        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"),
                Arguments.of("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", EntityType.TRON, "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"),
                Arguments.of("TNPeeaaFB7K9cmo4uQpcU32zGK8G1NYqeL", EntityType.TRON, "TNPeeaaFB7K9cmo4uQpcU32zGK8G1NYqeL"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void acceptsValid(String address, EntityType type, String value) {
        String text = "USDT/BTC: " + address + ", rahmat";
        List<Entity> found = w.find(text);
        assertEquals(1, found.size(), found::toString);
        Entity e = found.get(0);
        assertEquals(type, e.type());
        assertEquals(value, e.value());
        assertEquals(address, e.raw());
        assertEquals(text.indexOf(address), e.start());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb",                             // last char changed
        "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLz",
        "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5",                     // bad bech32 checksum
        "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh",                     // v0 with a bech32m checksum
        "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd", // v1 with a bech32 checksum
        "BC1S0XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ54WELL",
        "bc1Qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",                     // mixed case
        "tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx",                     // testnet
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD",                     // EIP-55 case broken
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe",                      // 39 hex digits
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed00",                   // 42
        "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u",                             // TRON checksum broken
        "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfN",                              // truncated
        "TxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxX",
        "1111111111111111111111111111111111",
        "Tell me about Tashkent Uzbekistan job",
    })
    void rejectsInvalid(String address) {
        List<Entity> found = w.find("pay to " + address + " now");
        assertTrue(found.isEmpty(), () -> address + " should not pass: " + found);
    }

    @Test
    void keccakMatchesKnownDigests() {
        assertEquals("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470",
                HexFormat.of().formatHex(Keccak256.hash(new byte[0])));
        assertEquals("4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45",
                HexFormat.of().formatHex(Keccak256.hash("abc".getBytes(StandardCharsets.US_ASCII))));
        // longer than one 136-byte block
        byte[] big = new byte[300];
        assertEquals(32, Keccak256.hash(big).length);
    }

    @Test
    void addressInsideAWordIsNotAnAddress() {
        assertTrue(w.find("x1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa").isEmpty());
        assertTrue(w.find("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAedz").isEmpty());
    }
}
