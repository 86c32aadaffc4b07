#!/usr/bin/env bash
# AWS CLI v2 conformance: drives a running `bin/selfheal serve` with the AWS CLI, as a user would, through
# EventBridge (buses, rules, every target kind, put-events, test-event-pattern, archives and replays, schedules),
# SQS, SNS, CloudWatch Logs, EC2 (default VPC, security groups, instance status, snapshots), CloudTrail,
# CloudWatch metrics, GuardDuty (detector, sample and injected findings to SQS), and input that must not poison state. Prints one line per check and "N passed, N failed".
# SQS, SNS, CloudWatch Logs, EC2 (default VPC, security groups, instance status, snapshots), S3, CloudTrail and
# CloudWatch metrics, and input that must not poison state. Prints one line per check and "N passed, N failed".
#
#   scripts/aws-cli-conformance.sh http://127.0.0.1:4566 [remediations/target/remediations-lambda.jar]
#
# The optional jar adds a Lambda target (the real RebootOnHighCpu). Uses /usr/bin/aws unless AWS_BIN is set;
# --endpoint-url works on every CLI version (AWS_ENDPOINT_URL needs CLI 2.13+).
set -uo pipefail

endpoint="${1:?usage: $0 ENDPOINT [LAMBDA_JAR]}"
lambda_jar="${2:-}"
source "$(dirname "$0")/cli-checks.sh"

echo "== SQS"
q=$(aws sqs create-queue --queue-name cli-events-target --query QueueUrl)
q_arn=$(aws sqs get-queue-attributes --queue-url "$q" --attribute-names QueueArn --query Attributes.QueueArn)
check "sqs queue arn" "arn:aws:sqs:$region:$account:cli-events-target" "$q_arn"
check "sqs get-queue-url" "$q" "$(aws sqs get-queue-url --queue-name cli-events-target --query QueueUrl)"
aws sqs send-message --queue-url "$q" --message-body hello > /dev/null
check "sqs send and receive" "hello" "$(receive "$q")"
fifo=$(aws sqs create-queue --queue-name cli.fifo --attributes FifoQueue=true,ContentBasedDeduplication=true --query QueueUrl)
aws sqs send-message --queue-url "$fifo" --message-body first --message-group-id g > /dev/null
aws sqs send-message --queue-url "$fifo" --message-body second --message-group-id g > /dev/null
check "sqs fifo order" "first" "$(receive "$fifo")"
check "sqs fifo order (2)" "second" "$(receive "$fifo")"
expect_error "sqs unknown queue" "NonExistentQueue" sqs get-queue-url --queue-name no-such-queue
aws sqs set-queue-attributes --queue-url "$q" --attributes "{\"Policy\":$(queue_policy "$q_arn" events.amazonaws.com | python3 -c 'import json,sys; print(json.dumps(sys.stdin.read()))')}"

echo "== SNS"
topic=$(aws sns create-topic --name cli-topic --query TopicArn)
check "sns topic arn" "arn:aws:sns:$region:$account:cli-topic" "$topic"
sq=$(aws sqs create-queue --queue-name cli-sns-subscriber --query QueueUrl)
sq_arn=$(aws sqs get-queue-attributes --queue-url "$sq" --attribute-names QueueArn --query Attributes.QueueArn)
aws sqs set-queue-attributes --queue-url "$sq" --attributes "{\"Policy\":$(queue_policy "$sq_arn" sns.amazonaws.com | python3 -c 'import json,sys; print(json.dumps(sys.stdin.read()))')}"
aws sns subscribe --topic-arn "$topic" --protocol sqs --notification-endpoint "$sq_arn" \
  --attributes RawMessageDelivery=true > /dev/null
aws sns publish --topic-arn "$topic" --message "from sns" > /dev/null
check "sns publish to sqs subscription (raw)" "from sns" "$(receive "$sq")"
topic_policy=$(printf '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"events.amazonaws.com"},"Action":"sns:Publish","Resource":"%s"}]}' "$topic")
aws sns set-topic-attributes --topic-arn "$topic" --attribute-name Policy --attribute-value "$topic_policy"
expect_error "sns unknown topic" "NotFound" sns publish --topic-arn "arn:aws:sns:$region:$account:nope" --message x

echo "== CloudWatch Logs"
aws logs create-log-group --log-group-name /selfheal/cli-events
logs_policy=$(printf '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"events.amazonaws.com"},"Action":["logs:CreateLogStream","logs:PutLogEvents"],"Resource":"arn:aws:logs:%s:%s:log-group:/selfheal/*"}]}' "$region" "$account")
aws logs put-resource-policy --policy-name events-to-logs --policy-document "$logs_policy" > /dev/null
check "logs describe-log-groups" "/selfheal/cli-events" \
  "$(aws logs describe-log-groups --log-group-name-prefix /selfheal --query 'logGroups[0].logGroupName')"
expect_error "logs duplicate group" "ResourceAlreadyExistsException" logs create-log-group --log-group-name /selfheal/cli-events

echo "== EventBridge: buses, rules, patterns"
bus_arn=$(aws events create-event-bus --name cli-bus --query EventBusArn)
check "events custom bus" "arn:aws:events:$region:$account:event-bus/cli-bus" "$bus_arn"
pattern='{"source":["cli.app"],"detail":{"level":[{"numeric":[">",5]}]}}'
rule_arn=$(aws events put-rule --name cli-rule --event-pattern "$pattern" --query RuleArn)
check "events put-rule" "arn:aws:events:$region:$account:rule/cli-rule" "$rule_arn"
event='{"id":"1","source":"cli.app","detail-type":"t","account":"123456789012","region":"us-east-1","time":"2025-01-01T00:00:00Z","resources":[],"detail":{"level":9}}'
check "events test-event-pattern (match)" "True" "$(aws events test-event-pattern --event-pattern "$pattern" --event "$event" --query Result)"
check "events test-event-pattern (no match)" "False" \
  "$(aws events test-event-pattern --event-pattern "$pattern" --event "${event/\"level\":9/\"level\":1}" --query Result)"
expect_error "events invalid pattern" "InvalidEventPatternException" events put-rule --name bad --event-pattern '{"source":"x"}'
# Wildcards too complex to match quickly are refused where a pattern is accepted (user guide: "Wildcards and event
# pattern complexity").
complex='{"detail":{"key":[{"wildcard":"*/d/*.bif"},{"wildcard":"*/d/*.tif"},{"wildcard":"*/d/*.tiff"},{"wildcard":"*/d/*.svs"}]}}'
expect_error "events too complex pattern (put-rule)" "Rule is too complex - try using fewer wildcard characters" \
  events put-rule --name complex --event-pattern "$complex"
expect_error "events too complex pattern (test-event-pattern)" "InvalidEventPatternException" \
  events test-event-pattern --event-pattern "$complex" --event "$event"
