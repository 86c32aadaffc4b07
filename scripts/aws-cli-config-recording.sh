#!/usr/bin/env bash
# AWS CLI v2 against `selfheal serve --virtual-clock`: AWS Config recording as AWS documents it
# (https://docs.aws.amazon.com/config/latest/developerguide/stop-start-recorder.html,
# https://docs.aws.amazon.com/config/latest/developerguide/monitor-config-with-cloudwatchevents.html). A recorder and a
# delivery channel (its bucket must exist), a security group changed, its configuration item history, and the
# "Config Configuration Item Change" events delivered to SQS through an EventBridge rule.
# Prints one line per check and "N passed, N failed".
#
#   scripts/aws-cli-config-recording.sh http://127.0.0.1:4566
source "$(dirname "${BASH_SOURCE[0]}")/virtual-clock-checks.sh"

echo "== AWS Config: recorder and delivery channel"
aws s3api create-bucket --bucket cli-config-history >/dev/null
# Config's service-linked role, as the console creates it
# (https://docs.aws.amazon.com/config/latest/developerguide/using-service-linked-roles.html).
role_arn=$(aws iam create-service-linked-role --aws-service-name config.amazonaws.com --query Role.Arn)
check "iam create-service-linked-role config.amazonaws.com" \
  "arn:aws:iam::$account:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig" "$role_arn"
expect_error "iam create-service-linked-role: the name is taken" "InvalidInput" \
  iam create-service-linked-role --aws-service-name config.amazonaws.com
recorder='{"name":"default","roleARN":"'$role_arn'","recordingGroup":{"allSupported":false,"includeGlobalResourceTypes":false,"resourceTypes":["AWS::EC2::SecurityGroup"]}}'
expect_error "configservice put-configuration-recorder without a role" "InvalidRoleException" \
  configservice put-configuration-recorder --configuration-recorder '{"name":"default"}'
aws configservice put-configuration-recorder --configuration-recorder "$recorder"
check "configservice describe-configuration-recorders" "default	AWS::EC2::SecurityGroup" \
  "$(aws configservice describe-configuration-recorders --query 'ConfigurationRecorders[0].[name,recordingGroup.resourceTypes[0]]')"
expect_error "configservice put-configuration-recorder: one per region" \
  "MaxNumberOfConfigurationRecordersExceededException" configservice put-configuration-recorder \
  --configuration-recorder '{"name":"second","roleARN":"arn:aws:iam::'$account':role/config-recorder"}'
expect_error "configservice start-configuration-recorder without a channel" "NoAvailableDeliveryChannelException" \
  configservice start-configuration-recorder --configuration-recorder-name default
expect_error "configservice put-delivery-channel: the bucket must exist" "NoSuchBucketException" \
  configservice put-delivery-channel --delivery-channel name=default,s3BucketName=cli-no-such-bucket
aws configservice put-delivery-channel --delivery-channel name=default,s3BucketName=cli-config-history
check "configservice describe-delivery-channels" "cli-config-history" \
  "$(aws configservice describe-delivery-channels --query 'DeliveryChannels[0].s3BucketName')"

echo "== Config Configuration Item Change events to SQS through EventBridge"
q=$(aws sqs create-queue --queue-name cli-config-items --query QueueUrl)
q_arn="arn:aws:sqs:$region:$account:cli-config-items"
aws sqs set-queue-attributes --queue-url "$q" --attributes "{\"Policy\":$(queue_policy "$q_arn" events.amazonaws.com | python3 -c 'import json,sys; print(json.dumps(sys.stdin.read()))')}"
aws events put-rule --name cli-config-items --event-pattern \
  '{"source":["aws.config"],"detail-type":["Config Configuration Item Change"],"detail":{"configurationItem":{"resourceType":["AWS::EC2::SecurityGroup"]},"configurationItemDiff":{"changeType":["UPDATE"]}}}' >/dev/null
aws events put-targets --rule cli-config-items --targets "Id=q,Arn=$q_arn" >/dev/null

