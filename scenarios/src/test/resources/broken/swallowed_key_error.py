"""A deliberately broken remediation, as the seed article's was: it reads event['detail'] before looking for the
transformed instance_id, so with the rule's input transformer in place it always hits KeyError, catches it, logs it
and returns {"statusCode": 500} without raising. Lambda sees a successful invocation; nothing is rebooted."""
import json

import boto3

ec2 = boto3.client("ec2")


def handler(event, context):
    try:
        detail = event["detail"]
        instance_id = event.get("instance_id") or detail["configuration"]["metrics"][0]["metricStat"]["metric"][
            "dimensions"]["InstanceId"]
        ec2.reboot_instances(InstanceIds=[instance_id])
        return {"statusCode": 200, "body": json.dumps({"rebooted": instance_id})}
    except KeyError as e:
        print(json.dumps({"level": "ERROR", "message": "could not find the instance to reboot",
                          "missingKey": str(e)}))
        return {"statusCode": 500}
