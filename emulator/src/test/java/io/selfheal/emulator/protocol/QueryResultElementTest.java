package io.selfheal.emulator.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.selfheal.emulator.Emulator;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import io.selfheal.emulator.EmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The AWS query answer on the wire when there is nothing to say. An operation with an output always carries its
 * {@code <OpResult>} element, empty or not (botocore's query parser looks it up by name: without it the AWS CLI 2.9
 * fails with {@code 'ReceiveMessageResult'}); an operation without one (SQS DeleteQueue, SNS DeleteTopic, CloudWatch
 * PutMetricData: no output in the API models) carries none. Lists AWS does not flatten are rendered empty
 * ({@code <MetricAlarms/>}); SQS's flattened ones vanish. The real clients' side of this is
 * scenarios' {@code QueryEmptyResultsClientTest}.
 */
class QueryResultElementTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** A 12-digit access key id selects that account: nothing is in it. */
    private static final String ACCOUNT = "444455556666";
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.realTime();

    @Test
    void sqsAnswersAnEmptyResultForNothingAndNoResultForNoOutput() throws Exception {
        assertThat(query("sqs", "Action=ListQueues&Version=2012-11-05"))
                .contains("<ListQueuesResult></ListQueuesResult>");
        String created = query("sqs", "Action=CreateQueue&QueueName=empty&Version=2012-11-05");
        String url = created.replaceAll("(?s).*<QueueUrl>(.*)</QueueUrl>.*", "$1");
        String queue = "QueueUrl=" + URLEncoder.encode(url, StandardCharsets.UTF_8) + "&Version=2012-11-05";
        assertThat(query("sqs", "Action=ReceiveMessage&" + queue))
                .contains("<ReceiveMessageResponse xmlns=\"http://queue.amazonaws.com/doc/2012-11-05/\">"
                        + "<ReceiveMessageResult></ReceiveMessageResult><ResponseMetadata>");
        assertThat(query("sqs", "Action=ListQueueTags&" + queue)).contains("<ListQueueTagsResult></ListQueueTagsResult>");
        assertThat(query("sqs", "Action=SetQueueAttributes&Attribute.1.Name=VisibilityTimeout&Attribute.1.Value=5&"
                + queue)).doesNotContain("Result>").contains("<SetQueueAttributesResponse");
        assertThat(query("sqs", "Action=DeleteQueue&" + queue)).doesNotContain("Result>");
    }

    @Test
    void snsTaggingHasAnEmptyResultAndDeletingNone() throws Exception {
        assertThat(query("sns", "Action=ListTopics&Version=2010-03-31"))
                .contains("<ListTopicsResult><Topics></Topics></ListTopicsResult>");
        String arn = query("sns", "Action=CreateTopic&Name=empty&Version=2010-03-31")
                .replaceAll("(?s).*<TopicArn>(.*)</TopicArn>.*", "$1");
        String topic = "ResourceArn=" + URLEncoder.encode(arn, StandardCharsets.UTF_8) + "&Version=2010-03-31";
        assertThat(query("sns", "Action=TagResource&Tags.member.1.Key=k&Tags.member.1.Value=v&" + topic))
                .contains("<TagResourceResult></TagResourceResult>");
        assertThat(query("sns", "Action=UntagResource&TagKeys.member.1=k&" + topic))
                .contains("<UntagResourceResult></UntagResourceResult>");
        assertThat(query("sns", "Action=DeleteTopic&TopicArn=" + URLEncoder.encode(arn, StandardCharsets.UTF_8)
                + "&Version=2010-03-31")).doesNotContain("Result>");
    }

    @Test
    void cloudWatchRendersEmptyListsAndNoResultForPutMetricData() throws Exception {
        assertThat(query("monitoring", "Action=DescribeAlarms&Version=2010-08-01"))
                .contains("<DescribeAlarmsResult><MetricAlarms></MetricAlarms><CompositeAlarms></CompositeAlarms>");
        assertThat(query("monitoring", "Action=PutMetricData&Namespace=Selfheal%2FEmpty"
                + "&MetricData.member.1.MetricName=m&MetricData.member.1.Value=1&Version=2010-08-01"))
                .doesNotContain("Result>");
    }

    private static String query(String signingName, String form) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(AWS.emulator().endpoint().resolve("/"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=" + ACCOUNT + "/20250101/us-east-1/"
                        + signingName + "/aws4_request, SignedHeaders=host, Signature=abc")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }
}
