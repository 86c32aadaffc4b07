package io.selfheal.emulator.fuzz;

import io.selfheal.emulator.services.cloudwatch.Cbor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.zip.GZIPOutputStream;

/**
 * Seeded fuzz cases for every protocol the emulator speaks: a well-formed request of each family (a few operations
 * per service, none that waits: no long polls, no idle waits), broken by one or two mutations from the list below.
 * The same seed always gives the same cases. Requests are signed with a SigV4 credential scope (signatures are not
 * checked) so that region and service routing are exercised too.
 */
public final class FuzzCases {
    private static final String FORM = "application/x-www-form-urlencoded; charset=utf-8";
    private static final String[] BAD_NUMBERS = {"NaN", "Infinity", "-Infinity", "1e309", "-1e309",
        "9223372036854775808", "-9223372036854775809", "99999999999999999999999", "2147483648", "-1", "0", "1.5",
        "0x10", "1e-400", "\"\"", "\"abc\"", "null", "[]", "{}", "true"};
    private static final String[] BAD_TIMES = {"9223372036854775808", "-9223372036854775808", "1e309", "NaN",
        "31556889864403200", "-31557014167219201", "99999-12-31T00:00:00Z", "2024-13-45T99:99:99Z", "", "yesterday"};
    private static final String[] BAD_ESCAPES = {"%", "%z", "%zz", "%E0%A4%A", "%%", "%G1", "%ED%A0%80", "%C0%AF",
        "%FF%FE", "%00"};
    private static final String[] BAD_REGIONS = {"xx-fuzz-9", "us-east-1'", "us-east-10", "a", "US-EAST-1",
        "eu-west-1\u00e9", "zz-top-1", "us-eaast-1", "ap-southeast-99"};
    private static final String[] POISON_NAMES = {"a\u0001b", "nul\u0000name", "del\u007f", "tab\tname",
        "new\nline", "\u00e9t\u00e9", "emoji\ud83d\ude00", "x".repeat(300), "", " ", "a/b", "<xml>&amp;",
        "'quote\"", "\ufffe\uffff"};

    private final Random random;
    private final List<BiFunction<Random, RawRequest, RawRequest>> mutations = List.of(
            FuzzCases::badEscapeInBody, FuzzCases::badEscapeInTarget, FuzzCases::badNumber,
            FuzzCases::badTimestamp, FuzzCases::concatenated, FuzzCases::truncated, FuzzCases::flippedBytes,
            FuzzCases::lyingEncoding, FuzzCases::deepFormKey, FuzzCases::deepJson, FuzzCases::poisonName,
            FuzzCases::badRegion, FuzzCases::oddHeader, FuzzCases::unknownOperation, FuzzCases::emptyBody,
            FuzzCases::unpairedSurrogate, FuzzCases::gzipped);

    public FuzzCases(long seed) {
        this.random = new Random(seed);
    }

    /** The next case: one in twenty is raw bytes, the rest a template with one or two mutations. */
    public RawRequest next() {
        if (random.nextInt(20) == 0) {
            return rawHttp(random);
        }
        List<RawRequest> templates = templates();
        RawRequest request = templates.get(random.nextInt(templates.size()));
        int count = 1 + random.nextInt(2);
        for (int i = 0; i < count; i++) {
            request = mutations.get(random.nextInt(mutations.size())).apply(random, request);
        }
        return request;
    }

    // ---- well-formed templates, one list for all families ----