aws events put-rule --name cli-schedule --schedule-expression "rate(5 minutes)" > /dev/null
check "events schedule rule" "rate(5 minutes)" "$(aws events describe-rule --name cli-schedule --query ScheduleExpression)"
expect_error "events bad schedule" "ValidationException" events put-rule --name bad-schedule --schedule-expression "rate(0 minutes)"

echo "== EventBridge: targets of every kind"
aws events put-rule --name cli-on-bus --event-bus-name cli-bus --event-pattern '{"source":["cli.app"]}' > /dev/null
bus_q=$(aws sqs create-queue --queue-name cli-bus-target --query QueueUrl)
bus_q_arn=$(aws sqs get-queue-attributes --queue-url "$bus_q" --attribute-names QueueArn --query Attributes.QueueArn)
aws sqs set-queue-attributes --queue-url "$bus_q" --attributes "{\"Policy\":$(queue_policy "$bus_q_arn" events.amazonaws.com | python3 -c 'import json,sys; print(json.dumps(sys.stdin.read()))')}"
aws events put-targets --rule cli-on-bus --event-bus-name cli-bus --targets "Id=q,Arn=$bus_q_arn" > /dev/null
conn_arn=$(aws events create-connection --name cli-conn --authorization-type API_KEY \
  --auth-parameters '{"ApiKeyAuthParameters":{"ApiKeyName":"x-api-key","ApiKeyValue":"secret"}}' --query ConnectionArn)
dest_arn=$(aws events create-api-destination --name cli-dest --connection-arn "$conn_arn" \
  --invocation-endpoint "$endpoint/_selfheal/health" --http-method GET --query ApiDestinationArn)
targets=$(printf '[{"Id":"sqs","Arn":"%s","InputPath":"$.detail"},{"Id":"sns","Arn":"%s"},{"Id":"logs","Arn":"arn:aws:logs:%s:%s:log-group:/selfheal/cli-events"},{"Id":"bus","Arn":"%s"},{"Id":"api","Arn":"%s","RoleArn":"arn:aws:iam::%s:role/events-api"}]' \
  "$q_arn" "$topic" "$region" "$account" "$bus_arn" "$dest_arn" "$account")
check "events put-targets (5 kinds)" "0" "$(aws events put-targets --rule cli-rule --targets "$targets" --query FailedEntryCount)"
check "events list-targets-by-rule" "5" "$(aws events list-targets-by-rule --rule cli-rule --query 'length(Targets)')"
check "events list-rule-names-by-target" "cli-rule" "$(aws events list-rule-names-by-target --target-arn "$q_arn" --query 'RuleNames[0]')"
sns_q=$(aws sqs create-queue --queue-name cli-events-via-sns --query QueueUrl)
sns_q_arn=$(aws sqs get-queue-attributes --queue-url "$sns_q" --attribute-names QueueArn --query Attributes.QueueArn)
aws sqs set-queue-attributes --queue-url "$sns_q" --attributes "{\"Policy\":$(queue_policy "$sns_q_arn" sns.amazonaws.com | python3 -c 'import json,sys; print(json.dumps(sys.stdin.read()))')}"
aws sns subscribe --topic-arn "$topic" --protocol sqs --notification-endpoint "$sns_q_arn" --attributes RawMessageDelivery=true > /dev/null
check "events put-events" "0" "$(aws events put-events --entries '[{"Source":"cli.app","DetailType":"t","Detail":"{\"level\":9}"}]' --query FailedEntryCount)"
check "events → sqs (InputPath)" '{"level":9}' "$(receive "$q" | tr -d ' ')"
check_contains "events → sns → sqs" '"cli.app"' "$(receive "$sns_q")"
check_contains "events → another bus → sqs" '"cli.app"' "$(receive "$bus_q")"
logged=""
for _ in 1 2 3 4 5 6 7 8 9 10; do
  logged=$(aws logs filter-log-events --log-group-name /selfheal/cli-events --query 'events[0].message')
  [[ "$logged" == *cli.app* ]] && break
done
check_contains "events → logs" '"cli.app"' "$logged"
# Input transformer ("Common issues with transforming input"): an object inside a text template loses its quotes;
# an object template whose result is not JSON (a value holding quotes, inserted unescaped) is not delivered.
aws events put-rule --name cli-transform --event-pattern '{"source":["cli.transform"]}' > /dev/null
aws events put-targets --rule cli-transform --targets "[{\"Id\":\"q\",\"Arn\":\"$q_arn\",\"InputTransformer\":{\"InputPathsMap\":{\"d\":\"\$.detail\"},\"InputTemplate\":\"Detail is <d>\"}}]" > /dev/null
aws events put-rule --name cli-transform-bad --event-pattern '{"source":["cli.transform"]}' > /dev/null
aws events put-targets --rule cli-transform-bad --targets "[{\"Id\":\"q\",\"Arn\":\"$q_arn\",\"InputTransformer\":{\"InputPathsMap\":{\"s\":\"\$.detail.s\"},\"InputTemplate\":\"{\\\"m\\\": \\\"s is <s>\\\"}\"}}]" > /dev/null
aws events put-events --entries '[{"Source":"cli.transform","DetailType":"t","Detail":"{\"s\":\"say \\\"hi\\\"\"}"}]' > /dev/null
check "events input transformer: object in text" 'Detail is {s:say \"hi\"}' "$(receive "$q")"
check "events input transformer: invalid JSON not delivered" "1.0" "$(aws cloudwatch get-metric-statistics \
  --namespace AWS/Events --metric-name FailedInvocations --dimensions Name=RuleName,Value=cli-transform-bad \
  --statistics Sum --period 300 --start-time "$(date -u +%Y-%m-%dT%H:%M:%SZ -d '-10 minutes')" \
  --end-time "$(date -u +%Y-%m-%dT%H:%M:%SZ -d '+5 minutes')" --query 'Datapoints[0].Sum')"

# Lambda refuses an execution role that does not exist or does not trust it, as AWS does.
for role in cli-reboot cli-py cli-node; do
  lambda_role "$role"
done

if [[ -n "$lambda_jar" ]]; then
  echo "== EventBridge: Lambda target"
  fn_arn=$(aws lambda create-function --function-name cli-reboot --runtime java17 --timeout 60 --memory-size 512 \
    --handler io.selfheal.remediations.RebootOnHighCpu::handleRequest --role "arn:aws:iam::$account:role/cli-reboot" \
    --zip-file "fileb://$lambda_jar" --query FunctionArn)
  aws events put-rule --name cli-lambda --event-pattern '{"source":["cli.lambda"]}' > /dev/null
  aws lambda add-permission --function-name cli-reboot --statement-id events --action lambda:InvokeFunction \
    --principal events.amazonaws.com --source-arn "arn:aws:events:$region:$account:rule/cli-lambda" > /dev/null
  aws events put-targets --rule cli-lambda --targets "[{\"Id\":\"fn\",\"Arn\":\"$fn_arn\",\"Input\":\"{\\\"instance_id\\\":\\\"i-0123456789abcdef0\\\",\\\"state_value\\\":\\\"OK\\\"}\"}]" > /dev/null
  aws events put-events --entries '[{"Source":"cli.lambda","DetailType":"t","Detail":"{}"}]' > /dev/null
  fn_log=""
  for _ in $(seq 1 30); do
    fn_log=$(aws logs filter-log-events --log-group-name /aws/lambda/cli-reboot --filter-pattern skipped --query 'events[0].message' 2>/dev/null)
    [[ "$fn_log" == *skipped* ]] && break
  done
  check_contains "events → lambda (function log in /aws/lambda/cli-reboot)" "skipped" "$fn_log"
