"""Reboots the EC2 instance whose CPU alarm went to ALARM: the seed's remediation, in Python.

Handler: reboot_on_high_cpu.handler (runtime python3.9 or later; boto3 as the Lambda runtime provides it).
Same contract as the Java RebootOnHighCpu:

* Input: an EventBridge input transformer's output (instance_id, alarm_name, state_value, state_timestamp), or the
  raw "CloudWatch Alarm State Change" event (detail.configuration.metrics[].metricStat.metric.dimensions.InstanceId),
  or a CloudWatch alarm action payload (alarmData). No instance id, or an unknown instance, raises: the invocation
  shows as an error.
* Output: {"action": rebooted | duplicate | skipped | dry-run, "instanceId": ..., "reason": ...}.
* From an SQS queue (an event source mapping with FunctionResponseTypes ReportBatchItemFailures): each record's
  body is one of the inputs above; the answer is {"batchItemFailures": [{"itemIdentifier": messageId}, ...]} naming
  the records that failed, so Lambda deletes the others and only the failed ones return to the queue (and, after
  the queue's maxReceiveCount, to its dead-letter queue).
  https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html#services-sqs-batchfailurereporting
* Idempotent by alarm transition: the key alarm_name@state_timestamp is written to the instance's
  selfheal:remediated-by tag after the reboot; a redelivery that finds it changes nothing. Without a transition
  (instance_id only), REBOOT_COOLDOWN_SECONDS (300) since selfheal:remediated-at stands in.
* DRY_RUN=true only asks EC2 whether the reboot is allowed (DryRun=True).
* Logs: one JSON object per line (level, message, requestId, instanceId, alarmName, action ...).
* Least privilege: reboot_on_high_cpu.policy.json beside this file.
"""
import datetime
import hashlib
import json
import os

import boto3
from botocore.exceptions import ClientError

BY_TAG = "selfheal:remediated-by"
AT_TAG = "selfheal:remediated-at"
MAX_TAG_VALUE = 256

# Created once per execution environment, in the init phase, and reused by every invocation.
ec2 = boto3.client("ec2")


class JsonLog:
    def __init__(self, **fields):
        self.fields = {k: v for k, v in fields.items() if v is not None}

    def with_(self, **more):
        return JsonLog(**{**self.fields, **more})

    def info(self, message, **more):
        self._write("INFO", message, more)

    def error(self, message, **more):
        self._write("ERROR", message, more)

    def _write(self, level, message, more):
        line = {"level": level, "message": message, **self.fields}
        line.update({k: v for k, v in more.items() if v is not None})
        print(json.dumps(line))


def _text(value):
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def _path(node, *keys):
    for key in keys:
        if not isinstance(node, dict):
            return None
        node = node.get(key)
    return node


def _instance_from_metrics(metrics):
    """Prefers a returnData metric with an InstanceId dimension (metric math), else the first that has one."""
    if not isinstance(metrics, list):
        return None
    first = None
    for metric in metrics:
        instance_id = _text(_path(metric, "metricStat", "metric", "dimensions", "InstanceId"))
        if instance_id is None:
            continue
        if _path(metric, "returnData") in (True, "true"):
            return instance_id
        first = first or instance_id
    return first


def parse_alarm(event):
    """(instance_id, alarm_name, state_value, state_timestamp) from any of the three input shapes."""
    if not isinstance(event, dict) or not event:
        raise ValueError("Empty input: expected an EventBridge transformed input with instance_id, a CloudWatch "
                         "Alarm State Change event or a CloudWatch alarm action payload")
    if "instance_id" in event:
        instance_id = _text(event.get("instance_id"))
        if instance_id is None:
            raise ValueError("instance_id is empty: the rule's input transformer found no InstanceId dimension "
                             "($.detail.configuration.metrics[0].metricStat.metric.dimensions.InstanceId)")
        return (instance_id, _text(event.get("alarm_name")), _text(event.get("state_value")),
                _text(event.get("state_timestamp")))
    for body_name in ("alarmData", "detail"):
        body = event.get(body_name)
        if isinstance(body, dict):
            alarm_name = _text(body.get("alarmName"))
            instance_id = _instance_from_metrics(_path(body, "configuration", "metrics"))
            if instance_id is None:
                raise ValueError("No EC2 instance id in alarm %s: no %s.configuration.metrics[].metricStat.metric."
                                 "dimensions.InstanceId" % ("'%s'" % alarm_name if alarm_name else "(unnamed)",
                                                            body_name))
            return (instance_id, alarm_name, _text(_path(body, "state", "value")),
                    _text(_path(body, "state", "timestamp")))
    raise ValueError("Unrecognised input with keys %s: expected instance_id, detail or alarmData" % sorted(event))


def _tag_value(key):
    if len(key) <= MAX_TAG_VALUE:
        return key
    return "sha256:" + hashlib.sha256(key.encode("utf-8")).hexdigest()


def _cooldown_seconds():
    raw = os.environ.get("REBOOT_COOLDOWN_SECONDS", "").strip()
    if not raw:
        return 300
    if not raw.isdigit():
        raise ValueError("REBOOT_COOLDOWN_SECONDS must be a whole number of seconds >= 0, got '%s'" % raw)
    return int(raw)