    static List<RawRequest> templates() {
        List<RawRequest> t = new ArrayList<>();
        json(t, WireFamily.AWS_JSON_1_1, "events", "AWSEvents.ListRules", "{\"Limit\": 10}");
        json(t, WireFamily.AWS_JSON_1_1, "events", "AWSEvents.PutRule",
                "{\"Name\": \"fuzz-rule\", \"EventPattern\": \"{\\\"source\\\": [\\\"fuzz\\\"]}\"}");
        json(t, WireFamily.AWS_JSON_1_1, "events", "AWSEvents.PutEvents",
                "{\"Entries\": [{\"Source\": \"fuzz\", \"DetailType\": \"t\", \"Detail\": \"{}\", \"Time\": 1700000000}]}");
        json(t, WireFamily.AWS_JSON_1_1, "events", "AWSEvents.TestEventPattern",
                "{\"EventPattern\": \"{\\\"source\\\": [\\\"a\\\"]}\", \"Event\": \"{\\\"id\\\": \\\"1\\\", "
                        + "\\\"source\\\": \\\"a\\\", \\\"detail-type\\\": \\\"t\\\", \\\"account\\\": \\\"123456789012\\\", "
                        + "\\\"region\\\": \\\"us-east-1\\\", \\\"time\\\": \\\"2024-01-01T00:00:00Z\\\", "
                        + "\\\"resources\\\": [], \\\"detail\\\": {}}\"}");
        json(t, WireFamily.AWS_JSON_1_1, "logs", "Logs_20140328.CreateLogGroup", "{\"logGroupName\": \"fuzz-group\"}");
        json(t, WireFamily.AWS_JSON_1_1, "logs", "Logs_20140328.DescribeLogGroups", "{\"limit\": 5}");
        json(t, WireFamily.AWS_JSON_1_1, "logs", "Logs_20140328.PutLogEvents", "{\"logGroupName\": \"fuzz-group\", "
                + "\"logStreamName\": \"s\", \"logEvents\": [{\"timestamp\": 1700000000000, \"message\": \"m\"}]}");
        json(t, WireFamily.AWS_JSON_1_1, "cloudtrail",
                "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents",
                "{\"MaxResults\": 5, \"StartTime\": 1700000000}");
        json(t, WireFamily.AWS_JSON_1_0, "sqs", "AmazonSQS.ListQueues", "{\"MaxResults\": 10}");
        json(t, WireFamily.AWS_JSON_1_0, "sqs", "AmazonSQS.CreateQueue", "{\"QueueName\": \"fuzz-queue\"}");
        json(t, WireFamily.AWS_JSON_1_0, "sqs", "AmazonSQS.SendMessage",
                "{\"QueueUrl\": \"http://127.0.0.1/123456789012/fuzz-queue\", \"MessageBody\": \"hi\", \"DelaySeconds\": 0}");
        json(t, WireFamily.AWS_JSON_1_0, "monitoring", "GraniteServiceVersion20100801.DescribeAlarms",
                "{\"MaxRecords\": 10}");
        json(t, WireFamily.AWS_JSON_1_0, "monitoring", "GraniteServiceVersion20100801.PutMetricAlarm",
                "{\"AlarmName\": \"fuzz-alarm\", \"MetricName\": \"m\", \"Namespace\": \"fuzz\", \"Statistic\": \"Sum\", "
                        + "\"Period\": 60, \"EvaluationPeriods\": 1, \"Threshold\": 1, "
                        + "\"ComparisonOperator\": \"GreaterThanThreshold\"}");
        query(t, WireFamily.QUERY, "monitoring", "Action=DescribeAlarms&Version=2010-08-01&MaxRecords=10");
        query(t, WireFamily.QUERY, "monitoring", "Action=PutMetricAlarm&Version=2010-08-01&AlarmName=fuzz-alarm"
                + "&MetricName=m&Namespace=fuzz&Statistic=Sum&Period=60&EvaluationPeriods=1&Threshold=1"
                + "&ComparisonOperator=GreaterThanThreshold");
        query(t, WireFamily.QUERY, "monitoring", "Action=PutMetricData&Version=2010-08-01&Namespace=fuzz"
                + "&MetricData.member.1.MetricName=m&MetricData.member.1.Value=1"
                + "&MetricData.member.1.Timestamp=2024-01-01T00%3A00%3A00Z");
        query(t, WireFamily.QUERY, "monitoring", "Action=GetMetricStatistics&Version=2010-08-01&Namespace=fuzz"
                + "&MetricName=m&StartTime=1700000000&EndTime=1700003600&Period=60&Statistics.member.1=Sum");
        query(t, WireFamily.QUERY, "sqs", "Action=ListQueues&Version=2012-11-05&MaxResults=10");
        query(t, WireFamily.QUERY, "sqs", "Action=CreateQueue&Version=2012-11-05&QueueName=fuzz-queue"
                + "&Attribute.1.Name=VisibilityTimeout&Attribute.1.Value=30");
        query(t, WireFamily.QUERY, "sns", "Action=CreateTopic&Version=2010-03-31&Name=fuzz-topic");
        query(t, WireFamily.QUERY, "sns", "Action=ListTopics&Version=2010-03-31");
        query(t, WireFamily.QUERY, "sts", "Action=GetCallerIdentity&Version=2011-06-15");
        query(t, WireFamily.EC2_QUERY, "ec2", "Action=DescribeInstances&Version=2016-11-15&MaxResults=5");
        query(t, WireFamily.EC2_QUERY, "ec2", "Action=DescribeSecurityGroups&Version=2016-11-15"
                + "&Filter.1.Name=group-name&Filter.1.Value.1=default");
        query(t, WireFamily.EC2_QUERY, "ec2", "Action=CreateTags&Version=2016-11-15&ResourceId.1=i-0123456789abcdef0"
                + "&Tag.1.Key=k&Tag.1.Value=v");
        rest(t, "GET", "/2015-03-31/functions?MaxItems=5", "");
        rest(t, "GET", "/2015-03-31/functions/fuzz-function", "");
        rest(t, "POST", "/2015-03-31/functions/fuzz-function/invocations", "{\"key\": 1}");
        rest(t, "POST", "/2015-03-31/functions", "{\"FunctionName\": \"fuzz-function\", \"Runtime\": \"java17\", "
                + "\"Role\": \"arn:aws:iam::123456789012:role/r\", \"Handler\": \"h\", \"Timeout\": 3, "
                + "\"Code\": {\"ZipFile\": \"bm90IGEgemlw\"}}");
        cbor(t, "DescribeAlarms", Map.of("MaxRecords", 10));
        cbor(t, "ListMetrics", Map.of("Namespace", "fuzz"));
        cbor(t, "PutMetricData", Map.of("Namespace", "fuzz", "MetricData",
                List.of(Map.of("MetricName", "m", "Value", 1.0))));
        control(t, "GET", "/_selfheal/health");
        control(t, "GET", "/_selfheal/calls?service=sts&operation=GetCallerIdentity");
        control(t, "GET", "/_selfheal/clock");
        control(t, "POST", "/_selfheal/clock/advance?ms=1000");
        return t;
    }

