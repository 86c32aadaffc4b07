"""Unit tests of the example custom Config rule with unittest and botocore's Stubber (run by PythonRemediationTest).

The events are built as AWS Config invokes a custom rule: invokingEvent a JSON string of the three documented message
types, ruleParameters a JSON string, resultToken, eventLeftScope
(https://docs.aws.amazon.com/config/latest/developerguide/evaluate-config_develop-rules_example-events.html).
"""
import datetime
import io
import json
import os
import unittest
from contextlib import redirect_stdout

os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")
os.environ.setdefault("AWS_ACCESS_KEY_ID", "testing")
os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "testing")

from botocore.stub import Stubber  # noqa: E402

import sg_world_open_ports_rule as rule  # noqa: E402

GROUP = "sg-0123456789abcdef0"
CAPTURED = "2026-12-07T10:00:00.000Z"
TOKEN = "token-1"
RULE_ARN = "arn:aws:config:us-east-1:123456789012:config-rule/config-rule-abc123"


def permission(protocol, from_port, to_port, *cidrs):
    p = {"ipProtocol": protocol, "ipv6Ranges": [{"cidrIpv6": c} for c in cidrs if ":" in c], "prefixListIds": [],
         "userIdGroupPairs": [], "ipv4Ranges": [{"cidrIp": c} for c in cidrs if ":" not in c],
         "ipRanges": [c for c in cidrs if ":" not in c]}
    if from_port is not None:
        p["fromPort"], p["toPort"] = from_port, to_port
    return p


def item(*permissions, status="OK", resource_type=rule.RESOURCE_TYPE):
    return {"configurationItemVersion": "1.3", "configurationItemCaptureTime": CAPTURED,
            "configurationStateId": 1, "awsAccountId": "123456789012", "configurationItemStatus": status,
            "resourceType": resource_type, "resourceId": GROUP, "resourceName": None, "awsRegion": "us-east-1",
            "tags": {}, "relationships": [], "supplementaryConfiguration": {},
            "configuration": None if status == "ResourceDeleted" else {
                "groupName": "web", "groupId": GROUP, "vpcId": "vpc-0a1b2c3d", "ipPermissions": list(permissions),
                "ipPermissionsEgress": [permission("-1", None, None, "0.0.0.0/0")]}}


def event(invoking, parameters=None, left_scope=False):
    return {"version": "1.0", "invokingEvent": json.dumps(invoking),
            "ruleParameters": json.dumps(parameters or {}), "resultToken": TOKEN, "eventLeftScope": left_scope,
            "executionRoleArn": "arn:aws:iam::123456789012:role/config-role", "configRuleArn": RULE_ARN,
            "configRuleName": "sg-world-open-ports", "configRuleId": "config-rule-abc123",
            "accountId": "123456789012"}


def change(ci, **kwargs):
    return event({"configurationItemDiff": None, "configurationItem": ci,
                  "notificationCreationTime": "2026-12-07T10:00:01.000Z",
                  "messageType": "ConfigurationItemChangeNotification", "recordVersion": "1.3"}, **kwargs)


class Context:
    aws_request_id = "5f6e7d8c-0000-4000-8000-000000000002"


def expected(compliance, annotation=None, ordering=CAPTURED, resource_id=GROUP):
    e = {"ComplianceResourceType": rule.RESOURCE_TYPE, "ComplianceResourceId": resource_id,
         "ComplianceType": compliance, "OrderingTimestamp": ordering}
    if annotation:
        e["Annotation"] = annotation
    return e


