"""A deliberately broken isolation, the classic one: ModifyInstanceAttribute with Groups replaces the security groups of
the instance's primary network interface only (EC2 API reference, ModifyInstanceAttribute: "changes the security
groups of the instance's primary network interface"). A second interface keeps its groups, so the instance still
talks through it, while DescribeInstances' instance-level groups look isolated."""
import json
import os

import boto3

ec2 = boto3.client("ec2")


def handler(event, context):
    instance_id = event["detail"]["resource"]["instanceDetails"]["instanceId"]
    ec2.create_snapshots(InstanceSpecification={"InstanceId": instance_id},
                         TagSpecifications=[{"ResourceType": "snapshot",
                                             "Tags": [{"Key": "finding-id", "Value": event["detail"]["id"]}]}])
    ec2.modify_instance_attribute(InstanceId=instance_id, Groups=[os.environ["ISOLATION_GROUP_ID"]])
    print(json.dumps({"level": "INFO", "message": "isolated", "instanceId": instance_id}))
    return {"isolated": instance_id}
