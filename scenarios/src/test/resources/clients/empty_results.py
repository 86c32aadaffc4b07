"""botocore against `selfheal serve` in an account with nothing in it: every empty answer parses as AWS's does.

Usage: python3 empty_results.py <endpoint> <12-digit account>. Prints one line per check, then "N passed, N failed",
and exits non-zero when one failed. Run it with an old botocore (Debian's 1.29, AWS query for SQS and CloudWatch)
and a current one (AWS JSON for SQS, Smithy RPC v2 CBOR for CloudWatch): the query protocol's parser looks the
<OpResult> element up by name, so an answer without it fails with a KeyError ('ReceiveMessageResult'); lists AWS
renders when empty (<Topics/>, <MetricAlarms/>, <reservationSet/>) parse as [], flattened ones (SQS) are absent.
"""
import sys
from datetime import datetime, timedelta, timezone

import botocore
import botocore.session

endpoint, account = sys.argv[1], sys.argv[2]
session = botocore.session.get_session()
passed = failed = 0


def client(name):
    # A 12-digit access key id selects that account: a fresh one has no queue, topic, alarm or instance.
    return session.create_client(name, endpoint_url=endpoint, region_name="us-east-1",
                                 aws_access_key_id=account, aws_secret_access_key="x")


def check(name, call, empty=(), absent=(), equals=None):
    """Runs call(); each key of `empty` must be there and [] or {}, each of `absent` missing or empty (SQS's
    flattened query lists are missing, its JSON protocol's required lists empty), `equals` a subset of the answer."""
    global passed, failed
    try:
        answer = call()
        for key in empty:
            assert key in answer and not answer[key], f"{key} should be empty, got {answer.get(key, '<absent>')!r}"
        for key in absent:
            assert not answer.get(key), f"{key} should be absent or empty, got {answer[key]!r}"
        for key, value in (equals or {}).items():
            assert answer.get(key) == value, f"{key}: expected {value!r}, got {answer.get(key)!r}"
    except Exception as e:  # botocore's KeyError for a missing <OpResult> included
        failed += 1
        print(f"FAIL {name}: {type(e).__name__}: {e}")
        return None
    passed += 1
    print(f"ok   {name}")
    return answer


def sqs():
    sqs = client("sqs")
    check("sqs list-queues (none)", lambda: sqs.list_queues(), absent=["QueueUrls"])
    url = sqs.create_queue(QueueName="empty")["QueueUrl"]
    check("sqs receive-message (empty queue)", lambda: sqs.receive_message(QueueUrl=url), absent=["Messages"])
    check("sqs receive-message (empty, attributes asked)",
          lambda: sqs.receive_message(QueueUrl=url, AttributeNames=["All"], MessageAttributeNames=["All"]),
          absent=["Messages"])
    check("sqs list-queue-tags (none)", lambda: sqs.list_queue_tags(QueueUrl=url), absent=["Tags"])
    check("sqs get-queue-attributes (none asked)", lambda: sqs.get_queue_attributes(QueueUrl=url),
          absent=["Attributes"])
    check("sqs list-queues (prefix matches none)", lambda: sqs.list_queues(QueueNamePrefix="zzz"),
          absent=["QueueUrls"])
    check("sqs delete-message-batch (all failed)", lambda: sqs.delete_message_batch(
        QueueUrl=url, Entries=[{"Id": "a", "ReceiptHandle": "not-a-handle"}]), absent=["Successful"],
          equals={"Failed": [{"Id": "a", "SenderFault": True, "Code": "ReceiptHandleIsInvalid",
                              "Message": "The input receipt handle \"not-a-handle\" is not a valid receipt handle."}]})
    check("sqs change-message-visibility-batch (all failed)", lambda: sqs.change_message_visibility_batch(
        QueueUrl=url, Entries=[{"Id": "a", "ReceiptHandle": "not-a-handle", "VisibilityTimeout": 5}]),
          absent=["Successful"])
    check("sqs tag-queue (no output)", lambda: sqs.tag_queue(QueueUrl=url, Tags={"k": "v"}))
    check("sqs untag-queue (no output)", lambda: sqs.untag_queue(QueueUrl=url, TagKeys=["k"]))
    check("sqs set-queue-attributes (no output)",
          lambda: sqs.set_queue_attributes(QueueUrl=url, Attributes={"VisibilityTimeout": "5"}))
    check("sqs purge-queue (no output)", lambda: sqs.purge_queue(QueueUrl=url))
    check("sqs delete-queue (no output)", lambda: sqs.delete_queue(QueueUrl=url))


def sns():
    sns = client("sns")
    check("sns list-topics (none)", lambda: sns.list_topics(), empty=["Topics"])
    check("sns list-subscriptions (none)", lambda: sns.list_subscriptions(), empty=["Subscriptions"])
    arn = sns.create_topic(Name="empty")["TopicArn"]
    check("sns list-subscriptions-by-topic (none)", lambda: sns.list_subscriptions_by_topic(TopicArn=arn),
          empty=["Subscriptions"])
    check("sns list-tags-for-resource (none)", lambda: sns.list_tags_for_resource(ResourceArn=arn), empty=["Tags"])
    check("sns tag-resource (empty result)", lambda: sns.tag_resource(ResourceArn=arn,
                                                                      Tags=[{"Key": "k", "Value": "v"}]))
    check("sns untag-resource (empty result)", lambda: sns.untag_resource(ResourceArn=arn, TagKeys=["k"]))
    check("sns set-topic-attributes (no output)",
          lambda: sns.set_topic_attributes(TopicArn=arn, AttributeName="DisplayName", AttributeValue="x"))
    check("sns delete-topic (no output)", lambda: sns.delete_topic(TopicArn=arn))


