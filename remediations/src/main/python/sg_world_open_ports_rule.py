"""Our example custom AWS Config rule (Owner CUSTOM_LAMBDA): security groups must not open chosen ports to the world.

Handler: sg_world_open_ports_rule.handler (runtime python3.9 or later; boto3 as the Lambda runtime provides it).

* Scope: AWS::EC2::SecurityGroup. Rule parameter "ports" (ruleParameters JSON), a comma-separated list of TCP ports
  and ranges such as "22,3389,5900-5901"; default "22". A group is NON_COMPLIANT when an inbound permission admits one
  of them (TCP, or all traffic) from 0.0.0.0/0 or ::/0, else COMPLIANT. Other resource types, deleted groups and
  groups that left the rule's scope (eventLeftScope) are NOT_APPLICABLE.
* Invocation as AWS Config makes it: "invokingEvent" is a JSON string whose messageType is
  - ConfigurationItemChangeNotification: the group's configurationItem is in the event;
  - OversizedConfigurationItemChangeNotification: only a configurationItemSummary is; the item is read with
    GetResourceConfigHistory (limit 1);
  - ScheduledNotification (periodic trigger): every group of the account and region is read with
    DescribeSecurityGroups and evaluated.
  The results go back with PutEvaluations and the event's resultToken (100 per call), ordered by the item's capture
  time (the notification's creation time for periodic runs).
  https://docs.aws.amazon.com/config/latest/developerguide/evaluate-config_develop-rules_example-events.html
* Output: {"evaluations": [...], "failedEvaluations": [...]}. Logs: one JSON object per line.
* Least privilege: sg_world_open_ports_rule.policy.json beside this file.
"""
import json

import boto3

RESOURCE_TYPE = "AWS::EC2::SecurityGroup"
WORLD = ("0.0.0.0/0", "::/0")
DEFAULT_PORTS = "22"
PUT_LIMIT = 100

# Created once per execution environment, in the init phase, and reused by every invocation.
config = boto3.client("config")
ec2 = boto3.client("ec2")


def log(level, message, **fields):
    print(json.dumps({"level": level, "message": message, **{k: v for k, v in fields.items() if v is not None}}))


def parse_ports(text):
    """'22,3389,5900-5901' -> [(22, 22), (3389, 3389), (5900, 5901)]; ValueError for anything else."""
    ranges = []
    for part in (text or DEFAULT_PORTS).split(","):
        low, _, high = part.strip().partition("-")
        low, high = int(low), int(high or low)
        if not 0 <= low <= high <= 65535:
            raise ValueError("ports must be TCP ports or ranges such as 22,5900-5901, got %r" % text)
        ranges.append((low, high))
    return ranges


def _permissions_from_item(configuration):
    """Config's item shape: ipPermissions[] with ipv4Ranges[].cidrIp (and ipRanges strings), ipv6Ranges[].cidrIpv6."""
    for p in configuration.get("ipPermissions") or []:
        sources = [r.get("cidrIp") for r in p.get("ipv4Ranges") or []]
        sources += [r if isinstance(r, str) else r.get("cidrIp") for r in p.get("ipRanges") or []]
        sources += [r.get("cidrIpv6") for r in p.get("ipv6Ranges") or []]
        yield str(p.get("ipProtocol", "-1")), p.get("fromPort"), p.get("toPort"), sources


def _permissions_from_api(group):
    """EC2's DescribeSecurityGroups shape: IpPermissions[] with IpRanges[].CidrIp, Ipv6Ranges[].CidrIpv6."""
    for p in group.get("IpPermissions") or []:
        sources = [r.get("CidrIp") for r in p.get("IpRanges") or []]
        sources += [r.get("CidrIpv6") for r in p.get("Ipv6Ranges") or []]
        yield str(p.get("IpProtocol", "-1")), p.get("FromPort"), p.get("ToPort"), sources


def world_open_ports(permissions, ports):
    """The watched ports that some world-open inbound permission admits over TCP."""
    found = set()
    for protocol, from_port, to_port, sources in permissions:
        if not any(s in WORLD for s in sources):
            continue
        if protocol == "-1":
            low, high = 0, 65535
        elif protocol in ("tcp", "6") and from_port is not None:
            low, high = from_port, to_port if to_port is not None else from_port
        else:
            continue
        for first, last in ports:
            found.update(p for p in range(max(first, low), min(last, high) + 1))
    return sorted(found)