fi

echo "== Lambda: a Python zip and a Node.js zip"
work=$(mktemp -d)
cat > "$work/cli_py.py" <<'PY'
import boto3

sts = boto3.client("sts")


def handler(event, context):
    print("py got", event.get("n"))
    if event.get("fail"):
        raise ValueError("told to fail")
    return {"arn": sts.get_caller_identity()["Arn"], "n": event.get("n")}
PY
cat > "$work/index.mjs" <<'JS'
import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts';

const sts = new STSClient({});

export const handler = async (event) => {
  console.log('node got', event.n);
  if (event.fail) {
    throw new TypeError('told to fail');
  }
  return { arn: (await sts.send(new GetCallerIdentityCommand({}))).Arn, n: event.n };
};
JS
python3 -c 'import sys, zipfile
for zip_name, member in ((sys.argv[1] + "/py.zip", "cli_py.py"), (sys.argv[1] + "/node.zip", "index.mjs")):
    with zipfile.ZipFile(zip_name, "w") as z:
        z.write(sys.argv[1] + "/" + member, member)' "$work"
for lang in py node; do
  if [[ $lang == py ]]; then runtime=python3.12; handler=cli_py.handler; else runtime=nodejs20.x; handler=index.handler; fi
  check "lambda create-function ($runtime)" "$runtime" "$(aws lambda create-function --function-name "cli-$lang" \
    --runtime "$runtime" --handler "$handler" --role "arn:aws:iam::$account:role/cli-$lang" --timeout 60 \
    --zip-file "fileb://$work/$lang.zip" --query Runtime)"
  aws lambda invoke --function-name "cli-$lang" --cli-binary-format raw-in-base64-out --payload '{"n": 1}' \
    "$work/$lang-out.json" > /dev/null
  check_contains "lambda invoke sync ($runtime): default SDK client reached STS as the role" \
    "arn:aws:sts::$account:assumed-role/cli-$lang/cli-$lang" "$(cat "$work/$lang-out.json")"
  check "lambda invoke async ($runtime)" "202" "$(aws lambda invoke --function-name "cli-$lang" --invocation-type Event \
    --cli-binary-format raw-in-base64-out --payload '{"n": 2}' "$work/$lang-async.json" --query StatusCode)"
  logged=""
  for _ in $(seq 1 30); do
    logged=$(aws logs filter-log-events --log-group-name "/aws/lambda/cli-$lang" --filter-pattern '"got 2"' \
      --query 'events[0].message' 2>/dev/null)
    [[ "$logged" == *"got 2"* ]] && break
  done
  check_contains "logs filter-log-events: the async invocation's output ($runtime)" "$lang got 2" "$logged"
  check "lambda invoke unhandled error ($runtime): FunctionError" "Unhandled" "$(aws lambda invoke \
    --function-name "cli-$lang" --cli-binary-format raw-in-base64-out --payload '{"fail": true}' \
    "$work/$lang-error.json" --query FunctionError)"
  check_contains "lambda invoke unhandled error ($runtime): AWS's error document" \
    '"errorMessage": "told to fail"' "$(python3 -m json.tool "$work/$lang-error.json")"
done
check_contains "cloudtrail lookup-events: the functions' GetCallerIdentity calls" "cli-py" "$(aws cloudtrail lookup-events \
  --lookup-attributes AttributeKey=EventName,AttributeValue=GetCallerIdentity --query 'Events[].Username')"
rm -rf "$work"

echo "== EventBridge: archive and replay"
archive_arn=$(aws events create-archive --archive-name cli-archive --event-source-arn "arn:aws:events:$region:$account:event-bus/default" \
  --event-pattern '{"source":["cli.archived"]}' --query ArchiveArn)
check "events create-archive" "arn:aws:events:$region:$account:archive/cli-archive" "$archive_arn"
start=$(date -u +%Y-%m-%dT%H:%M:%SZ -d '-1 minute')
aws events put-rule --name cli-archived --event-pattern '{"source":["cli.archived"]}' > /dev/null
aq=$(aws sqs create-queue --queue-name cli-replayed --query QueueUrl)
aq_arn=$(aws sqs get-queue-attributes --queue-url "$aq" --attribute-names QueueArn --query Attributes.QueueArn)
aws sqs set-queue-attributes --queue-url "$aq" --attributes "{\"Policy\":$(queue_policy "$aq_arn" events.amazonaws.com | python3 -c 'import json,sys; print(json.dumps(sys.stdin.read()))')}"
aws events put-targets --rule cli-archived --targets "Id=q,Arn=$aq_arn" > /dev/null
aws events put-events --entries '[{"Source":"cli.archived","DetailType":"t","Detail":"{\"n\":1}"}]' > /dev/null
check_contains "events original delivery" '"cli.archived"' "$(receive "$aq")"
count=0
for _ in $(seq 1 20); do
  count=$(aws events describe-archive --archive-name cli-archive --query EventCount)
  [[ "$count" == "1" ]] && break
done
check "events archive event count" "1" "$count"
end=$(date -u +%Y-%m-%dT%H:%M:%SZ -d '+1 minute')
aws events start-replay --replay-name cli-replay --event-source-arn "$archive_arn" --event-start-time "$start" \
  --event-end-time "$end" --destination "{\"Arn\":\"arn:aws:events:$region:$account:event-bus/default\"}" > /dev/null
check_contains "events replayed delivery carries replay-name" '"replay-name":"cli-replay"' "$(receive "$aq" | tr -d ' ')"
state=""
for _ in $(seq 1 20); do
  state=$(aws events describe-replay --replay-name cli-replay --query State)
  [[ "$state" == "COMPLETED" ]] && break
done
check "events replay completed" "COMPLETED" "$state"

echo "== EC2"
vpc=$(aws ec2 describe-vpcs --filters Name=isDefault,Values=true --query 'Vpcs[0].VpcId')
check_contains "ec2 default vpc" "vpc-" "$vpc"
check "ec2 default vpc cidr" "172.31.0.0/16" "$(aws ec2 describe-vpcs --vpc-ids "$vpc" --query 'Vpcs[0].CidrBlock')"
sg=$(aws ec2 create-security-group --group-name cli-web --description "cli web" --query GroupId)
check_contains "ec2 create-security-group" "sg-" "$sg"
instance=$(aws ec2 run-instances --image-id ami-0abcdef1234567890 --count 1 --instance-type t3.micro \
  --security-group-ids "$sg" --monitoring Enabled=true --query 'Instances[0].InstanceId')
