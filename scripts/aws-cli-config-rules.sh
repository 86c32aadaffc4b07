#!/usr/bin/env bash
# AWS CLI v2 against `selfheal serve --virtual-clock`: AWS Config rules and compliance as AWS documents them
# (https://docs.aws.amazon.com/config/latest/developerguide/evaluate-config.html). A security group drifts (SSH open
# to the world) under the managed rule restricted-ssh: NON_COMPLIANT, one "Config Rules Compliance Change" event on an
# SQS queue through EventBridge, then COMPLIANT again once the ingress is revoked; a periodic rule runs on the virtual
# clock; remediation configurations are stored but nothing runs without SSM. Prints one line per check and
# "N passed, N failed".
#
#   scripts/aws-cli-config-rules.sh http://127.0.0.1:4566
source "$(dirname "${BASH_SOURCE[0]}")/virtual-clock-checks.sh"

events_in() { # queue-url: the compliance changes waiting in the queue, one "resource old->new" line each, deleted
  local out line
  out=$("$AWS_BIN" --endpoint-url "$endpoint" --output json sqs receive-message --queue-url "$1" \
    --max-number-of-messages 10 --wait-time-seconds 0)
  python3 -c 'import json, sys
body = sys.argv[1].strip()
for m in (json.loads(body).get("Messages", []) if body else []):
    e = json.loads(m["Body"]); d = e["detail"]
    old = d.get("oldEvaluationResult", {}).get("complianceType", "none")
    print("E", e["detail-type"], d["configRuleName"], d["resourceId"],
          old + "->" + d["newEvaluationResult"]["complianceType"])
    print("R", m["ReceiptHandle"])' "$out" | while read -r kind line; do
    if [[ $kind == R ]]; then aws sqs delete-message --queue-url "$1" --receipt-handle "$line"; else echo "$line"; fi
  done
}

echo "== AWS Config rules"
check_contains "configservice put-config-rule without a recorder" "NoAvailableConfigurationRecorderException" \
  "$(aws configservice put-config-rule --config-rule \
    '{"ConfigRuleName":"restricted-ssh","Source":{"Owner":"AWS","SourceIdentifier":"INCOMING_SSH_DISABLED"}}' 2>&1)"

aws iam create-role --role-name cli-config-role --assume-role-policy-document \
  '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"config.amazonaws.com"},"Action":"sts:AssumeRole"}]}' \
  > /dev/null
aws s3api create-bucket --bucket cli-config-history > /dev/null
aws configservice put-configuration-recorder --configuration-recorder \
  "name=default,roleARN=arn:aws:iam::$account:role/cli-config-role" --recording-group allSupported=true
aws configservice put-delivery-channel --delivery-channel name=default,s3BucketName=cli-config-history
aws configservice start-configuration-recorder --configuration-recorder-name default

queue=$(aws sqs create-queue --queue-name cli-compliance --query QueueUrl)
aws sqs set-queue-attributes --queue-url "$queue" --attributes '{"Policy":"{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"events.amazonaws.com\"},\"Action\":\"sqs:SendMessage\",\"Resource\":\"*\"}]}"}'
aws events put-rule --name cli-compliance \
  --event-pattern '{"source":["aws.config"],"detail-type":["Config Rules Compliance Change"]}' > /dev/null
aws events put-targets --rule cli-compliance \
  --targets "Id=queue,Arn=arn:aws:sqs:$region:$account:cli-compliance" > /dev/null

group=$(aws ec2 create-security-group --group-name cli-web --description "web tier" --query GroupId)
aws configservice put-config-rule --config-rule \
  '{"ConfigRuleName":"restricted-ssh","Scope":{"ComplianceResourceTypes":["AWS::EC2::SecurityGroup"]},"Source":{"Owner":"AWS","SourceIdentifier":"INCOMING_SSH_DISABLED"}}'
check "configservice describe-config-rules" "INCOMING_SSH_DISABLED ACTIVE" \
  "$(aws configservice describe-config-rules --config-rule-names restricted-ssh \
    --query 'ConfigRules[0].[Source.SourceIdentifier,ConfigRuleState]' | tr '\t' ' ')"
advance 0
check_contains "the new group is compliant at once" "Config Rules Compliance Change restricted-ssh $group none->COMPLIANT" \
  "$(events_in "$queue")"

aws ec2 authorize-security-group-ingress --group-id "$group" --protocol tcp --port 22 --cidr 0.0.0.0/0 > /dev/null
advance 0
check "configservice get-compliance-details-by-config-rule: the drift" "$group NON_COMPLIANT" \
  "$(aws configservice get-compliance-details-by-config-rule --config-rule-name restricted-ssh \
    --compliance-types NON_COMPLIANT \
    --query 'EvaluationResults[].[EvaluationResultIdentifier.EvaluationResultQualifier.ResourceId,ComplianceType]' \
    | tr '\t' ' ')"