def _judge(permissions, ports):
    open_ports = world_open_ports(permissions, ports)
    if open_ports:
        shown = ", ".join(str(p) for p in open_ports[:20])
        return "NON_COMPLIANT", ("Ports open to 0.0.0.0/0 or ::/0: %s." % shown)[:256]
    return "COMPLIANT", None


def _evaluation(resource_type, resource_id, compliance, annotation, ordering):
    evaluation = {"ComplianceResourceType": resource_type, "ComplianceResourceId": resource_id,
                  "ComplianceType": compliance, "OrderingTimestamp": ordering}
    if annotation:
        evaluation["Annotation"] = annotation
    return evaluation


def evaluate_item(item, ports, left_scope=False):
    """One evaluation of a configuration item in the notification shape."""
    resource_type, resource_id = item["resourceType"], item["resourceId"]
    ordering = item["configurationItemCaptureTime"]
    status = item.get("configurationItemStatus", "")
    if resource_type != RESOURCE_TYPE or left_scope or status.startswith("ResourceDeleted"):
        return _evaluation(resource_type, resource_id, "NOT_APPLICABLE", None, ordering)
    configuration = item.get("configuration") or {}
    if isinstance(configuration, str):
        configuration = json.loads(configuration)
    compliance, annotation = _judge(_permissions_from_item(configuration), ports)
    return _evaluation(resource_type, resource_id, compliance, annotation, ordering)


def _item_from_history(summary):
    """The oversized item, read back; the API shape carries configuration as a JSON string and its ids renamed."""
    history = config.get_resource_config_history(resourceType=summary["resourceType"],
                                                 resourceId=summary["resourceId"], limit=1)
    items = history.get("configurationItems") or []
    if not items:
        raise LookupError("no configuration item recorded for %s %s" % (summary["resourceType"], summary["resourceId"]))
    item = dict(items[0])
    item["configurationItemCaptureTime"] = summary.get("configurationItemCaptureTime",
                                                       item.get("configurationItemCaptureTime"))
    return item


def _scheduled(ports, ordering):
    evaluations = []
    for page in ec2.get_paginator("describe_security_groups").paginate():
        for group in page["SecurityGroups"]:
            compliance, annotation = _judge(_permissions_from_api(group), ports)
            evaluations.append(_evaluation(RESOURCE_TYPE, group["GroupId"], compliance, annotation, ordering))
    return evaluations


def handler(event, context):
    request_id = getattr(context, "aws_request_id", None)
    invoking = json.loads(event["invokingEvent"])
    parameters = json.loads(event.get("ruleParameters") or "{}")
    ports = parse_ports(parameters.get("ports"))
    message_type = invoking.get("messageType")
    if message_type == "ConfigurationItemChangeNotification":
        evaluations = [evaluate_item(invoking["configurationItem"], ports, event.get("eventLeftScope", False))]
    elif message_type == "OversizedConfigurationItemChangeNotification":
        item = _item_from_history(invoking["configurationItemSummary"])
        evaluations = [evaluate_item(item, ports, event.get("eventLeftScope", False))]
    elif message_type == "ScheduledNotification":
        evaluations = _scheduled(ports, invoking["notificationCreationTime"])
    else:
        raise ValueError("unexpected invokingEvent messageType %r" % message_type)

    failed = []
    for start in range(0, len(evaluations), PUT_LIMIT):
        answer = config.put_evaluations(Evaluations=evaluations[start:start + PUT_LIMIT],
                                        ResultToken=event["resultToken"])
        failed += answer.get("FailedEvaluations") or []
    for e in evaluations:
        log("INFO", "evaluated", requestId=request_id, configRuleName=event.get("configRuleName"),
            messageType=message_type, resourceId=e["ComplianceResourceId"], complianceType=e["ComplianceType"])
    if failed:
        log("ERROR", "evaluations refused", requestId=request_id, failed=len(failed))
    return {"evaluations": [{k: str(v) for k, v in e.items()} for e in evaluations], "failedEvaluations": failed}
