package io.selfheal.emulator.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;
import java.io.IOException;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The CBOR ↔ tree mapping behind Smithy RPC v2 CBOR, byte for byte against the encodings the spec and its protocol
 * tests name (https://smithy.io/2.0/additional-specs/protocols/smithy-rpc-v2.html, smithy-protocol-tests rpcv2Cbor).
 */
class CborTreesTest {
    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    @Test
    void anEmptyBodyAndAnEmptyMapAreBothTheEmptyInput() throws IOException {
        assertThat(CborTrees.readInput(new byte[0])).isEmpty();
        assertThat(CborTrees.readInput(hex("bf ff"))).isEmpty();
        assertThat(CborTrees.readInput(hex("a0"))).isEmpty();
    }

    @Test
    void tag1TimestampsReadAsEpochSecondsAsAwsJsonSendsThem() throws IOException {
        // {"T": 1(1700000000)} and {"T": 1(1700000000.5)} as a double
        ObjectNode whole = CborTrees.readInput(hex("a1 61 54 c1 1a 6553f100"));
        assertThat(whole.get("T").longValue()).isEqualTo(1_700_000_000L);
        ObjectNode fraction = CborTrees.readInput(hex("a1 61 54 c1 fb 41d954fc40200000"));
        assertThat(fraction.get("T").decimalValue().movePointRight(3).longValue()).isEqualTo(1_700_000_000_500L);
    }

    @Test
    void byteStringsBecomeTheBase64TextOfAwsJsonEvenNested() throws IOException {
        // {"B": h'010203', "L": [h'ff']}
        ObjectNode input = CborTrees.readInput(hex("a2 61 42 43 010203 61 4c 81 41 ff"));
        assertThat(input.get("B").textValue()).isEqualTo("AQID");
        assertThat(input.get("L").get(0).textValue()).isEqualTo("/w==");
    }

    @Test
    void halfPrecisionFloatsAndUndefinedAreRead() throws IOException {
        // {"H": 1.5 as float16, "U": undefined}: servers must read both (undefined as null)
        ObjectNode input = CborTrees.readInput(hex("a2 61 48 f9 3e00 61 55 f7"));
        assertThat(input.get("H").doubleValue()).isEqualTo(1.5);
        assertThat(input.get("U") == null || input.get("U").isNull()).as("undefined → null: %s", input).isTrue();
    }

    @Test
    void aBodyThatIsNotAMapIsRefused() {
        assertThatThrownBy(() -> CborTrees.readInput(hex("81 01"))).isInstanceOf(IOException.class)
                .hasMessageContaining("map");
        assertThatThrownBy(() -> CborTrees.readInput(hex("a1 61"))).isInstanceOf(IOException.class);
    }

    @Test
    void timestampsAreWrittenAsTag1IntegersWhenWholeElseDoubles() {
        ObjectNode tree = Json.object();
        tree.set("W", TimestampNode.of(Instant.ofEpochSecond(1_700_000_000L)));
        assertThat(hex(CborTrees.write(tree))).isEqualTo("a1" + "6157" + "c1" + "1a6553f100");
        tree.removeAll().set("F", TimestampNode.of(Instant.ofEpochMilli(1_700_000_000_500L)));
        assertThat(hex(CborTrees.write(tree))).isEqualTo("a1" + "6146" + "c1" + "fb41d954fc40200000");
    }

    @Test
    void numbersAreSmallestIntegersOrDoublesNeverDecimalFractionsAndNullsAreOmitted() throws IOException {
        ObjectNode tree = Json.object().put("I", 1).put("D", 80.5).put("N", (String) null).put("S", "x")
                .put("B", true);
        tree.set("Dec", Json.MAPPER.getNodeFactory().numberNode(new java.math.BigDecimal("0.25")));
        tree.set("Bin", Json.MAPPER.getNodeFactory().binaryNode(new byte[] {1}));
        // {"I": 1, "D": 80.5 (double), "S": "x", "B": true, "Dec": 0.25 (double, not tag 4), "Bin": h'01'}
        assertThat(hex(CborTrees.write(tree))).isEqualTo("a6" + "6149" + "01" + "6144" + "fb4054200000000000"
                + "6153" + "6178" + "6142" + "f5" + "63446563" + "fb3fd0000000000000" + "6342696e" + "4101");
        JsonNode back = Json.MAPPER.valueToTree(CborTrees.readInput(CborTrees.write(tree)));
        assertThat(back.get("I").intValue()).isEqualTo(1);
    }
}