def cloudwatch():
    cw = client("cloudwatch")
    now = datetime.now(timezone.utc)
    check("cloudwatch describe-alarms (none)", lambda: cw.describe_alarms(), empty=["MetricAlarms", "CompositeAlarms"])
    check("cloudwatch describe-alarm-history (none)", lambda: cw.describe_alarm_history(),
          empty=["AlarmHistoryItems"])
    check("cloudwatch describe-alarms-for-metric (none)", lambda: cw.describe_alarms_for_metric(
        Namespace="AWS/EC2", MetricName="CPUUtilization"), empty=["MetricAlarms"])
    check("cloudwatch list-metrics (none)", lambda: cw.list_metrics(), empty=["Metrics"])
    check("cloudwatch get-metric-statistics (no data)", lambda: cw.get_metric_statistics(
        Namespace="AWS/EC2", MetricName="CPUUtilization", StartTime=now - timedelta(hours=1), EndTime=now,
        Period=60, Statistics=["Average"]), empty=["Datapoints"], equals={"Label": "CPUUtilization"})
    data = check("cloudwatch get-metric-data (no data)", lambda: cw.get_metric_data(
        MetricDataQueries=[{"Id": "m1", "MetricStat": {"Metric": {"Namespace": "AWS/EC2", "MetricName": "CPUUtilization"},
                                                       "Period": 60, "Stat": "Average"}}],
        StartTime=now - timedelta(hours=1), EndTime=now), empty=["Messages"])
    if data is not None:
        check("cloudwatch get-metric-data (empty series)", lambda: data["MetricDataResults"][0],
              empty=["Timestamps", "Values"], equals={"Id": "m1", "StatusCode": "Complete"})
    check("cloudwatch put-metric-data (no output)", lambda: cw.put_metric_data(
        Namespace="Selfheal/Empty", MetricData=[{"MetricName": "m", "Value": 1.0}]))
    check("cloudwatch put-metric-alarm (no output)", lambda: cw.put_metric_alarm(
        AlarmName="empty", Namespace="Selfheal/Empty", MetricName="m", Statistic="Average", Period=60,
        EvaluationPeriods=1, Threshold=1.0, ComparisonOperator="GreaterThanThreshold"))
    check("cloudwatch set-alarm-state (no output)", lambda: cw.set_alarm_state(
        AlarmName="empty", StateValue="ALARM", StateReason="empty"))
    check("cloudwatch disable-alarm-actions (no output)", lambda: cw.disable_alarm_actions(AlarmNames=["empty"]))
    check("cloudwatch enable-alarm-actions (no output)", lambda: cw.enable_alarm_actions(AlarmNames=["empty"]))
    check("cloudwatch delete-alarms (no output)", lambda: cw.delete_alarms(AlarmNames=["empty"]))


def sts():
    check("sts get-caller-identity", lambda: client("sts").get_caller_identity(), equals={"Account": account})


def ec2():
    ec2 = client("ec2")
    check("ec2 describe-instances (none)", lambda: ec2.describe_instances(), empty=["Reservations"])
    check("ec2 describe-instance-status (none)", lambda: ec2.describe_instance_status(), empty=["InstanceStatuses"])
    check("ec2 describe-volumes (none)", lambda: ec2.describe_volumes(), empty=["Volumes"])
    check("ec2 describe-snapshots (none of mine)", lambda: ec2.describe_snapshots(OwnerIds=["self"]),
          empty=["Snapshots"])
    check("ec2 describe-tags (none)", lambda: ec2.describe_tags(), empty=["Tags"])
    check("ec2 describe-network-interfaces (none)", lambda: ec2.describe_network_interfaces(),
          empty=["NetworkInterfaces"])
    check("ec2 describe-instances (filter matches none)", lambda: ec2.describe_instances(
        Filters=[{"Name": "tag:Name", "Values": ["none"]}]), empty=["Reservations"])
    check("ec2 describe-security-groups (filter matches none)", lambda: ec2.describe_security_groups(
        Filters=[{"Name": "group-name", "Values": ["none"]}]), empty=["SecurityGroups"])
    check("ec2 describe-security-group-rules (filter matches none)", lambda: ec2.describe_security_group_rules(
        Filters=[{"Name": "group-id", "Values": ["sg-00000000000000000"]}]), empty=["SecurityGroupRules"])
    check("ec2 describe-subnets (filter matches none)", lambda: ec2.describe_subnets(
        Filters=[{"Name": "vpc-id", "Values": ["vpc-00000000"]}]), empty=["Subnets"])
    check("ec2 describe-vpcs (filter matches none)", lambda: ec2.describe_vpcs(
        Filters=[{"Name": "vpc-id", "Values": ["vpc-00000000"]}]), empty=["Vpcs"])


for part in (sts, sqs, sns, cloudwatch, ec2):
    part()
print(f"botocore {botocore.__version__}: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