check_contains "ec2 run-instances into a group" "i-" "$instance"
rule=$(aws ec2 authorize-security-group-ingress --group-id "$sg" --protocol tcp --port 22 --cidr 0.0.0.0/0 \
  --query 'SecurityGroupRules[0].SecurityGroupRuleId')
check_contains "ec2 authorize ssh from anywhere (the drift)" "sgr-" "$rule"
expect_error "ec2 duplicate rule" "InvalidPermission.Duplicate" ec2 authorize-security-group-ingress --group-id "$sg" \
  --protocol tcp --port 22 --cidr 0.0.0.0/0
check "ec2 describe-security-group-rules" "0.0.0.0/0" \
  "$(aws ec2 describe-security-group-rules --security-group-rule-ids "$rule" --query 'SecurityGroupRules[0].CidrIpv4')"
aws ec2 revoke-security-group-ingress --group-id "$sg" --security-group-rule-ids "$rule" > /dev/null
check "ec2 revoke by rule id" "0" "$(aws ec2 describe-security-groups --group-ids "$sg" --query 'length(SecurityGroups[0].IpPermissions)')"
check "ec2 instance's interface carries the group" "${sg:-<no group created>}" \
  "$(aws ec2 describe-network-interfaces --filters Name=attachment.instance-id,Values="$instance" --query 'NetworkInterfaces[0].Groups[0].GroupId')"
expect_error "ec2 unknown group" "InvalidGroup.NotFound" ec2 describe-security-groups --group-ids sg-0000000000000000f
expect_error "ec2 dry run" "DryRunOperation" ec2 reboot-instances --instance-ids "$instance" --dry-run
state=""
for _ in $(seq 1 20); do
  state=$(aws ec2 describe-instance-status --instance-ids "$instance" --query 'InstanceStatuses[0].InstanceState.Name')
  [[ "$state" == "running" ]] && break
done
check "ec2 describe-instance-status" "running" "$state"
check "ec2 describe-instances filter instance.group-id" "$instance" \
  "$(aws ec2 describe-instances --filters Name=instance.group-id,Values="$sg" --query 'Reservations[].Instances[].InstanceId')"
check "ec2 describe-instances filters vpc-id, instance-state-code and a wildcard type" "$instance" \
  "$(aws ec2 describe-instances --filters Name=vpc-id,Values="$vpc" Name=instance-state-code,Values=16 \
    Name=instance-type,Values='t3.*' Name=instance.group-name,Values=cli-web --query 'Reservations[].Instances[].InstanceId')"
eni=$(aws ec2 describe-instances --instance-ids "$instance" --query 'Reservations[0].Instances[0].NetworkInterfaces[0].NetworkInterfaceId')
check "ec2 describe-instances filter network-interface.network-interface-id" "$instance" \
  "$(aws ec2 describe-instances --filters Name=network-interface.network-interface-id,Values="$eni" --query 'Reservations[].Instances[].InstanceId')"
check "ec2 describe-instance-status filter instance-state-code" "$instance" \
  "$(aws ec2 describe-instance-status --filters Name=instance-state-code,Values=16 Name=availability-zone,Values='us-east-1*' \
    --query "InstanceStatuses[?InstanceId=='$instance'].InstanceId")"
expect_error "ec2 unknown filter name" "The filter 'colour' is invalid" ec2 describe-instances --filters Name=colour,Values=red
volume=$(aws ec2 describe-volumes --filters Name=attachment.instance-id,Values="$instance" --query 'Volumes[0].VolumeId')
check_contains "ec2 root volume" "vol-" "$volume"
snapshot=$(aws ec2 create-snapshot --volume-id "$volume" --description cli --query SnapshotId)
check_contains "ec2 create-snapshot" "snap-" "$snapshot"
snap_state=""
for _ in $(seq 1 20); do
  snap_state=$(aws ec2 describe-snapshots --snapshot-ids "$snapshot" --query 'Snapshots[0].State')
  [[ "$snap_state" == "completed" ]] && break
done
check "ec2 snapshot completes" "completed" "$snap_state"
aws ec2 modify-instance-attribute --instance-id "$instance" --disable-api-termination
expect_error "ec2 termination protection" "OperationNotPermitted" ec2 terminate-instances --instance-ids "$instance"
trail=$(aws cloudtrail lookup-events --lookup-attributes AttributeKey=EventName,AttributeValue=AuthorizeSecurityGroupIngress \
  --query 'Events[0].EventName')
check "cloudtrail lookup-events" "AuthorizeSecurityGroupIngress" "$trail"

echo "== EC2 launch templates and an Auto Scaling group launched from one"
lt=$(aws ec2 create-launch-template --launch-template-name cli-web \
  --launch-template-data "{\"ImageId\":\"ami-0abcdef1234567890\",\"InstanceType\":\"t3.micro\",\"SecurityGroupIds\":[\"$sg\"]}" \
  --query LaunchTemplate.LaunchTemplateId)
check_contains "ec2 create-launch-template" "lt-" "$lt"
expect_error "ec2 create-launch-template: a name in use" "InvalidLaunchTemplateName.AlreadyExistsException" \
  ec2 create-launch-template --launch-template-name cli-web --launch-template-data '{"ImageId":"ami-12345678"}'
check "ec2 create-launch-template-version from version 1" "2	ami-0abcdef1234567890	t3.large" \
  "$(aws ec2 create-launch-template-version --launch-template-id "$lt" --source-version 1 \
    --launch-template-data '{"InstanceType":"t3.large"}' \
    --query 'LaunchTemplateVersion.[VersionNumber,LaunchTemplateData.ImageId,LaunchTemplateData.InstanceType]')"
check "ec2 describe-launch-template-versions \$Latest and \$Default" "2	1" \
  "$(aws ec2 describe-launch-template-versions --launch-template-name cli-web --versions '$Latest' '$Default' \
    --query 'LaunchTemplateVersions[].VersionNumber')"
check "ec2 modify-launch-template --default-version 2" "2" \
  "$(aws ec2 modify-launch-template --launch-template-id "$lt" --default-version 2 \
    --query LaunchTemplate.DefaultVersionNumber)"
lt_instance=$(aws ec2 run-instances --launch-template LaunchTemplateName=cli-web --count 1 \
  --query 'Instances[0].InstanceId')
check "ec2 run-instances --launch-template: the default version, its tags" "t3.large	2" \
  "$(aws ec2 describe-instances --instance-ids "$lt_instance" --query 'Reservations[0].Instances[0].[InstanceType,Tags[?Key==`aws:ec2launchtemplate:version`].Value|[0]]')"