def _now():
    return datetime.datetime.now(datetime.timezone.utc)


def _describe(instance_id):
    try:
        reservations = ec2.describe_instances(InstanceIds=[instance_id])["Reservations"]
    except ClientError as e:
        if e.response["Error"]["Code"] == "InvalidInstanceID.NotFound":
            raise LookupError("instance %s not found" % instance_id) from e
        raise
    instances = [i for r in reservations for i in r["Instances"]]
    if not instances:
        raise LookupError("instance %s not found" % instance_id)
    instance = instances[0]
    return instance["State"]["Name"], {t["Key"]: t["Value"] for t in instance.get("Tags", [])}


def _outcome(action, instance_id, reason):
    return {"action": action, "instanceId": instance_id, "reason": reason}


def _remediate(instance_id, alarm_name, state_value, state_timestamp, log):
    if state_value is not None and state_value != "ALARM":
        return _outcome("skipped", instance_id, "alarm state is %s, not ALARM" % state_value)
    key = "%s@%s" % (alarm_name, state_timestamp) if alarm_name and state_timestamp else None
    state, tags = _describe(instance_id)
    now = _now()
    if key is not None and tags.get(BY_TAG) == _tag_value(key):
        return _outcome("duplicate", instance_id, "duplicate: already remediated for " + key)
    if key is None and AT_TAG in tags:
        try:
            last = datetime.datetime.fromisoformat(tags[AT_TAG].replace("Z", "+00:00"))
        except ValueError:
            last = None
        cooldown = _cooldown_seconds()
        if last is not None and (now - last).total_seconds() < cooldown:
            return _outcome("skipped", instance_id, "cooldown: last remediated at %s, within %ss"
                            % (tags[AT_TAG], cooldown))
    if state != "running":
        return _outcome("skipped", instance_id, "instance is %s, not running" % state)
    if os.environ.get("DRY_RUN", "false").strip().lower() == "true":
        try:
            ec2.reboot_instances(InstanceIds=[instance_id], DryRun=True)
        except ClientError as e:
            if e.response["Error"]["Code"] != "DryRunOperation":
                raise
        return _outcome("dry-run", instance_id, "would reboot: EC2 answered DryRunOperation")
    ec2.reboot_instances(InstanceIds=[instance_id])
    log.info("reboot requested", action="rebooted", idempotencyKey=key)
    marker = [{"Key": AT_TAG, "Value": now.isoformat(timespec="milliseconds").replace("+00:00", "Z")}]
    if key is not None:
        marker.insert(0, {"Key": BY_TAG, "Value": _tag_value(key)})
    try:
        ec2.create_tags(Resources=[instance_id], Tags=marker)
    except ClientError as e:
        # The reboot happened; failing now would make the caller retry it. Report loudly instead.
        log.error("remediation marker not written: a redelivery would reboot again", error=str(e))
        return _outcome("rebooted", instance_id, "rebooted; remediation marker not written: %s" % e)
    return _outcome("rebooted", instance_id, "rebooted for " + key if key else
                    "rebooted (no alarm transition id; cooldown applies)")


def _is_sqs_batch(event):
    records = event.get("Records") if isinstance(event, dict) else None
    return isinstance(records, list) and bool(records) and all(
        isinstance(r, dict) and r.get("eventSource") == "aws:sqs" for r in records)


def _sqs_batch(records, context):
    """Remediates each record on its own; a failing record is reported, not raised, so the others are kept done."""
    log = JsonLog(requestId=getattr(context, "aws_request_id", None))
    failures = []
    for record in records:
        message_id = record.get("messageId")
        try:
            body = json.loads(record.get("body") or "")
        except ValueError as e:
            log.error("input rejected", messageId=message_id, action="failed", error="body is not JSON: %s" % e)
            failures.append({"itemIdentifier": message_id})
            continue
        try:
            _one(body, context, message_id=message_id)
        except Exception:  # noqa: BLE001 - _one logged it; Lambda returns this record to the queue
            failures.append({"itemIdentifier": message_id})
    log.info("batch finished", records=len(records), failed=len(failures))
    return {"batchItemFailures": failures}


def handler(event, context):
    if _is_sqs_batch(event):
        return _sqs_batch(event["Records"], context)
    return _one(event, context)


def _one(event, context, message_id=None):
    log = JsonLog(requestId=getattr(context, "aws_request_id", None), messageId=message_id)
    try:
        instance_id, alarm_name, state_value, state_timestamp = parse_alarm(event)
    except ValueError as e:
        log.error("input rejected", action="failed", error=str(e))
        raise
    log = log.with_(instanceId=instance_id, alarmName=alarm_name, stateTimestamp=state_timestamp)
    log.info("remediation requested", stateValue=state_value,
             dryRun=os.environ.get("DRY_RUN", "false").strip().lower() == "true")
    try:
        outcome = _remediate(instance_id, alarm_name, state_value, state_timestamp, log)
    except Exception as e:
        log.error("remediation failed", action="failed", error=str(e), errorType=type(e).__name__)
        raise
    log.info("remediation finished", action=outcome["action"], reason=outcome["reason"])
    return outcome
