"""boto3 against `selfheal serve`: each service the spine uses, and AWS's error codes as botocore parses them.

Usage: python3 boto3_smoke.py <endpoint>. Prints one line per check and exits non-zero on the first failure.
"""
import json
import sys

import boto3
from botocore.exceptions import ClientError

endpoint = sys.argv[1]
session = boto3.session.Session(aws_access_key_id="AKIAIOSFODNN7EXAMPLE",
                                aws_secret_access_key="wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                                region_name="us-east-1")


def client(name):
    return session.client(name, endpoint_url=endpoint)


def expect_error(code, call, *args, **kwargs):
    try:
        call(*args, **kwargs)
    except ClientError as e:
        actual = e.response["Error"]["Code"]
        assert actual == code, f"expected {code}, got {actual}"
        assert 400 <= e.response["ResponseMetadata"]["HTTPStatusCode"] < 500
        return
    raise AssertionError(f"expected {code}, the call succeeded")


def check(name, fn):
    fn()
    print(f"ok {name}")


def sts():
    assert client("sts").get_caller_identity()["Account"] == "123456789012"


def ec2():
    ec2 = client("ec2")
    instance = ec2.run_instances(ImageId="ami-0abcdef1234567890", MinCount=1, MaxCount=1,
                                 TagSpecifications=[{"ResourceType": "instance",
                                                     "Tags": [{"Key": "Name", "Value": "boto3"}]}])["Instances"][0]
    found = ec2.describe_instances(Filters=[{"Name": "tag:Name", "Values": ["boto3"]}])["Reservations"]
    assert found[0]["Instances"][0]["InstanceId"] == instance["InstanceId"]
    expect_error("InvalidInstanceID.NotFound", ec2.describe_instances, InstanceIds=["i-0000000000000000f"])
    expect_error("DryRunOperation", ec2.reboot_instances, InstanceIds=[instance["InstanceId"]], DryRun=True)


def cloudwatch():
    cw = client("cloudwatch")
    cw.put_metric_alarm(AlarmName="EC2-CPU-High-boto3", Namespace="AWS/EC2", MetricName="CPUUtilization",
                        Statistic="Average", Period=60, EvaluationPeriods=5, Threshold=90.0,
                        ComparisonOperator="GreaterThanThreshold",
                        Dimensions=[{"Name": "InstanceId", "Value": "i-0123456789abcdef0"}])
    cw.set_alarm_state(AlarmName="EC2-CPU-High-boto3", StateValue="ALARM", StateReason="boto3")
    # The history, not the current state: on a real clock the next minute's evaluation may already have moved an
    # alarm without data on to INSUFFICIENT_DATA, as on AWS.
    history = cw.describe_alarm_history(AlarmName="EC2-CPU-High-boto3", HistoryItemType="StateUpdate")
    assert "Alarm updated from INSUFFICIENT_DATA to ALARM" in [h["HistorySummary"] for h in history["AlarmHistoryItems"]]
    alarm = cw.describe_alarms(AlarmNames=["EC2-CPU-High-boto3"])["MetricAlarms"][0]
    assert alarm["Dimensions"] == [{"Name": "InstanceId", "Value": "i-0123456789abcdef0"}]


def events():
    ev = client("events")
    pattern = {"source": ["boto3.test"], "detail": {"level": [{"numeric": [">", 5]}]}}
    ev.put_rule(Name="boto3-rule", EventPattern=json.dumps(pattern))
    assert ev.describe_rule(Name="boto3-rule")["State"] == "ENABLED"
    put = ev.put_events(Entries=[{"Source": "boto3.test", "DetailType": "t", "Detail": json.dumps({"level": 9})}])
    assert put["FailedEntryCount"] == 0
    expect_error("InvalidEventPatternException", ev.put_rule, Name="bad", EventPattern='{"source": "x"}')
    expect_error("ResourceNotFoundException", ev.describe_rule, Name="no-such-rule")


def lambda_():
    lam = client("lambda")
    assert "Functions" in lam.list_functions()
    expect_error("ResourceNotFoundException", lam.get_function, FunctionName="no-such-function")


for name, fn in [("sts", sts), ("ec2", ec2), ("cloudwatch", cloudwatch), ("events", events), ("lambda", lambda_)]:
    check(name, fn)
print("boto3 smoke: all ok")