expect_error "ec2 run-instances with an unknown template" "InvalidLaunchTemplateId.NotFound" \
  ec2 run-instances --launch-template LaunchTemplateId=lt-0123456789abcdef0 --count 1
aws autoscaling create-auto-scaling-group --auto-scaling-group-name cli-web --min-size 1 --max-size 2 \
  --availability-zones us-east-1a --launch-template "LaunchTemplateId=$lt,Version=\$Latest"
check "autoscaling describe-auto-scaling-groups: the template and one instance" "cli-web	\$Latest	1" \
  "$(aws autoscaling describe-auto-scaling-groups --auto-scaling-group-names cli-web \
    --query 'AutoScalingGroups[0].[LaunchTemplate.LaunchTemplateName,LaunchTemplate.Version,length(Instances)]')"
expect_error "autoscaling create-auto-scaling-group with an unknown template" "fully-formed launch template" \
  autoscaling create-auto-scaling-group --auto-scaling-group-name cli-none --min-size 0 --max-size 1 \
  --availability-zones us-east-1a --launch-template LaunchTemplateName=none
aws autoscaling delete-auto-scaling-group --auto-scaling-group-name cli-web --force-delete
check "ec2 delete-launch-template" "$lt" \
  "$(aws ec2 delete-launch-template --launch-template-name cli-web --query LaunchTemplate.LaunchTemplateId)"

echo "== Empty answers (an account with nothing in it)"
# A 12-digit access key id selects that account. The AWS CLI 2.9's botocore looks the query answer's <OpResult> up
# by name: without it an empty receive or list exits 255 with 'ReceiveMessageResult'. Lists AWS renders empty
# (<Topics/>, <MetricAlarms/>, <reservationSet/>) must come back as [] (length 0), SQS's flattened ones as nothing.
empty_account=$(printf '9%011d' $(( $(date +%s%N) % 100000000000 )))
empty() { # name expected command...: the call succeeds in the empty account and prints exactly that
  local name=$1 expected=$2 out
  shift 2
  if out=$(AWS_ACCESS_KEY_ID=$empty_account aws "$@" 2>&1); then
    check "$name" "$expected" "$out"
  else
    failed=$((failed + 1)); echo "FAIL $name: $out"
  fi
}
empty "empty: sqs list-queues" "" sqs list-queues --output json  # text output of an empty page prints None, on AWS too
eq=$(AWS_ACCESS_KEY_ID=$empty_account aws sqs create-queue --queue-name empty --query QueueUrl)
empty "empty: sqs receive-message" "" sqs receive-message --queue-url "$eq"
empty "empty: sqs receive-message (all attributes)" "" sqs receive-message --queue-url "$eq" \
  --attribute-names All --message-attribute-names All
empty "empty: sqs list-queue-tags" "" sqs list-queue-tags --queue-url "$eq"
empty "empty: sqs get-queue-attributes (none asked)" "" sqs get-queue-attributes --queue-url "$eq"
empty "empty: sqs purge-queue" "" sqs purge-queue --queue-url "$eq"
empty "empty: sns list-topics" "0" sns list-topics --query 'length(Topics)'
empty "empty: sns list-subscriptions" "0" sns list-subscriptions --query 'length(Subscriptions)'
et=$(AWS_ACCESS_KEY_ID=$empty_account aws sns create-topic --name empty --query TopicArn)
empty "empty: sns list-tags-for-resource" "0" sns list-tags-for-resource --resource-arn "$et" --query 'length(Tags)'
empty "empty: sns tag-resource" "" sns tag-resource --resource-arn "$et" --tags Key=k,Value=v
empty "empty: sns untag-resource" "" sns untag-resource --resource-arn "$et" --tag-keys k
empty "empty: cloudwatch describe-alarms" "0	0" cloudwatch describe-alarms --query '[length(MetricAlarms),length(CompositeAlarms)]'
empty "empty: cloudwatch describe-alarm-history" "0" cloudwatch describe-alarm-history --query 'length(AlarmHistoryItems)'
empty "empty: cloudwatch list-metrics" "0" cloudwatch list-metrics --query 'length(Metrics)'
empty "empty: cloudwatch get-metric-statistics" "CPUUtilization	0" cloudwatch get-metric-statistics --namespace AWS/EC2 \
  --metric-name CPUUtilization --statistics Average --period 60 \
  --start-time "$(date -u +%Y-%m-%dT%H:%M:%SZ -d '-10 minutes')" --end-time "$(date -u +%Y-%m-%dT%H:%M:%SZ)" \
  --query '[Label,length(Datapoints)]'
empty "empty: ec2 describe-instances" "0" ec2 describe-instances --query 'length(Reservations)'
empty "empty: ec2 describe-instance-status" "0" ec2 describe-instance-status --query 'length(InstanceStatuses)'
empty "empty: ec2 describe-volumes" "0" ec2 describe-volumes --query 'length(Volumes)'
empty "empty: ec2 describe-snapshots" "0" ec2 describe-snapshots --owner-ids self --query 'length(Snapshots)'
empty "empty: ec2 describe-tags" "0" ec2 describe-tags --query 'length(Tags)'
empty "empty: ec2 describe-network-interfaces" "0" ec2 describe-network-interfaces --query 'length(NetworkInterfaces)'
# AWS accepts an event for a bus that does not exist: an EventId, FailedEntryCount 0, and the event goes nowhere.
empty "events put-events (no such bus)" "0	1" events put-events \
  --entries '[{"Source":"cli.app","DetailType":"t","Detail":"{}","EventBusName":"no-such-bus"}]' \
  --query '[FailedEntryCount,length(Entries[?EventId])]'

echo "== CloudWatch metrics"
aws cloudwatch put-metric-data --namespace Cli/App --metric-name Latency --value 42 --unit Milliseconds \
  --dimensions Service=checkout
check "cloudwatch list-metrics" "Latency" "$(aws cloudwatch list-metrics --namespace Cli/App --query 'Metrics[0].MetricName')"
check "cloudwatch get-metric-statistics" "42.0" "$(aws cloudwatch get-metric-statistics --namespace Cli/App --metric-name Latency \
  --dimensions Name=Service,Value=checkout --statistics Maximum --period 60 \
  --start-time "$(date -u +%Y-%m-%dT%H:%M:%SZ -d '-10 minutes')" --end-time "$(date -u +%Y-%m-%dT%H:%M:%SZ -d '+5 minutes')" \
  --query 'Datapoints[0].Maximum')"
invocations=$(aws cloudwatch get-metric-statistics --namespace AWS/Events --metric-name Invocations \
  --dimensions Name=RuleName,Value=cli-rule --statistics Sum --period 300 \
  --start-time "$(date -u +%Y-%m-%dT%H:%M:%SZ -d '-60 minutes')" --end-time "$(date -u +%Y-%m-%dT%H:%M:%SZ -d '+5 minutes')" \
  --query 'sum(Datapoints[].Sum)')
