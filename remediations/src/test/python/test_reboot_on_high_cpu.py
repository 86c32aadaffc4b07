"""Unit tests of reboot_on_high_cpu with Python's unittest and botocore's Stubber.

The Stubber checks every EC2 call the function makes against the EC2 API model (operation, parameters and the shape
of each canned answer) and fails on any call not expected, so these tests pin which calls are made, in which order,
with which arguments. Run from remediations/ by PythonRemediationTest (mvn test), or by hand:

    PYTHONPATH=src/main/python python3 -m unittest discover -s src/test/python -v
"""
import datetime
import io
import json
import os
import pathlib
import unittest
from contextlib import redirect_stdout
from unittest import mock

# The module creates its EC2 client on import, as a function does in its init phase: give it a region and
# credentials that reach nothing (the Stubber answers every call before anything is signed or sent).
os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")
os.environ.setdefault("AWS_ACCESS_KEY_ID", "testing")
os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "testing")

from botocore.stub import Stubber  # noqa: E402

import reboot_on_high_cpu as fn  # noqa: E402

EVENTS = pathlib.Path(__file__).resolve().parents[1] / "resources" / "events"
INSTANCE = "i-0123456789abcdef0"
ALARM = "EC2-CPU-High-webserver-prod"
TRANSITION = "2026-01-01T00:10:00.000+0000"
NOW = datetime.datetime(2026, 1, 1, 0, 11, tzinfo=datetime.timezone.utc)


def event(name):
    return json.loads((EVENTS / name).read_text())


def transformed(state="ALARM", instance_id=INSTANCE, timestamp=TRANSITION):
    return {"instance_id": instance_id, "alarm_name": ALARM, "state_value": state, "state_timestamp": timestamp}


class Context:
    aws_request_id = "5f6e7d8c-0000-4000-8000-000000000001"


def described(state="running", tags=None, instance_id=INSTANCE):
    instance = {"InstanceId": instance_id, "State": {"Code": 16, "Name": state}}
    if tags:
        instance["Tags"] = [{"Key": k, "Value": v} for k, v in tags.items()]
    return {"Reservations": [{"ReservationId": "r-0123456789abcdef0", "Instances": [instance]}]}


class ParseAlarmTest(unittest.TestCase):
    """The three input shapes the function accepts, and what it refuses."""

    def test_transformed_input(self):
        self.assertEqual(fn.parse_alarm(transformed()), (INSTANCE, ALARM, "ALARM", TRANSITION))

    def test_raw_alarm_state_change_event(self):
        self.assertEqual(fn.parse_alarm(event("cloudwatch-alarm-state-change-metric.json")),
                         ("i-12345678901234567", "ServerCpuTooHigh", "ALARM", "2019-10-02T17:04:40.989+0000"))

    def test_alarm_action_payload(self):
        self.assertEqual(fn.parse_alarm(event("cloudwatch-alarm-lambda-action-payload.json")),
                         ("i-12345678", "lambda-demo-metric-alarm", "ALARM", "2023-08-04T12:36:15.490+0000"))

    def test_metric_math_prefers_the_returned_metric(self):
        metrics = [
            {"id": "m1", "metricStat": {"metric": {"dimensions": {"InstanceId": "i-first"}}}, "returnData": False},
            {"id": "e1", "expression": "m1 * 2", "returnData": False},
            {"id": "m2", "metricStat": {"metric": {"dimensions": {"InstanceId": "i-returned"}}}, "returnData": True},
        ]
        detail = {"alarmName": ALARM, "configuration": {"metrics": metrics}, "state": {"value": "ALARM"}}
        self.assertEqual(fn.parse_alarm({"detail": detail})[0], "i-returned")

    def test_refuses_what_names_no_instance(self):
        for bad, says in [({}, "Empty input"),
                          (transformed(instance_id="  "), "instance_id is empty"),
                          ({"detail": {"alarmName": "a", "configuration": {"metrics": []}}}, "No EC2 instance id"),
                          ({"something": 1}, "Unrecognised input")]:
            with self.subTest(bad=bad):
                with self.assertRaisesRegex(ValueError, says):
                    fn.parse_alarm(bad)


