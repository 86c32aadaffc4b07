# A custom AWS Config rule as a team writes one (the pattern of AWS's Config Rules Development Kit):
# NON_COMPLIANT when a security group admits the port in the rule parameters from anywhere.
import json

import boto3

config = boto3.client("config")


def world_open(permission, port):
    protocol = permission.get("ipProtocol")
    if protocol not in ("tcp", "6", "-1"):
        return False
    if protocol != "-1" and not (permission.get("fromPort", 0) <= port <= permission.get("toPort", 65535)):
        return False
    cidrs = [r.get("cidrIp") for r in permission.get("ipv4Ranges", [])]
    cidrs += [r if isinstance(r, str) else r.get("cidrIp") for r in permission.get("ipRanges", [])]
    return "0.0.0.0/0" in cidrs


def item_from_history(summary):
    """An oversized item is not in the event: read it back, as AWS's examples do (configuration is a JSON string)."""
    item = config.get_resource_config_history(resourceType=summary["resourceType"], resourceId=summary["resourceId"],
                                              limit=1)["configurationItems"][0]
    item["configuration"] = json.loads(item["configuration"])
    return item


def handler(event, context):
    invoking = json.loads(event["invokingEvent"])
    port = int(json.loads(event["ruleParameters"]).get("port", "22"))
    if invoking["messageType"] == "ScheduledNotification":
        evaluations = [{
            "ComplianceResourceType": "AWS::::Account",
            "ComplianceResourceId": invoking["awsAccountId"],
            "ComplianceType": "COMPLIANT",
            "Annotation": "checked on schedule",
            "OrderingTimestamp": invoking["notificationCreationTime"],
        }]
    else:
        item = invoking.get("configurationItem") or item_from_history(invoking["configurationItemSummary"])
        if item["configurationItemStatus"] == "ResourceDeleted" or event["eventLeftScope"]:
            compliance, annotation = "NOT_APPLICABLE", None
        elif any(world_open(p, port) for p in item["configuration"].get("ipPermissions", [])):
            compliance, annotation = "NON_COMPLIANT", "port %d is open to the world" % port
        else:
            compliance, annotation = "COMPLIANT", None
        evaluation = {
            "ComplianceResourceType": item["resourceType"],
            "ComplianceResourceId": item["resourceId"],
            "ComplianceType": compliance,
            "OrderingTimestamp": item["configurationItemCaptureTime"],
        }
        if annotation:
            evaluation["Annotation"] = annotation
        evaluations = [evaluation]
    config.put_evaluations(Evaluations=evaluations, ResultToken=event["resultToken"])
    return {"evaluations": len(evaluations)}
