package io.selfheal.emulator.services.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The AWS query protocol, as the AWS CLI 2.9 speaks it: form POSTs signed for {@code sqs}, XML answers in the
 * 2012-11-05 namespace with flattened lists (SQS API Reference, "Making query API requests").
 */
class SqsQueryProtocolTest extends SqsTestBase {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String NS = "xmlns=\"http://queue.amazonaws.com/doc/2012-11-05/\"";

    private static HttpResponse<String> query(String target, Map<String, String> params) throws Exception {
        Map<String, String> form = new LinkedHashMap<>(params);
        form.put("Version", "2012-11-05");
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return HTTP.send(HttpRequest.newBuilder(URI.create(target))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20250101/us-east-1/sqs/"
                        + "aws4_request, SignedHeaders=host;x-amz-date, Signature=0")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String between(String xml, String tag) {
        int start = xml.indexOf("<" + tag + ">") + tag.length() + 2;
        return xml.substring(start, xml.indexOf("</" + tag + ">", start));
    }

    @Test
    void createSendReceiveAndGetAttributesInXml() throws Exception {
        String name = unique("cli");
        HttpResponse<String> created = query(emulator.endpoint().toString(),
                Map.of("Action", "CreateQueue", "QueueName", name,
                        "Attribute.1.Name", "VisibilityTimeout", "Attribute.1.Value", "45"));
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.body()).contains("<CreateQueueResponse " + NS + ">")
                .contains("<CreateQueueResult><QueueUrl>" + emulator.endpoint() + "/123456789012/" + name
                        + "</QueueUrl></CreateQueueResult>")
                .contains("<ResponseMetadata><RequestId>");
        String url = between(created.body(), "QueueUrl");

        HttpResponse<String> sent = query(url, Map.of("Action", "SendMessage", "QueueUrl", url,
                "MessageBody", "<hello & bye>",
                "MessageAttribute.1.Name", "kind", "MessageAttribute.1.Value.DataType", "String",
                "MessageAttribute.1.Value.StringValue", "alarm"));
        assertThat(sent.body()).contains("<SendMessageResult><MessageId>")
                .contains("<MD5OfMessageBody>" + Md5s.ofBody("<hello & bye>") + "</MD5OfMessageBody>")
                .contains("<MD5OfMessageAttributes>");

        HttpResponse<String> received = query(url, Map.of("Action", "ReceiveMessage", "QueueUrl", url,
                "AttributeName.1", "All", "MessageAttributeName.1", "All", "MaxNumberOfMessages", "10"));
        String xml = received.body();
        assertThat(xml).contains("<ReceiveMessageResponse " + NS + "><ReceiveMessageResult><Message>")
                .contains("<Body>&lt;hello &amp; bye&gt;</Body>")
                .contains("<Attribute><Name>ApproximateReceiveCount</Name><Value>1</Value></Attribute>")
                .contains("<MessageAttribute><Name>kind</Name><Value><DataType>String</DataType>"
                        + "<StringValue>alarm</StringValue></Value></MessageAttribute>")
                .doesNotContain("<member>").doesNotContain("<Messages>");

        HttpResponse<String> attributes = query(url, Map.of("Action", "GetQueueAttributes", "QueueUrl", url,
                "AttributeName.1", "VisibilityTimeout", "AttributeName.2", "ApproximateNumberOfMessagesNotVisible"));
        assertThat(attributes.body()).contains("<GetQueueAttributesResult>"
                + "<Attribute><Name>VisibilityTimeout</Name><Value>45</Value></Attribute>"
                + "<Attribute><Name>ApproximateNumberOfMessagesNotVisible</Name><Value>1</Value></Attribute>"
                + "</GetQueueAttributesResult>");
    }

    @Test
    void listQueuesFlattensQueueUrls() throws Exception {
        String prefix = unique("xmllist");
        query(emulator.endpoint().toString(), Map.of("Action", "CreateQueue", "QueueName", prefix + "-a"));
        query(emulator.endpoint().toString(), Map.of("Action", "CreateQueue", "QueueName", prefix + "-b"));
        String xml = query(emulator.endpoint().toString(), Map.of("Action", "ListQueues", "QueueNamePrefix", prefix))
                .body();
        assertThat(xml).contains("<ListQueuesResult><QueueUrl>" + emulator.endpoint() + "/123456789012/" + prefix
                + "-a</QueueUrl><QueueUrl>" + emulator.endpoint() + "/123456789012/" + prefix + "-b</QueueUrl>");
    }

    @Test
    void batchResultsUseTheirEntryNames() throws Exception {
        String url = createQueue(unique("xmlbatch"));
        String xml = query(url, Map.of("Action", "SendMessageBatch", "QueueUrl", url,
                "SendMessageBatchRequestEntry.1.Id", "ok", "SendMessageBatchRequestEntry.1.MessageBody", "fine",
                "SendMessageBatchRequestEntry.2.Id", "bad", "SendMessageBatchRequestEntry.2.MessageBody", "x",
                "SendMessageBatchRequestEntry.2.DelaySeconds", "901")).body();
        assertThat(xml).contains("<SendMessageBatchResult><SendMessageBatchResultEntry><Id>ok</Id>")
                .contains("<BatchResultErrorEntry><Id>bad</Id><SenderFault>true</SenderFault>"
                        + "<Code>InvalidParameterValue</Code>");
    }

    @Test
    void errorsUseTheQueryErrorShapeAndCode() throws Exception {
        HttpResponse<String> missing = query(emulator.endpoint().toString(),
                Map.of("Action", "GetQueueUrl", "QueueName", "does-not-exist"));
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("<ErrorResponse " + NS + "><Error><Type>Sender</Type>"
                + "<Code>AWS.SimpleQueueService.NonExistentQueue</Code>");
    }
}