class HandlerTest(unittest.TestCase):
    """The handler against a stubbed EC2: which calls it makes, what it answers and what it logs."""

    def setUp(self):
        self.stubber = Stubber(fn.ec2)
        self.stubber.activate()
        self.addCleanup(self.stubber.deactivate)
        patcher = mock.patch.object(fn, "_now", return_value=NOW)
        patcher.start()
        self.addCleanup(patcher.stop)
        env = mock.patch.dict(os.environ, {"DRY_RUN": "false"})
        env.start()
        self.addCleanup(env.stop)

    def run_handler(self, evt):
        out = io.StringIO()
        with redirect_stdout(out):
            result = fn.handler(evt, Context())
        self.stubber.assert_no_pending_responses()
        return result, [json.loads(line) for line in out.getvalue().splitlines()]

    def expect_describe(self, **kwargs):
        self.stubber.add_response("describe_instances", described(**kwargs), {"InstanceIds": [INSTANCE]})

    def test_reboots_and_marks_the_transition(self):
        self.expect_describe()
        self.stubber.add_response("reboot_instances", {}, {"InstanceIds": [INSTANCE]})
        self.stubber.add_response("create_tags", {}, {"Resources": [INSTANCE], "Tags": [
            {"Key": fn.BY_TAG, "Value": ALARM + "@" + TRANSITION},
            {"Key": fn.AT_TAG, "Value": "2026-01-01T00:11:00.000Z"}]})

        result, logs = self.run_handler(transformed())

        self.assertEqual(result, {"action": "rebooted", "instanceId": INSTANCE,
                                  "reason": "rebooted for " + ALARM + "@" + TRANSITION})
        self.assertEqual([line["message"] for line in logs],
                         ["remediation requested", "reboot requested", "remediation finished"])
        for line in logs:
            self.assertEqual((line["level"], line["requestId"], line["instanceId"], line["alarmName"]),
                             ("INFO", Context.aws_request_id, INSTANCE, ALARM))
        self.assertEqual(logs[-1]["action"], "rebooted")

    def test_a_redelivered_transition_changes_nothing(self):
        self.expect_describe(tags={fn.BY_TAG: ALARM + "@" + TRANSITION})

        result, _ = self.run_handler(transformed())

        self.assertEqual(result["action"], "duplicate")

    def test_a_new_transition_of_the_same_alarm_reboots_again(self):
        self.expect_describe(tags={fn.BY_TAG: ALARM + "@2025-12-31T23:00:00.000+0000"})
        self.stubber.add_response("reboot_instances", {}, {"InstanceIds": [INSTANCE]})
        self.stubber.add_response("create_tags", {})

        self.assertEqual(self.run_handler(transformed())[0]["action"], "rebooted")

    def test_a_long_transition_key_is_stored_as_its_hash(self):
        long_name = "a" * 300
        key = long_name + "@" + TRANSITION
        self.expect_describe()
        self.stubber.add_response("reboot_instances", {}, {"InstanceIds": [INSTANCE]})
        self.stubber.add_response("create_tags", {}, {"Resources": [INSTANCE], "Tags": [
            {"Key": fn.BY_TAG, "Value": "sha256:" + __import__("hashlib").sha256(key.encode()).hexdigest()},
            {"Key": fn.AT_TAG, "Value": "2026-01-01T00:11:00.000Z"}]})

        evt = dict(transformed(), alarm_name=long_name)
        self.assertEqual(self.run_handler(evt)[0]["action"], "rebooted")

    def test_a_state_other_than_alarm_is_skipped_without_a_call(self):
        result, _ = self.run_handler(transformed(state="OK"))

        self.assertEqual(result, {"action": "skipped", "instanceId": INSTANCE,
                                  "reason": "alarm state is OK, not ALARM"})

    def test_an_instance_that_is_not_running_is_skipped(self):
        self.expect_describe(state="stopped")

        result, _ = self.run_handler(transformed())

        self.assertEqual(result["reason"], "instance is stopped, not running")

    def test_dry_run_asks_ec2_only(self):
        self.expect_describe()
        self.stubber.add_client_error("reboot_instances", service_error_code="DryRunOperation",
                                      service_message="Request would have succeeded, but DryRun flag is set.",
                                      http_status_code=412,
                                      expected_params={"InstanceIds": [INSTANCE], "DryRun": True})

        with mock.patch.dict(os.environ, {"DRY_RUN": "TRUE "}):
            result, _ = self.run_handler(transformed())

        self.assertEqual(result["action"], "dry-run")

    def test_dry_run_refused_by_ec2_fails_the_invocation(self):
        self.expect_describe()
        self.stubber.add_client_error("reboot_instances", service_error_code="UnauthorizedOperation",
                                      http_status_code=403)

        with mock.patch.dict(os.environ, {"DRY_RUN": "true"}), redirect_stdout(io.StringIO()):
            with self.assertRaises(fn.ClientError):
                fn.handler(transformed(), Context())

    def test_an_unknown_instance_fails_the_invocation_and_says_so(self):
        self.stubber.add_client_error("describe_instances", service_error_code="InvalidInstanceID.NotFound",
                                      service_message="The instance ID '%s' does not exist" % INSTANCE)
        out = io.StringIO()

        with redirect_stdout(out), self.assertRaisesRegex(LookupError, "instance %s not found" % INSTANCE):
            fn.handler(transformed(), Context())

        failed = json.loads(out.getvalue().splitlines()[-1])
        self.assertEqual((failed["level"], failed["action"], failed["errorType"]), ("ERROR", "failed", "LookupError"))

    def test_a_rejected_input_is_logged_and_raised(self):
        out = io.StringIO()

        with redirect_stdout(out), self.assertRaises(ValueError):
            fn.handler({"unexpected": True}, Context())

        rejected = json.loads(out.getvalue())
        self.assertEqual((rejected["message"], rejected["action"]), ("input rejected", "failed"))

    def test_a_marker_that_cannot_be_written_still_reports_the_reboot(self):
        self.expect_describe()
        self.stubber.add_response("reboot_instances", {}, {"InstanceIds": [INSTANCE]})
        self.stubber.add_client_error("create_tags", service_error_code="UnauthorizedOperation",
                                      http_status_code=403)

        result, logs = self.run_handler(transformed())

        self.assertEqual(result["action"], "rebooted")
        self.assertIn("remediation marker not written", result["reason"])
        self.assertIn("ERROR", [line["level"] for line in logs])

    def test_without_a_transition_the_cooldown_applies(self):
        recent = {fn.AT_TAG: "2026-01-01T00:08:00.000Z"}  # 3 minutes before NOW, within the default 300 s
        self.expect_describe(tags=recent)
        instance_only = {"instance_id": INSTANCE}

        self.assertEqual(self.run_handler(instance_only)[0]["action"], "skipped")

        with mock.patch.dict(os.environ, {"REBOOT_COOLDOWN_SECONDS": "120"}):
            self.expect_describe(tags=recent)
            self.stubber.add_response("reboot_instances", {}, {"InstanceIds": [INSTANCE]})
            self.stubber.add_response("create_tags", {}, {"Resources": [INSTANCE], "Tags": [
                {"Key": fn.AT_TAG, "Value": "2026-01-01T00:11:00.000Z"}]})
            result, _ = self.run_handler(instance_only)
        self.assertEqual(result, {"action": "rebooted", "instanceId": INSTANCE,
                                  "reason": "rebooted (no alarm transition id; cooldown applies)"})

    def test_a_malformed_cooldown_fails_the_invocation(self):
        self.expect_describe(tags={fn.AT_TAG: "2026-01-01T00:08:00.000Z"})

        with mock.patch.dict(os.environ, {"REBOOT_COOLDOWN_SECONDS": "5m"}), redirect_stdout(io.StringIO()):
            with self.assertRaisesRegex(ValueError, "REBOOT_COOLDOWN_SECONDS must be a whole number"):
                fn.handler({"instance_id": INSTANCE}, Context())

    def test_an_sqs_batch_reports_only_the_records_that_failed(self):
        unknown = "i-0000000000000dead"
        self.expect_describe()
        self.stubber.add_response("reboot_instances", {}, {"InstanceIds": [INSTANCE]})
        self.stubber.add_response("create_tags", {})
        self.stubber.add_client_error("describe_instances", service_error_code="InvalidInstanceID.NotFound",
                                      expected_params={"InstanceIds": [unknown]})
        batch = {"Records": [
            sqs_record("m-1", transformed()),
            sqs_record("m-2", transformed(instance_id=unknown)),
            {"messageId": "m-3", "eventSource": "aws:sqs", "body": "not json"}]}

        result, logs = self.run_handler(batch)

        self.assertEqual(result, {"batchItemFailures": [{"itemIdentifier": "m-2"}, {"itemIdentifier": "m-3"}]})
        failed = [line for line in logs if line["level"] == "ERROR"]
        self.assertEqual([(line["messageId"], line["message"]) for line in failed],
                         [("m-2", "remediation failed"), ("m-3", "input rejected")])
        self.assertEqual((logs[-1]["message"], logs[-1]["records"], logs[-1]["failed"]), ("batch finished", 3, 2))

    def test_a_batch_that_all_succeeds_reports_no_failures(self):
        self.expect_describe(tags={fn.BY_TAG: ALARM + "@" + TRANSITION})

        result, _ = self.run_handler({"Records": [sqs_record("m-1", transformed())]})

        self.assertEqual(result, {"batchItemFailures": []})


def sqs_record(message_id, body):
    """A record of Lambda's SQS event, as an event source mapping delivers it (the fields the handler reads)."""
    return {"messageId": message_id, "receiptHandle": "rh-" + message_id, "body": json.dumps(body),
            "eventSource": "aws:sqs", "eventSourceARN": "arn:aws:sqs:us-east-1:123456789012:remediations",
            "awsRegion": "us-east-1", "attributes": {"ApproximateReceiveCount": "1"}, "messageAttributes": {},
            "md5OfBody": ""}


if __name__ == "__main__":
    unittest.main()