    private static String authorization(String region, String service) {
        return "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20240101/" + region + "/" + service
                + "/aws4_request, SignedHeaders=host;x-amz-date, Signature=00";
    }

    private static void json(List<RawRequest> t, WireFamily family, String service, String target, String body) {
        String version = family == WireFamily.AWS_JSON_1_0 ? "1.0" : "1.1";
        t.add(RawRequest.of(family, target, "POST", "/", List.of(
                Map.entry("Content-Type", "application/x-amz-json-" + version),
                Map.entry("X-Amz-Target", target),
                Map.entry("Authorization", authorization("us-east-1", service))), utf8(body)));
    }

    private static void query(List<RawRequest> t, WireFamily family, String service, String body) {
        t.add(RawRequest.of(family, service + " " + body.substring(0, body.indexOf('&')), "POST", "/", List.of(
                Map.entry("Content-Type", FORM),
                Map.entry("Authorization", authorization("us-east-1", service))), utf8(body)));
    }

    private static void rest(List<RawRequest> t, String method, String target, String body) {
        t.add(RawRequest.of(WireFamily.REST_JSON, "lambda " + method + " " + target, method, target, List.of(
                Map.entry("Content-Type", "application/json"),
                Map.entry("Authorization", authorization("us-east-1", "lambda"))), utf8(body)));
    }

    private static void cbor(List<RawRequest> t, String operation, Map<String, Object> input) {
        t.add(RawRequest.of(WireFamily.RPC_V2_CBOR, "cbor " + operation, "POST",
                "/service/GraniteServiceVersion20100801/operation/" + operation, List.of(
                        Map.entry("Content-Type", "application/cbor"),
                        Map.entry("Accept", "application/cbor"),
                        Map.entry("smithy-protocol", "rpc-v2-cbor"),
                        Map.entry("Authorization", authorization("us-east-1", "monitoring"))), cborBytes(input)));
    }