aws configservice start-configuration-recorder --configuration-recorder-name default
advance 0
check "configservice describe-configuration-recorder-status" "True	Success" \
  "$(aws configservice describe-configuration-recorder-status --query 'ConfigurationRecordersStatus[0].[recording,lastStatus]')"
check "the default VPC's default group is discovered" "default" \
  "$(aws configservice list-discovered-resources --resource-type AWS::EC2::SecurityGroup --query 'resourceIdentifiers[0].resourceName')"

sg=$(aws ec2 create-security-group --group-name cli-config-web --description "web" --query GroupId)
advance 1
aws ec2 authorize-security-group-ingress --group-id "$sg" --protocol tcp --port 22 --cidr 0.0.0.0/0 >/dev/null
advance 0
check "configservice get-resource-config-history: newest first" "OK	ResourceDiscovered" \
  "$(aws configservice get-resource-config-history --resource-type AWS::EC2::SecurityGroup --resource-id "$sg" \
     --query 'configurationItems[].configurationItemStatus')"
check "configservice get-resource-config-history --chronological-order Forward --limit 1" "ResourceDiscovered" \
  "$(aws configservice get-resource-config-history --resource-type AWS::EC2::SecurityGroup --resource-id "$sg" \
     --chronological-order Forward --limit 1 --query 'configurationItems[].configurationItemStatus')"
check "the item's configuration (a JSON string) has the new rule" "22 0.0.0.0/0" \
  "$(aws configservice get-resource-config-history --resource-type AWS::EC2::SecurityGroup --resource-id "$sg" \
     --limit 1 --query 'configurationItems[0].configuration' \
     | python3 -c 'import json,sys; p=json.load(sys.stdin)["ipPermissions"][0]; print(p["fromPort"], p["ipRanges"][0])')"
check "configservice batch-get-resource-config" "$sg" \
  "$(aws configservice batch-get-resource-config --resource-keys "resourceType=AWS::EC2::SecurityGroup,resourceId=$sg" \
     --query 'baseConfigurationItems[0].resourceId')"
expect_error "configservice get-resource-config-history of an unknown group" "ResourceNotDiscoveredException" \
  configservice get-resource-config-history --resource-type AWS::EC2::SecurityGroup --resource-id sg-00000000000000000

event=$(receive "$q")
check "the event reached SQS" "Config Configuration Item Change aws.config $sg" \
  "$(python3 -c 'import json,sys; e=json.loads(sys.argv[1]); print(e["detail-type"], e["source"], e["detail"]["configurationItem"]["resourceId"])' "$event")"
check "its configurationItemDiff" "UPDATE CREATE 22" \
  "$(python3 -c 'import json,sys; d=json.loads(sys.argv[1])["detail"]["configurationItemDiff"]; c=d["changedProperties"]["Configuration.IpPermissions.0"]; print(d["changeType"], c["changeType"], c["updatedValue"]["fromPort"])' "$event")"
check "its messageType" "ConfigurationItemChangeNotification" \
  "$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["detail"]["messageType"])' "$event")"

echo "== stopping and deleting"
expect_error "configservice delete-delivery-channel while recording" "LastDeliveryChannelDeleteFailedException" \
  configservice delete-delivery-channel --delivery-channel-name default
aws configservice stop-configuration-recorder --configuration-recorder-name default
aws ec2 revoke-security-group-ingress --group-id "$sg" --protocol tcp --port 22 --cidr 0.0.0.0/0 >/dev/null
advance 0
check "no item while stopped" "2" \
  "$(aws configservice get-resource-config-history --resource-type AWS::EC2::SecurityGroup --resource-id "$sg" \
     --query 'length(configurationItems)')"
aws configservice delete-delivery-channel --delivery-channel-name default
aws configservice delete-configuration-recorder --configuration-recorder-name default
check "configservice describe-configuration-recorders after delete" "0" \
  "$(aws configservice describe-configuration-recorders --query 'length(ConfigurationRecorders)')"

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
