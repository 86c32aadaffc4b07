package io.selfheal.remediations;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * WireMock standing in for EC2's query protocol: the SDK POSTs form bodies ({@code Action=DescribeInstances&…})
 * and EC2 answers in XML, errors as {@code <Response><Errors><Error>…}.
 */
final class Ec2Stub {

    private static final String NS = "http://ec2.amazonaws.com/doc/2016-11-15/";

    private final WireMockExtension wm;

    Ec2Stub(WireMockExtension wm) {
        this.wm = wm;
    }

    Ec2Client client() {
        return Ec2Client.builder()
                .endpointOverride(URI.create(wm.baseUrl()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    /** DescribeInstances answers with one instance in the given state and with the given tags. */
    Ec2Stub instance(String instanceId, String state, Map<String, String> tags) {
        String tagItems = tags.entrySet().stream()
                .map(t -> "<item><key>" + t.getKey() + "</key><value>" + t.getValue() + "</value></item>")
                .collect(Collectors.joining());
        int code = switch (state) {
            case "pending" -> 0;
            case "running" -> 16;
            case "shutting-down" -> 32;
            case "terminated" -> 48;
            case "stopping" -> 64;
            default -> 80;
        };
        return answer("DescribeInstances", 200, "<DescribeInstancesResponse xmlns=\"" + NS + "\">"
                + "<requestId>req-describe</requestId><reservationSet><item><reservationId>r-0123456789abcdef0</reservationId>"
                + "<ownerId>123456789012</ownerId><instancesSet><item><instanceId>" + instanceId + "</instanceId>"
                + "<instanceState><code>" + code + "</code><name>" + state + "</name></instanceState>"
                + "<instanceType>t3.micro</instanceType><tagSet>" + tagItems + "</tagSet></item></instancesSet>"
                + "</item></reservationSet></DescribeInstancesResponse>");
    }

    Ec2Stub rebootSucceeds() {
        return answer("RebootInstances", 200, "<RebootInstancesResponse xmlns=\"" + NS + "\">"
                + "<requestId>req-reboot</requestId><return>true</return></RebootInstancesResponse>");
    }

    Ec2Stub createTagsSucceeds() {
        return answer("CreateTags", 200, "<CreateTagsResponse xmlns=\"" + NS + "\">"
                + "<requestId>req-tags</requestId><return>true</return></CreateTagsResponse>");
    }

    /** DescribeSecurityGroupRules answers with the given rules of one group (ingress unless egress is true). */
    Ec2Stub securityGroupRules(String groupId, Rule... rules) {
        StringBuilder items = new StringBuilder();
        for (Rule r : rules) {
            items.append("<item><securityGroupRuleId>").append(r.id()).append("</securityGroupRuleId><groupId>")
                    .append(groupId).append("</groupId><groupOwnerId>123456789012</groupOwnerId><isEgress>")
                    .append(r.egress()).append("</isEgress><ipProtocol>").append(r.protocol())
                    .append("</ipProtocol><fromPort>").append(r.from()).append("</fromPort><toPort>").append(r.to())
                    .append("</toPort><").append(r.cidr().contains(":") ? "cidrIpv6" : "cidrIpv4").append('>')
                    .append(r.cidr()).append("</").append(r.cidr().contains(":") ? "cidrIpv6" : "cidrIpv4")
                    .append("></item>");
        }
        return answer("DescribeSecurityGroupRules", 200, "<DescribeSecurityGroupRulesResponse xmlns=\"" + NS + "\">"
                + "<requestId>req-rules</requestId><securityGroupRuleSet>" + items
                + "</securityGroupRuleSet></DescribeSecurityGroupRulesResponse>");
    }

    /** One security group rule as DescribeSecurityGroupRules lists it. */
    record Rule(String id, boolean egress, String protocol, int from, int to, String cidr) {
    }

    Ec2Stub revokeIngressSucceeds() {
        return answer("RevokeSecurityGroupIngress", 200, "<RevokeSecurityGroupIngressResponse xmlns=\"" + NS + "\">"
                + "<requestId>req-revoke</requestId><return>true</return></RevokeSecurityGroupIngressResponse>");
    }

    Ec2Stub error(String action, int status, String code, String message) {
        return answer(action, status, "<Response><Errors><Error><Code>" + code + "</Code><Message>" + message
                + "</Message></Error></Errors><RequestID>req-" + code + "</RequestID></Response>");
    }

    private Ec2Stub answer(String action, int status, String xml) {
        wm.stubFor(post(anyUrl()).withRequestBody(matching("(.*&)?Action=" + action + "(&.*)?"))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "text/xml;charset=UTF-8").withBody(xml)));
        return this;
    }

    /** The form parameters of every EC2 call received, in order (from WireMock's request journal). */
    List<Map<String, String>> calls() {
        return wm.findAll(postRequestedFor(anyUrl())).stream().map(Ec2Stub::form).toList();
    }

    /** The Action of every EC2 call received, in order. */
    List<String> actions() {
        return calls().stream().map(c -> c.get("Action")).toList();
    }

    private static Map<String, String> form(LoggedRequest request) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return params;
    }
}
