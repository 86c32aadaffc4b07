package io.selfheal.emulator.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * What an answer to any request must be: not a 5xx; nothing that names the emulator's internals (Java packages,
 * Java or Jackson exception classes, stack frames); a body that parses in the protocol's format; and for every 4xx the
 * protocol's error shape, as AWS's SDKs read it.
 */
public final class AnswerCheck {
    /**
     * Internal names: packages, JDK/Jackson exception classes (AWS's own codes also end in "Exception", so those are
     * named one by one), Jackson feature names and stack frames.
     */
    private static final Pattern INTERNALS = Pattern.compile(
            "\\b(java|javax|jdk|sun|com\\.fasterxml|io\\.netty|io\\.selfheal|software\\.amazon)\\.[a-z]"
                    + "|\\b(IllegalArgument|IllegalState|NullPointer|NumberFormat|Arithmetic|DateTime|DateTimeParse"
                    + "|ClassCast|IndexOutOfBounds|ArrayIndexOutOfBounds|StringIndexOutOfBounds|UncheckedIO"
                    + "|UnsupportedOperation|JsonProcessing|JsonParse|MismatchedInput|StreamConstraints"
                    + "|JsonMapping|InvalidFormat|Decompression|TooLongFrame|Runtime)Exception\\b"
                    + "|\\bStackOverflowError\\b|\\bOutOfMemoryError\\b"
                    + "|JsonReadFeature|StreamReadFeature|StreamReadConstraints|DeserializationFeature|MapperFeature"
                    + "|JsonNode|ObjectMapper|JsonParser|\\bJackson\\b"
                    + "|\\bat [a-z][\\w$]*(\\.[\\w$]+)+\\([\\w$]+\\.java:\\d+\\)");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CBORMapper CBOR = new CBORMapper();

    private AnswerCheck() {
    }

    /** Every way {@code answer} falls short; empty when it is a good answer to {@code request}. */
    public static List<String> problems(RawRequest request, RawResponse answer) {
        List<String> problems = new ArrayList<>();
        if (answer.status() >= 500) {
            problems.add("answered " + answer.status());
        }
        if (answer.status() < 200) {
            problems.add("answered with status " + answer.status());
        }
        Matcher internal = INTERNALS.matcher(answer.bodyLatin1() + "\n" + answer.headers());
        if (internal.find()) {
            problems.add("names an internal: '" + internal.group() + "'");
        }
        boolean error = answer.status() >= 400;
        try {
            switch (request.family()) {
                case AWS_JSON_1_0, AWS_JSON_1_1 -> awsJson(answer, error, problems);
                case QUERY -> xml(answer, error, "ErrorResponse", "Error", "RequestId", problems);
                case EC2_QUERY -> xml(answer, error, "Response", "Error", "RequestID", problems);
                case REST_JSON -> restJson(answer, error, problems);
                case RPC_V2_CBOR -> cbor(answer, error, problems);
                case CONTROL_API -> control(answer, error, problems);
                case RAW_HTTP -> {
                    if (!error) {
                        problems.add("accepted bytes that are not a well-formed request: " + answer.status());
                    }
                }
                default -> throw new IllegalStateException("unknown family " + request.family());
            }
        } catch (Exception unparseable) {
            problems.add("body does not parse as " + request.family() + ": " + unparseable.getMessage());
        }
        return problems;
    }

    private static void awsJson(RawResponse answer, boolean error, List<String> problems) throws Exception {
        if (!answer.contentType().startsWith("application/x-amz-json-1.")) {
            problems.add("content type " + answer.contentType());
        }
        JsonNode body = JSON.readTree(answer.body());
        if (error && (body == null || !body.path("__type").isTextual() || body.path("__type").asText().isEmpty())) {
            problems.add("AWS JSON error without __type: " + answer.bodyLatin1());
        }
    }

    private static void restJson(RawResponse answer, boolean error, List<String> problems) throws Exception {
        if (answer.body().length > 0) {
            JSON.readTree(answer.body());
        }
        if (error && (answer.header("x-amzn-ErrorType") == null || answer.header("x-amzn-ErrorType").isEmpty())) {
            problems.add("REST-JSON error without x-amzn-ErrorType");
        }
    }

    private static void cbor(RawResponse answer, boolean error, List<String> problems) throws Exception {
        if (!"rpc-v2-cbor".equals(answer.header("smithy-protocol"))) {
            problems.add("RPC v2 CBOR answer without smithy-protocol: rpc-v2-cbor");
        }
        if (answer.body().length == 0) {
            if (error) {
                problems.add("RPC v2 CBOR error without a body");
            }
            return;
        }
        JsonNode body = CBOR.readTree(answer.body());
        if (error && (body == null || !body.path("__type").isTextual())) {
            problems.add("RPC v2 CBOR error without __type");
        }
    }

    private static void control(RawResponse answer, boolean error, List<String> problems) throws Exception {
        JsonNode body = JSON.readTree(answer.body());
        if (error && (body == null || !body.path("message").isTextual())) {
            problems.add("control API error without message");
        }
    }

    private static void xml(RawResponse answer, boolean error, String root, String errorElement, String requestId,
                            List<String> problems) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        var builder = factory.newDocumentBuilder();
        builder.setErrorHandler(null); // the exception says it; the default handler would also print to stderr
        Document doc = builder.parse(new ByteArrayInputStream(answer.body()));
        if (!error) {
            return;
        }
        Element top = doc.getDocumentElement();
        if (!top.getTagName().equals(root)) {
            problems.add("error root <" + top.getTagName() + ">, not <" + root + ">");
            return;
        }
        var errors = top.getElementsByTagName(errorElement);
        if (errors.getLength() == 0
                || ((Element) errors.item(0)).getElementsByTagName("Code").getLength() == 0
                || ((Element) errors.item(0)).getElementsByTagName("Code").item(0).getTextContent().isEmpty()) {
            problems.add("error without <" + errorElement + "><Code>");
        }
        if (top.getElementsByTagName(requestId).getLength() == 0) {
            problems.add("error without <" + requestId + ">");
        }
    }
}