check "configservice describe-compliance-by-config-rule" "NON_COMPLIANT 1" \
  "$(aws configservice describe-compliance-by-config-rule --config-rule-names restricted-ssh \
    --query 'ComplianceByConfigRules[0].Compliance.[ComplianceType,ComplianceContributorCount.CappedCount]' \
    | tr '\t' ' ')"
check "one compliance-change event for the drift" \
  "Config Rules Compliance Change restricted-ssh $group COMPLIANT->NON_COMPLIANT" "$(events_in "$queue")"

aws ec2 revoke-security-group-ingress --group-id "$group" --protocol tcp --port 22 --cidr 0.0.0.0/0 > /dev/null
advance 0
check "configservice describe-compliance-by-resource: compliant again" "COMPLIANT" \
  "$(aws configservice describe-compliance-by-resource --resource-type AWS::EC2::SecurityGroup \
    --resource-id "$group" --query 'ComplianceByResources[0].Compliance.ComplianceType')"
check "one compliance-change event for the fix" \
  "Config Rules Compliance Change restricted-ssh $group NON_COMPLIANT->COMPLIANT" "$(events_in "$queue")"

aws configservice put-config-rule --config-rule \
  '{"ConfigRuleName":"ssh-hourly","MaximumExecutionFrequency":"One_Hour","Source":{"Owner":"AWS","SourceIdentifier":"INCOMING_SSH_DISABLED"}}'
first=$(aws configservice describe-config-rule-evaluation-status --config-rule-names ssh-hourly \
  --query 'ConfigRulesEvaluationStatus[0].LastSuccessfulEvaluationTime')
advance 3599
check "periodic rule: not before one hour" "$first" "$(aws configservice describe-config-rule-evaluation-status \
  --config-rule-names ssh-hourly --query 'ConfigRulesEvaluationStatus[0].LastSuccessfulEvaluationTime')"
advance 1
second=$(aws configservice describe-config-rule-evaluation-status --config-rule-names ssh-hourly \
  --query 'ConfigRulesEvaluationStatus[0].LastSuccessfulEvaluationTime')
check "periodic rule: runs again one hour later" "3600" \
  "$(python3 -c 'import sys; from datetime import datetime as d
print(round((d.fromisoformat(sys.argv[2]) - d.fromisoformat(sys.argv[1])).total_seconds()))' "$first" "$second")"
check "configservice get-compliance-summary-by-config-rule" "2 0" \
  "$(aws configservice get-compliance-summary-by-config-rule \
    --query 'ComplianceSummary.[CompliantResourceCount.CappedCount,NonCompliantResourceCount.CappedCount]' | tr '\t' ' ')"

aws configservice put-remediation-configurations --remediation-configurations \
  'ConfigRuleName=restricted-ssh,TargetType=SSM_DOCUMENT,TargetId=AWS-DisablePublicAccessForSecurityGroup' > /dev/null
check_contains "configservice start-remediation-execution: nothing runs without SSM" "Systems Manager" \
  "$(aws configservice start-remediation-execution --config-rule-name restricted-ssh \
    --resource-keys "resourceType=AWS::EC2::SecurityGroup,resourceId=$group" --query FailureMessage)"

aws configservice delete-config-rule --config-rule-name ssh-hourly
check_contains "configservice describe-config-rules after delete-config-rule" "NoSuchConfigRuleException" \
  "$(aws configservice describe-config-rules --config-rule-names ssh-hourly 2>&1)"

# A process check: Config never evaluates it; PutExternalEvaluation records its result for the account
# (https://docs.aws.amazon.com/config/latest/APIReference/API_PutExternalEvaluation.html).
aws configservice put-config-rule --config-rule \
  '{"ConfigRuleName":"runbook-reviewed","Source":{"Owner":"AWS","SourceIdentifier":"AWS_CONFIG_PROCESS_CHECK"}}'
aws configservice put-external-evaluation --config-rule-name runbook-reviewed --external-evaluation \
  "{\"ComplianceResourceType\":\"AWS::::Account\",\"ComplianceResourceId\":\"$account\",\"ComplianceType\":\"NON_COMPLIANT\",\"OrderingTimestamp\":\"2026-01-05T10:00:00Z\"}"
check "configservice put-external-evaluation: the process check's result" "AWS::::Account NON_COMPLIANT" \
  "$(aws configservice get-compliance-details-by-config-rule --config-rule-name runbook-reviewed --query \
    'EvaluationResults[0].[EvaluationResultIdentifier.EvaluationResultQualifier.ResourceType,ComplianceType]' | tr '\t' ' ')"
check_contains "configservice put-external-evaluation on a rule that is no process check" "NoSuchConfigRuleException" \
  "$(aws configservice put-external-evaluation --config-rule-name restricted-ssh --external-evaluation \
    "{\"ComplianceResourceType\":\"AWS::::Account\",\"ComplianceResourceId\":\"$account\",\"ComplianceType\":\"COMPLIANT\",\"OrderingTimestamp\":\"2026-01-05T10:00:00Z\"}" 2>&1)"

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
