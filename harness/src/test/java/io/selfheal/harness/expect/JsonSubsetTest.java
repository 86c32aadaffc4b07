package io.selfheal.harness.expect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class JsonSubsetTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void nestedFieldsMatchWhenPresentWithEqualValues() throws Exception {
        String body = "{\"detail\":{\"eventName\":\"AuthorizeSecurityGroupIngress\",\"port\":22},\"x\":[1,2,3]}";
        assertThat(JsonSubset.bodyContains(body, json("{\"detail\":{\"port\":22.0}}"))).isTrue();
        assertThat(JsonSubset.bodyContains(body, json("{\"x\":[3,1]}"))).isTrue();
        assertThat(JsonSubset.bodyContains(body, json("{\"detail\":{\"port\":23}}"))).isFalse();
        assertThat(JsonSubset.bodyContains(body, json("{\"detail\":{\"missing\":null}}"))).isFalse();
        assertThat(JsonSubset.bodyContains(body, json("{\"x\":[4]}"))).isFalse();
        assertThat(JsonSubset.bodyContains(body, json("{\"detail\":{\"port\":\"22\"}}")))
                .as("a string is not a number").isFalse();
    }

    @Test
    void anSnsEnvelopeIsMatchedByItsMessage() throws Exception {
        String envelope = JSON.createObjectNode().put("Type", "Notification")
                .put("Message", "{\"detail\":{\"eventName\":\"X\"}}").toString();
        assertThat(JsonSubset.bodyContains(envelope, json("{\"detail\":{\"eventName\":\"X\"}}"))).isTrue();
        assertThat(JsonSubset.bodyContains(envelope, json("{\"detail\":{\"eventName\":\"Y\"}}"))).isFalse();
    }

    @Test
    void aPlainTextBodyMatchesOnlyEqualText() throws Exception {
        assertThat(JsonSubset.bodyContains("hello world", json("\"hello world\""))).isTrue();
        assertThat(JsonSubset.bodyContains("hello world", json("{\"a\":1}"))).isFalse();
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }
}