class RuleTest(unittest.TestCase):
    def setUp(self):
        self.config = Stubber(rule.config)
        self.ec2 = Stubber(rule.ec2)
        self.config.activate()
        self.ec2.activate()

    def tearDown(self):
        self.config.deactivate()
        self.ec2.deactivate()

    def run_rule(self, ev):
        with redirect_stdout(io.StringIO()) as out:
            result = rule.handler(ev, Context())
        self.config.assert_no_pending_responses()
        self.ec2.assert_no_pending_responses()
        return result, [json.loads(line) for line in out.getvalue().splitlines()]

    def expect_put(self, *evaluations):
        self.config.add_response("put_evaluations", {"FailedEvaluations": []},
                                 {"Evaluations": list(evaluations), "ResultToken": TOKEN})

    def test_world_open_ssh_is_non_compliant(self):
        self.expect_put(expected("NON_COMPLIANT", "Ports open to 0.0.0.0/0 or ::/0: 22."))
        result, lines = self.run_rule(change(item(permission("tcp", 22, 22, "0.0.0.0/0"))))
        self.assertEqual(result["evaluations"][0]["ComplianceType"], "NON_COMPLIANT")
        self.assertEqual(lines[0]["complianceType"], "NON_COMPLIANT")
        self.assertEqual(lines[0]["resourceId"], GROUP)

    def test_ipv6_world_ranges_and_all_traffic_count(self):
        self.expect_put(expected("NON_COMPLIANT", "Ports open to 0.0.0.0/0 or ::/0: 22."))
        self.run_rule(change(item(permission("tcp", 0, 1024, "::/0"))))
        self.expect_put(expected("NON_COMPLIANT", "Ports open to 0.0.0.0/0 or ::/0: 22."))
        self.run_rule(change(item(permission("-1", None, None, "0.0.0.0/0"))))

    def test_narrow_sources_other_ports_and_udp_are_compliant(self):
        self.expect_put(expected("COMPLIANT"))
        self.run_rule(change(item(permission("tcp", 22, 22, "10.0.0.0/8"), permission("tcp", 443, 443, "0.0.0.0/0"),
                                  permission("udp", 22, 22, "0.0.0.0/0"))))

    def test_ports_parameter_replaces_the_default(self):
        self.expect_put(expected("NON_COMPLIANT", "Ports open to 0.0.0.0/0 or ::/0: 3389, 5900."))
        self.run_rule(change(item(permission("tcp", 22, 22, "0.0.0.0/0"), permission("tcp", 3389, 3389, "0.0.0.0/0"),
                                  permission("tcp", 5900, 5900, "::/0")), parameters={"ports": "3389,5900-5901"}))

    def test_a_bad_ports_parameter_fails_the_invocation(self):
        with self.assertRaises(ValueError):
            rule.handler(change(item(), parameters={"ports": "ssh"}), Context())

    def test_deleted_other_types_and_out_of_scope_are_not_applicable(self):
        self.expect_put(expected("NOT_APPLICABLE"))
        self.run_rule(change(item(status="ResourceDeleted")))
        self.expect_put(expected("NOT_APPLICABLE"))
        self.run_rule(change(item(permission("tcp", 22, 22, "0.0.0.0/0")), left_scope=True))
        other = item(resource_type="AWS::EC2::Instance")
        self.expect_put(dict(expected("NOT_APPLICABLE"), ComplianceResourceType="AWS::EC2::Instance"))
        self.run_rule(change(other))

    def test_oversized_item_is_read_back_with_get_resource_config_history(self):
        ci = item(permission("tcp", 22, 22, "0.0.0.0/0"))
        api_item = {"version": "1.3", "accountId": "123456789012", "configurationItemStatus": "OK",
                    "configurationItemCaptureTime": datetime.datetime(2026, 12, 7, 10, tzinfo=datetime.timezone.utc),
                    "resourceType": rule.RESOURCE_TYPE, "resourceId": GROUP, "awsRegion": "us-east-1",
                    "configuration": json.dumps(ci["configuration"])}
        self.config.add_response("get_resource_config_history", {"configurationItems": [api_item]},
                                 {"resourceType": rule.RESOURCE_TYPE, "resourceId": GROUP, "limit": 1})
        self.expect_put(expected("NON_COMPLIANT", "Ports open to 0.0.0.0/0 or ::/0: 22."))
        oversized = {"configurationItemSummary": {"changeType": "UPDATE", "configurationItemVersion": "1.3",
                                                  "configurationItemCaptureTime": CAPTURED,
                                                  "configurationStateId": 1, "awsAccountId": "123456789012",
                                                  "configurationItemStatus": "OK",
                                                  "resourceType": rule.RESOURCE_TYPE, "resourceId": GROUP,
                                                  "awsRegion": "us-east-1"},
                     "messageType": "OversizedConfigurationItemChangeNotification",
                     "notificationCreationTime": "2026-12-07T10:00:01.000Z", "recordVersion": "1.0"}
        self.run_rule(event(oversized))

    def test_scheduled_run_evaluates_every_group_from_ec2(self):
        created = "2026-12-07T11:00:00.000Z"
        self.ec2.add_response("describe_security_groups", {"SecurityGroups": [
            {"GroupId": "sg-1", "GroupName": "open", "IpPermissions": [
                {"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}]},
            {"GroupId": "sg-2", "GroupName": "closed", "IpPermissions": [
                {"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": "10.0.0.0/8"}],
                 "Ipv6Ranges": [{"CidrIpv6": "2001:db8::/32"}]}]}]}, {})
        self.expect_put(expected("NON_COMPLIANT", "Ports open to 0.0.0.0/0 or ::/0: 22.", created, "sg-1"),
                        expected("COMPLIANT", None, created, "sg-2"))
        self.run_rule(event({"awsAccountId": "123456789012", "notificationCreationTime": created,
                             "messageType": "ScheduledNotification", "recordVersion": "1.0"}))

    def test_an_unknown_message_type_fails(self):
        with self.assertRaises(ValueError):
            rule.handler(event({"messageType": "ComplianceChangeNotification"}), Context())


if __name__ == "__main__":
    unittest.main()