check "cloudwatch AWS/Events Invocations of cli-rule" "5.0" "$invocations"
# No datapoint at all: every delivery of cli-rule (the API destination's HTTP call included) succeeded.
failed_invocations=$(aws cloudwatch get-metric-statistics --namespace AWS/Events --metric-name FailedInvocations \
  --dimensions Name=RuleName,Value=cli-rule --statistics Sum --period 300 \
  --start-time "$(date -u +%Y-%m-%dT%H:%M:%SZ -d '-60 minutes')" --end-time "$(date -u +%Y-%m-%dT%H:%M:%SZ -d '+5 minutes')" \
  --query 'length(Datapoints)')
check "cloudwatch AWS/Events FailedInvocations of cli-rule" "0" "$failed_invocations"

echo "== IAM and STS: a role trusting a user, its policies, the simulator, assume-role as the user"
iamdir=$(mktemp -d)
printf '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::%s:user/cli-user"},"Action":"sts:AssumeRole"}]}' \
  "$account" > "$iamdir/trust.json"
printf '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ec2:RebootInstances","Resource":"*"}]}' > "$iamdir/reboot.json"
check "iam create-role" "arn:aws:iam::$account:role/cli-assumable" "$(aws iam create-role --role-name cli-assumable \
  --assume-role-policy-document "file://$iamdir/trust.json" --query Role.Arn)"
aws iam put-role-policy --role-name cli-assumable --policy-name reboot --policy-document "file://$iamdir/reboot.json"
check "iam simulate-principal-policy" "allowed" "$(aws iam simulate-principal-policy \
  --policy-source-arn "arn:aws:iam::$account:role/cli-assumable" --action-names ec2:RebootInstances \
  --query 'EvaluationResults[0].EvalDecision')"
expect_error "sts assume-role as the root" "Roles may not be assumed by root accounts" sts assume-role \
  --role-arn "arn:aws:iam::$account:role/cli-assumable" --role-session-name root
aws iam create-user --user-name cli-user > /dev/null
read -r user_key user_secret < <(aws iam create-access-key --user-name cli-user \
  --query 'AccessKey.[AccessKeyId,SecretAccessKey]')
read -r s_key s_secret s_token < <(AWS_ACCESS_KEY_ID=$user_key AWS_SECRET_ACCESS_KEY=$user_secret aws sts assume-role \
  --role-arn "arn:aws:iam::$account:role/cli-assumable" --role-session-name cli \
  --query 'Credentials.[AccessKeyId,SecretAccessKey,SessionToken]')
check "sts get-caller-identity with the session" "arn:aws:sts::$account:assumed-role/cli-assumable/cli" \
  "$(AWS_ACCESS_KEY_ID=$s_key AWS_SECRET_ACCESS_KEY=$s_secret AWS_SESSION_TOKEN=$s_token aws sts get-caller-identity --query Arn)"
echo "== IAM enforce: a queue policy naming the user grants what no identity policy does; iam:PassRole for Lambda"
curl -s -X POST "$endpoint/_selfheal/iam/mode?mode=enforce" > /dev/null
iq=$(aws sqs create-queue --queue-name cli-iam-inbox --query QueueUrl)
printf '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::%s:user/cli-user"},"Action":"sqs:SendMessage","Resource":"arn:aws:sqs:%s:%s:cli-iam-inbox"}]}' \
  "$account" "$region" "$account" > "$iamdir/inbox.json"
printf '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"lambda:*","Resource":"*"}]}' > "$iamdir/lambda.json"
aws iam put-user-policy --user-name cli-user --policy-name lambda --policy-document "file://$iamdir/lambda.json"
lambda_role cli-passed
python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1], "w").writestr("h.py", "def handler(e, c): return e\n")' "$iamdir/fn.zip"
root_key=$AWS_ACCESS_KEY_ID root_secret=$AWS_SECRET_ACCESS_KEY
export AWS_ACCESS_KEY_ID=$user_key AWS_SECRET_ACCESS_KEY=$user_secret
expect_error "sqs send-message as a user the queue policy does not name yet" "AccessDenied" \
  sqs send-message --queue-url "$iq" --message-body hi
expect_error "lambda create-function without iam:PassRole" \
  "is not authorized to perform: iam:PassRole on resource: arn:aws:iam::$account:role/cli-passed" \
  lambda create-function --function-name cli-passrole --runtime python3.12 --handler h.handler \
  --role "arn:aws:iam::$account:role/cli-passed" --zip-file "fileb://$iamdir/fn.zip"
export AWS_ACCESS_KEY_ID=$root_key AWS_SECRET_ACCESS_KEY=$root_secret
aws sqs set-queue-attributes --queue-url "$iq" --attributes "{\"Policy\":$(python3 -c 'import json,sys; print(json.dumps(open(sys.argv[1]).read()))' "$iamdir/inbox.json")}"
check_contains "sqs send-message as the user the queue policy names" "-" \
  "$(AWS_ACCESS_KEY_ID=$user_key AWS_SECRET_ACCESS_KEY=$user_secret aws sqs send-message --queue-url "$iq" --message-body hi --query MessageId)"
curl -s -X POST "$endpoint/_selfheal/iam/mode?mode=off" > /dev/null
echo "== STS session tags: a trust policy constrains the tag keys (aws:TagKeys)"
printf '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::%s:user/cli-user"},"Action":"sts:AssumeRole"},{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::%s:user/cli-user"},"Action":"sts:TagSession","Condition":{"ForAllValues:StringEquals":{"aws:TagKeys":["team"]}}}]}' \
  "$account" "$account" > "$iamdir/tag-trust.json"
aws iam create-role --role-name cli-tagged --assume-role-policy-document "file://$iamdir/tag-trust.json" > /dev/null
check "sts assume-role with an allowed session tag key" "arn:aws:sts::$account:assumed-role/cli-tagged/tagged" \
  "$(AWS_ACCESS_KEY_ID=$user_key AWS_SECRET_ACCESS_KEY=$user_secret aws sts assume-role --role-arn "arn:aws:iam::$account:role/cli-tagged" \
  --role-session-name tagged --tags Key=team,Value=sre --transitive-tag-keys team --query AssumedRoleUser.Arn)"
AWS_ACCESS_KEY_ID=$user_key AWS_SECRET_ACCESS_KEY=$user_secret expect_error "sts assume-role with a session tag key the trust policy does not allow" \
  "sts:TagSession" sts assume-role --role-arn "arn:aws:iam::$account:role/cli-tagged" --role-session-name tagged \
  --tags Key=team,Value=sre Key=cost-center,Value=1