    private static void control(List<RawRequest> t, String method, String target) {
        t.add(RawRequest.of(WireFamily.CONTROL_API, "control " + method + " " + target, method, target,
                List.of(Map.entry("Content-Type", "application/json")), new byte[0]));
    }

    // ---- mutations ----

    private static RawRequest badEscapeInBody(Random r, RawRequest q) {
        String escape = pick(r, BAD_ESCAPES);
        return q.withBody("bad escape " + escape + " in body", insert(r, q.body(), utf8(escape)));
    }

    private static RawRequest badEscapeInTarget(Random r, RawRequest q) {
        String escape = pick(r, BAD_ESCAPES);
        String target = r.nextBoolean() ? q.target() + (q.target().contains("?") ? "&" : "?") + "x=" + escape
                : q.target() + escape;
        return q.withTarget("bad escape " + escape + " in URI", target);
    }

    /** Replaces a number in a JSON or form body (CBOR bodies are rebuilt with the number as text). */
    private static RawRequest badNumber(Random r, RawRequest q) {
        String bad = pick(r, BAD_NUMBERS);
        if (q.family() == WireFamily.RPC_V2_CBOR) {
            return q.withBody("number " + bad, cborBytes(Map.of("MaxRecords", bad, "Namespace", "fuzz")));
        }
        String text = new String(q.body(), StandardCharsets.UTF_8);
        String replaced = isForm(q) ? text.replaceFirst("=(\\d+)(&|$)", "=" + formValue(bad) + "$2")
                : text.replaceFirst(":\\s*\\d+", ": " + bad);
        return q.withBody("number " + bad, utf8(replaced));
    }

    private static RawRequest badTimestamp(Random r, RawRequest q) {
        String bad = pick(r, BAD_TIMES);
        String text = new String(q.body(), StandardCharsets.UTF_8);
        String replaced;
        if (isForm(q)) {
            replaced = text + "&StartTime=" + formValue(bad) + "&EndTime=" + formValue(bad)
                    + "&MetricData.member.1.Timestamp=" + formValue(bad);
        } else if (q.family() == WireFamily.RPC_V2_CBOR) {
            return q.withBody("time " + bad, cborBytes(Map.of("Namespace", "fuzz", "MetricData",
                    List.of(Map.of("MetricName", "m", "Value", 1.0, "Timestamp", bad)))));
        } else {
            String json = bad.matches("-?[\\d.e]+") ? bad : "\"" + bad + "\"";
            replaced = text.replace("\"Time\": 1700000000", "\"Time\": " + json)
                    .replace("\"StartTime\": 1700000000", "\"StartTime\": " + json)
                    .replace("\"timestamp\": 1700000000000", "\"timestamp\": " + json);
        }
        return q.withBody("time " + bad, utf8(replaced));
    }

    private static RawRequest concatenated(Random r, RawRequest q) {
        byte[] tail = r.nextBoolean() ? q.body() : utf8(r.nextBoolean() ? "{}" : " 1");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(q.body());
        out.writeBytes(tail);
        return q.withBody("concatenated", out.toByteArray());
    }

    private static RawRequest truncated(Random r, RawRequest q) {
        if (q.body().length < 2) {
            return q;
        }
        byte[] cut = new byte[1 + r.nextInt(q.body().length - 1)];
        System.arraycopy(q.body(), 0, cut, 0, cut.length);
        return q.withBody("truncated to " + cut.length, cut);
    }

    private static RawRequest flippedBytes(Random r, RawRequest q) {
        if (q.body().length == 0) {
            return q;
        }
        byte[] copy = q.body().clone();
        int flips = 1 + r.nextInt(3);
        for (int i = 0; i < flips; i++) {
            copy[r.nextInt(copy.length)] = (byte) r.nextInt(256);
        }
        return q.withBody(flips + " flipped bytes", copy);
    }

    private static RawRequest lyingEncoding(Random r, RawRequest q) {
        String encoding = pick(r, new String[] {"gzip", "deflate", "x-gzip", "GZIP"});
        byte[] body = q.body();
        if (r.nextBoolean() && body.length > 0) {
            byte[] zipped = gzip(body);
            byte[] cut = new byte[Math.max(1, zipped.length / 2)];
            System.arraycopy(zipped, 0, cut, 0, cut.length);
            body = cut;
        }
        return q.withHeader("Content-Encoding " + encoding + " that lies", "Content-Encoding", encoding)
                .withBody("", body);
    }

