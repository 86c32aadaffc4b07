package io.selfheal.emulator.messages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The receivers EventBridge targets, alarm actions and SNS subscriptions name by ARN, parsed in one place. */
class ArnTargetsTest {
    @Test
    void eachKindWithItsParts() {
        assertThat(ArnTargets.parse("arn:aws:lambda:us-east-1:123456789012:function:fix:live"))
                .isEqualTo(new ArnTargets.Target(ArnTargets.Kind.FUNCTION,
                        "arn:aws:lambda:us-east-1:123456789012:function:fix:live", "us-east-1", "123456789012", "fix",
                        "live"));
        ArnTargets.Target queue = ArnTargets.parse("arn:aws:sqs:eu-west-1:123456789012:orders.fifo");
        assertThat(queue.kind()).isEqualTo(ArnTargets.Kind.QUEUE);
        assertThat(queue.name()).isEqualTo("orders.fifo");
        assertThat(queue.fifoQueue()).isTrue();
        assertThat(queue.qualifier()).isNull();
        assertThat(ArnTargets.parse("arn:aws:sns:us-east-1:123456789012:alerts").kind())
                .isEqualTo(ArnTargets.Kind.TOPIC);
        assertThat(ArnTargets.parse("arn:aws:logs:us-east-1:123456789012:log-group:/aws/events/x:*").name())
                .isEqualTo("/aws/events/x");
        assertThat(ArnTargets.parse("arn:aws:events:us-east-1:123456789012:event-bus/default").kind())
                .isEqualTo(ArnTargets.Kind.EVENT_BUS);
        ArnTargets.Target destination = ArnTargets.parse(
                "arn:aws:events:us-east-1:123456789012:api-destination/pager/3f2a-bc");
        assertThat(destination.name()).isEqualTo("pager");
        assertThat(destination.qualifier()).isEqualTo("3f2a-bc");
        ArnTargets.Target reboot = ArnTargets.parse("arn:aws:automate:us-east-1:ec2:reboot");
        assertThat(reboot.kind()).isEqualTo(ArnTargets.Kind.EC2_ACTION);
        assertThat(reboot.name()).isEqualTo("reboot");
        assertThat(reboot.account()).isNull();
    }

    @Test
    void whatNamesNoKnownReceiverIsNull() {
        assertThat(ArnTargets.parse("arn:aws:kinesis:us-east-1:123456789012:stream/s")).isNull();
        assertThat(ArnTargets.parse("arn:aws:automate:us-east-1:ec2:hibernate")).isNull();
        assertThat(ArnTargets.parse("arn:aws:sqs:us-east-1:123456789012:" + "q".repeat(81))).isNull();
        assertThat(ArnTargets.parse("not an arn")).isNull();
        assertThat(ArnTargets.parse(null)).isNull();
        assertThat(ArnTargets.is(ArnTargets.Kind.QUEUE, "arn:aws:sns:us-east-1:123456789012:alerts")).isFalse();
    }
}