echo "== Cross-account: an event bus policy and a bucket policy decide for another account"
other=111122223333
aws events create-event-bus --name cli-shared > /dev/null
entries=$(printf '[{"EventBusName":"arn:aws:events:%s:%s:event-bus/cli-shared","Source":"cli.other","DetailType":"t","Detail":"{}"}]' "$region" "$account")
AWS_ACCESS_KEY_ID=$other expect_error "events put-events onto another account's bus without a policy" \
  "AccessDeniedException" events put-events --entries "$entries"
aws events put-permission --event-bus-name cli-shared --action events:PutEvents --principal "$other" --statement-id cli-other
check_contains "events describe-event-bus shows the policy" "arn:aws:iam::$other:root" \
  "$(aws events describe-event-bus --name cli-shared --query Policy)"
check "events put-events from the account the policy names" "0" \
  "$(AWS_ACCESS_KEY_ID=$other aws events put-events --entries "$entries" --query FailedEntryCount)"
expect_error "events put-permission of another action" "ValidationException" events put-permission \
  --event-bus-name cli-shared --action events:PutRule --principal "$other" --statement-id x
expect_error "events remove-permission of an unknown statement" "ResourceNotFoundException" events remove-permission \
  --event-bus-name cli-shared --statement-id nope
aws events remove-permission --event-bus-name cli-shared --remove-all-permissions
AWS_ACCESS_KEY_ID=$other expect_error "events put-events after remove-permission" "AccessDeniedException" \
  events put-events --entries "$entries"
aws events delete-event-bus --name cli-shared
aws s3api create-bucket --bucket cli-shared-bucket > /dev/null
printf '{}' > "$iamdir/r.json"
aws s3api put-object --bucket cli-shared-bucket --key r.json --body "$iamdir/r.json" > /dev/null
AWS_ACCESS_KEY_ID=$other expect_error "s3api get-object from another account's bucket without a grant" "AccessDenied" \
  s3api get-object --bucket cli-shared-bucket --key r.json "$iamdir/out.json"
printf '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::%s:root"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::cli-shared-bucket/*"}]}' \
  "$other" > "$iamdir/bucket.json"
aws s3api put-bucket-policy --bucket cli-shared-bucket --policy "file://$iamdir/bucket.json"
check "s3api get-object with the bucket policy's grant" "2" "$(AWS_ACCESS_KEY_ID=$other aws s3api get-object \
  --bucket cli-shared-bucket --key r.json "$iamdir/out.json" --query ContentLength)"
AWS_ACCESS_KEY_ID=$other expect_error "s3api get-bucket-policy is the owner's alone" "AccessDenied" \
  s3api get-bucket-policy --bucket cli-shared-bucket
aws s3api delete-object --bucket cli-shared-bucket --key r.json > /dev/null
aws s3api delete-bucket --bucket cli-shared-bucket
rm -rf "$iamdir"

echo "== GuardDuty: detector, sample findings, criteria, archive, a rule delivering findings to SQS, errors"
detector=$(aws guardduty create-detector --enable --finding-publishing-frequency FIFTEEN_MINUTES --query DetectorId)
check "guardduty create-detector id" "32" "${#detector}"
expect_error "guardduty a second detector" "BadRequestException" guardduty create-detector --enable
check "guardduty get-detector" "ENABLED FIFTEEN_MINUTES" \
  "$(aws guardduty get-detector --detector-id "$detector" --query '[Status,FindingPublishingFrequency]' | tr '\t' ' ')"
check_contains "guardduty error message parsed" "detectorId is not owned by the current account" \
  "$(aws guardduty get-detector --detector-id 0123456789abcdef0123456789abcdef 2>&1)"
gq=$(aws sqs create-queue --queue-name cli-guardduty-findings --query QueueUrl)
gq_arn=$(aws sqs get-queue-attributes --queue-url "$gq" --attribute-names QueueArn --query Attributes.QueueArn)
aws sqs set-queue-attributes --queue-url "$gq" --attributes "{\"Policy\":$(queue_policy "$gq_arn" events.amazonaws.com | python3 -c 'import json,sys; print(json.dumps(sys.stdin.read()))')}"
aws events put-rule --name cli-guardduty-high --event-pattern '{"source":["aws.guardduty"],"detail-type":["GuardDuty Finding"],"detail":{"severity":[{"numeric":[">=",7]}]}}' > /dev/null
aws events put-targets --rule cli-guardduty-high --targets "Id=q,Arn=$gq_arn" > /dev/null
aws guardduty create-sample-findings --detector-id "$detector" \
  --finding-types 'Backdoor:EC2/C&CActivity.B' 'UnauthorizedAccess:EC2/SSHBruteForce'
check "guardduty list-findings" "2" "$(aws guardduty list-findings --detector-id "$detector" --query 'length(FindingIds)')"
high=$(aws guardduty list-findings --detector-id "$detector" --finding-criteria '{"Criterion":{"severity":{"Gte":7}}}' --query 'FindingIds[0]')
check "guardduty get-findings by criteria" "Backdoor:EC2/C&CActivity.B i-99999999" \
  "$(aws guardduty get-findings --detector-id "$detector" --finding-ids "$high" --query 'Findings[0].[Type,Resource.InstanceDetails.InstanceId]' | tr '\t' ' ')"
delivered=$(receive "$gq")
check "guardduty sample finding delivered to SQS in AWS's event shape" "GuardDuty Finding aws.guardduty $high True" \
  "$(python3 -c 'import json,sys; e=json.loads(sys.argv[1]); d=e["detail"]; print(e["detail-type"], e["source"], d["id"], d["service"]["additionalInfo"]["sample"])' "$delivered")"
aws guardduty archive-findings --detector-id "$detector" --finding-ids "$high"
check "guardduty archived by criteria" "$high" \
  "$(aws guardduty list-findings --detector-id "$detector" --finding-criteria '{"Criterion":{"service.archived":{"Equals":["true"]}}}' --query 'FindingIds[0]')"
gd_instance=$(aws ec2 run-instances --image-id ami-12345678 --count 1 --query 'Instances[0].InstanceId')
injected=$(curl -s -X POST "$endpoint/_selfheal/guardduty/findings" -H 'Content-Type: application/json' \
  -d "{\"account\":\"$account\",\"region\":\"$region\",\"instanceId\":\"$gd_instance\",\"type\":\"Backdoor:EC2/C&CActivity.B!DNS\",\"severity\":8}" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["findingId"])')
delivered=$(receive "$gq")
check "guardduty injected finding for a real instance delivered" "$injected $gd_instance DNS_REQUEST" \
  "$(python3 -c 'import json,sys; d=json.loads(sys.argv[1])["detail"]; print(d["id"], d["resource"]["instanceDetails"]["instanceId"], d["service"]["action"]["actionType"])' "$delivered")"