    private static RawRequest gzipped(Random r, RawRequest q) {
        return q.withHeader("honest gzip", "Content-Encoding", "gzip").withBody("", gzip(q.body()));
    }

    private static RawRequest deepFormKey(Random r, RawRequest q) {
        int depth = 10 + r.nextInt(3000);
        String key = "a.1.".repeat(depth) + "b";
        byte[] extra = utf8((q.body().length == 0 ? "" : "&") + key + "=x");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(q.body());
        out.writeBytes(extra);
        return q.withBody("form key " + depth + " deep", out.toByteArray());
    }

    private static RawRequest deepJson(Random r, RawRequest q) {
        int depth = 10 + r.nextInt(3000);
        String value = "[".repeat(depth) + "1" + "]".repeat(depth);
        String text = new String(q.body(), StandardCharsets.UTF_8);
        String replaced = text.startsWith("{") && text.length() > 2
                ? "{\"Deep\": " + value + ", " + text.substring(1) : "{\"Deep\": " + value + "}";
        return q.withBody("JSON " + depth + " deep", utf8(replaced));
    }

    /** A name AWS constrains, replaced by one with control characters, odd Unicode, markup or too many chars. */
    private static RawRequest poisonName(Random r, RawRequest q) {
        String name = pick(r, POISON_NAMES);
        String text = new String(q.body(), StandardCharsets.UTF_8);
        String replaced;
        if (isForm(q)) {
            replaced = text.replaceAll("(AlarmName|QueueName|Name|Tag\\.1\\.Key|Tag\\.1\\.Value|Namespace)=[^&]*",
                    "$1=" + formValue(name));
        } else if (q.family() == WireFamily.RPC_V2_CBOR) {
            return q.withBody("name " + printable(name), cborBytes(Map.of("Namespace", name, "MetricData",
                    List.of(Map.of("MetricName", name, "Value", 1.0)))));
        } else {
            String json = jsonString(name);
            replaced = text.replaceAll("\"(Name|QueueName|AlarmName|logGroupName|FunctionName|Source)\": \"[^\"]*\"",
                    "\"$1\": " + java.util.regex.Matcher.quoteReplacement(json));
        }
        return q.withBody("name " + printable(name), utf8(replaced));
    }

    /** JSON's {@code \ud800} escape, a form's CESU bytes, or a CBOR text string holding them. */
    private static RawRequest unpairedSurrogate(Random r, RawRequest q) {
        String text = new String(q.body(), StandardCharsets.UTF_8);
        if (isForm(q)) {
            return q.withBody("unpaired surrogate", utf8(text.replaceAll("(AlarmName|QueueName|Name)=([^&]*)",
                    "$1=$2%ED%A0%80")));
        }
        if (q.family() == WireFamily.RPC_V2_CBOR) {
            // a map {"Namespace": <3-byte text ED A0 80>}
            return q.withBody("unpaired surrogate", new byte[] {(byte) 0xa1, 0x69, 'N', 'a', 'm', 'e', 's', 'p',
                'a', 'c', 'e', 0x63, (byte) 0xed, (byte) 0xa0, (byte) 0x80});
        }
        return q.withBody("unpaired surrogate", utf8(text.replaceAll(
                "\"(Name|QueueName|AlarmName|logGroupName|FunctionName|Source)\": \"([^\"]*)\"",
                "\"$1\": \"$2\\\\ud800\"")));
    }

    private static RawRequest badRegion(Random r, RawRequest q) {
        String auth = q.header("Authorization");
        if (auth == null) {
            return q;
        }
        String region = pick(r, BAD_REGIONS);
        return q.withHeader("region " + region, "Authorization",
                auth.replace("/us-east-1/", "/" + region.replaceAll("[^\\x20-\\x7e]", "?") + "/"));
    }