echo "== S3: s3api and s3 cp/ls/rm (path-style on the IP endpoint; multipart above 8 MB)"
s3dir=$(mktemp -d)
check "s3 mb" "make_bucket: cli-s3-bucket" "$(aws s3 mb s3://cli-s3-bucket)"
expect_error "s3api create-bucket again outside us-east-1" "BucketAlreadyOwnedByYou" \
  --region eu-west-1 s3api create-bucket --bucket cli-s3-bucket --create-bucket-configuration LocationConstraint=eu-west-1
# The CLI, unlike the SDK v2, sends no LocationConstraint of its own.
expect_error "s3api create-bucket in eu-west-1 without a constraint" "IllegalLocationConstraintException" \
  --region eu-west-1 s3api create-bucket --bucket cli-s3-eu
aws --region eu-west-1 s3api create-bucket --bucket cli-s3-eu --create-bucket-configuration LocationConstraint=eu-west-1 > /dev/null
check "s3api get-bucket-location" "eu-west-1" "$(aws s3api get-bucket-location --bucket cli-s3-eu --query LocationConstraint)"
expect_error "s3api invalid bucket name" "InvalidBucketName" s3api create-bucket --bucket two..dots
echo "small evidence" > "$s3dir/small.txt"
head -c 9500000 /dev/urandom > "$s3dir/big.bin"
aws s3 cp "$s3dir/small.txt" s3://cli-s3-bucket/cases/small.txt > /dev/null
aws s3 cp "$s3dir/big.bin" s3://cli-s3-bucket/cases/big.bin > /dev/null
check "s3 ls (prefixes)" "PRE cases/" "$(aws s3 ls s3://cli-s3-bucket/ | tr -s ' ' | sed 's/^ //')"
check "s3 ls --recursive" "2" "$(aws s3 ls s3://cli-s3-bucket --recursive | wc -l | tr -d ' ')"
check "s3api head-object (multipart size)" "9500000" \
  "$(aws s3api head-object --bucket cli-s3-bucket --key cases/big.bin --query ContentLength)"
check_contains "s3api head-object (multipart ETag)" "-2" \
  "$(aws s3api head-object --bucket cli-s3-bucket --key cases/big.bin --query ETag)"
aws s3 cp s3://cli-s3-bucket/cases/big.bin "$s3dir/big.out" > /dev/null
check "s3 cp download is byte-identical" "same" "$(cmp -s "$s3dir/big.bin" "$s3dir/big.out" && echo same)"
check "s3api get-object" "small evidence" \
  "$(aws s3api get-object --bucket cli-s3-bucket --key cases/small.txt "$s3dir/got.txt" > /dev/null; cat "$s3dir/got.txt")"
aws s3api put-object-tagging --bucket cli-s3-bucket --key cases/small.txt \
  --tagging 'TagSet=[{Key=case,Value=42}]'
check "s3api get-object-tagging" "42" \
  "$(aws s3api get-object-tagging --bucket cli-s3-bucket --key cases/small.txt --query 'TagSet[0].Value')"
aws s3api put-bucket-policy --bucket cli-s3-bucket --policy '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"cloudtrail.amazonaws.com"},"Action":"s3:PutObject","Resource":"arn:aws:s3:::cli-s3-bucket/AWSLogs/*"}]}'
check_contains "s3api get-bucket-policy" "cloudtrail.amazonaws.com" "$(aws s3api get-bucket-policy --bucket cli-s3-bucket --query Policy)"
expect_error "cloudtrail create-trail without s3:GetBucketAcl" "InsufficientS3BucketPolicyException" \
  cloudtrail create-trail --name cli-trail --s3-bucket-name cli-s3-bucket
expect_error "cloudtrail create-trail on a missing bucket" "S3BucketDoesNotExistException" \
  cloudtrail create-trail --name cli-trail --s3-bucket-name cli-no-such-bucket
aws s3api put-bucket-policy --bucket cli-s3-bucket --policy '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"cloudtrail.amazonaws.com"},"Action":"s3:GetBucketAcl","Resource":"arn:aws:s3:::cli-s3-bucket"},{"Effect":"Allow","Principal":{"Service":"cloudtrail.amazonaws.com"},"Action":"s3:PutObject","Resource":"arn:aws:s3:::cli-s3-bucket/AWSLogs/*"}]}'
check "cloudtrail create-trail" "arn:aws:cloudtrail:$region:$account:trail/cli-trail" \
  "$(aws cloudtrail create-trail --name cli-trail --s3-bucket-name cli-s3-bucket --query TrailARN)"
aws cloudtrail start-logging --name cli-trail
check "cloudtrail get-trail-status (logging)" "True" "$(aws cloudtrail get-trail-status --name cli-trail --query IsLogging)"
aws cloudtrail stop-logging --name cli-trail
check "cloudtrail get-trail-status (stopped)" "False" "$(aws cloudtrail get-trail-status --name cli-trail --query IsLogging)"
check "cloudtrail describe-trails" "cli-s3-bucket" "$(aws cloudtrail describe-trails --trail-name-list cli-trail --query 'trailList[0].S3BucketName')"
aws cloudtrail delete-trail --name cli-trail
expect_error "cloudtrail deleted trail" "TrailNotFoundException" cloudtrail get-trail-status --name cli-trail
expect_error "s3api malformed policy" "MalformedPolicy" s3api put-bucket-policy --bucket cli-s3-bucket --policy '{"Statement":[]}'
expect_error "s3api no such key" "NoSuchKey" s3api get-object --bucket cli-s3-bucket --key nope "$s3dir/nope"
expect_error "s3 rb of a full bucket" "BucketNotEmpty" s3api delete-bucket --bucket cli-s3-bucket
check "s3 rm --recursive" "2" "$(aws s3 rm s3://cli-s3-bucket --recursive | grep -c '^delete:')"
aws s3 rb s3://cli-s3-bucket > /dev/null
expect_error "s3api head-bucket after rb" "404" s3api head-bucket --bucket cli-s3-bucket
rm -rf "$s3dir"

echo "== Robustness: nothing a client sends poisons the state others read"
expect_error "a made-up region in the credential scope" "SignatureDoesNotMatch" --region xx-fuzz-9 sts get-caller-identity
expect_error "an alarm name with a control character" "ValidationError" cloudwatch put-metric-alarm \
  --alarm-name $'cli\x01alarm' --namespace Cli/App --metric-name Latency --statistic Sum --period 60 \
  --evaluation-periods 1 --threshold 1 --comparison-operator GreaterThanThreshold
aws cloudwatch put-metric-alarm --alarm-name cli-described --alarm-description $'bell\x07 in text' \
  --namespace Cli/App --metric-name Latency --statistic Sum --period 60 --evaluation-periods 1 --threshold 1 \
  --comparison-operator GreaterThanThreshold
check "describe-alarms still parses after a control character was stored" "cli-described" \
  "$(aws cloudwatch describe-alarms --alarm-names cli-described --query 'MetricAlarms[0].AlarmName')"

echo
echo "$passed passed, $failed failed"
[[ "$failed" == 0 ]]