    private static RawRequest oddHeader(Random r, RawRequest q) {
        return switch (r.nextInt(5)) {
            // Up to Netty's 8 KiB head the header is just long; beyond, the head is refused at the HTTP level, where
            // the protocol is answered when the headers read so far say it (the one before the bad line is lost).
            // A second header mutation keeps the first: shortening an over-long header back to a valid one would
            // leave a well-formed request judged as refused bytes.
            case 0 -> q.header("X-Fuzz") != null ? q : r.nextBoolean() ? q.withHeader("long header", "X-Fuzz", "v".repeat(1 + r.nextInt(7_000)))
                    : q.withHeader("over-long header", "X-Fuzz", "v".repeat(9_000 + r.nextInt(20_000))).asRawHttp();
            case 1 -> q.header("X-Fuzz") != null ? q : q.withHeader("latin-1 header", "X-Fuzz", "caf\u00e9 \u00ff");
            case 2 -> q.withHeader("odd content type", "Content-Type", pick(r, new String[] {"text/plain",
                "application/json; charset=klingon", "multipart/form-data; boundary=x", "*/*", ""}));
            case 3 -> q.withHeader("many values", "X-Amz-Date", "20240101T000000Z, not-a-date");
            default -> q.withHeader("control characters in a header", "User-Agent", "\u0001\u007f".repeat(10));
        };
    }

    private static RawRequest unknownOperation(Random r, RawRequest q) {
        String op = pick(r, new String[] {"NoSuchOperation", "", ".", "../../etc", "A".repeat(300)});
        return switch (q.family()) {
            case AWS_JSON_1_0, AWS_JSON_1_1 -> q.withHeader("unknown target", "X-Amz-Target",
                    q.header("X-Amz-Target").replaceAll("\\.[A-Za-z]+$", "." + op));
            case QUERY, EC2_QUERY -> q.withBody("unknown action", utf8(new String(q.body(), StandardCharsets.UTF_8)
                    .replaceFirst("Action=[A-Za-z]+", "Action=" + op)));
            case RPC_V2_CBOR -> q.withTarget("unknown operation", "/service/GraniteServiceVersion20100801/operation/"
                    + op.replace("/", "%2F"));
            default -> q.withTarget("unknown path", q.target() + "/" + op.replace("/", "%2F"));
        };
    }

    private static RawRequest emptyBody(Random r, RawRequest q) {
        return q.withBody("empty body", new byte[0]);
    }

    private static RawRequest rawHttp(Random r) {
        String[] raws = {
            "GARBAGE\r\n\r\n",
            "GET /a b c HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
            "GET / HTTP/9.9\r\nHost: x\r\nConnection: close\r\n\r\n",
            "POST / HTTP/1.1\r\nHost: x\r\nBad Header Line\r\nConnection: close\r\n\r\n",
            "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\nConnection: close\r\n\r\n",
            "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\nConnection: close\r\n\r\n",
            "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n\r\n",
            "GET /" + "a".repeat(10_000) + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
            "GET / HTTP/1.1\r\nHost: x\r\nX-Long: " + "a".repeat(20_000) + "\r\nConnection: close\r\n\r\n",
            "\u0000\u0001\u0002\u0003\r\n\r\n",
        };
        String pick = raws[r.nextInt(raws.length)];
        return RawRequest.raw("raw " + printable(pick.substring(0, Math.min(30, pick.length()))),
                pick.getBytes(StandardCharsets.ISO_8859_1));
    }

    // ---- helpers ----

    private static boolean isForm(RawRequest q) {
        return q.family() == WireFamily.QUERY || q.family() == WireFamily.EC2_QUERY;
    }

    private static String pick(Random r, String[] options) {
        return options[r.nextInt(options.length)];
    }

    private static byte[] insert(Random r, byte[] body, byte[] extra) {
        int at = body.length == 0 ? 0 : r.nextInt(body.length + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(body, 0, at);
        out.writeBytes(extra);
        out.write(body, at, body.length - at);
        return out.toByteArray();
    }

    private static String formValue(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String jsonString(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c < 0x20 || c == '"' || c == '\\' || c >= 0x7f) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static String printable(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            out.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return out.length() > 40 ? out.substring(0, 40) + "..." : out.toString();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] cborBytes(Map<String, Object> input) {
        try {
            return Cbor.write(input);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
