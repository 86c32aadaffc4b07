#!/usr/bin/env bash
# AWS CLI v2 against `selfheal serve --virtual-clock`: an SQS event source mapping as AWS documents it
# (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html). Messages a function handles are
# deleted; a failing one comes back after the queue's visibility timeout (30 s) and after maxReceiveCount (2)
# receives the queue's redrive policy moves it to the dead-letter queue.
# Prints one line per check and "N passed, N failed".
#
#   scripts/aws-cli-lambda-esm.sh http://127.0.0.1:4566
source "$(dirname "${BASH_SOURCE[0]}")/virtual-clock-checks.sh"

attempts() { # how many batches the function ran: one START line each in its log group
  aws logs filter-log-events --log-group-name /aws/lambda/cli-queue-worker --filter-pattern '"START RequestId"' \
    --query 'length(events)' 2>/dev/null || echo 0
}

visible_and_in_flight() {
  aws sqs get-queue-attributes --queue-url "$1" \
    --attribute-names ApproximateNumberOfMessages ApproximateNumberOfMessagesNotVisible \
    --query '[Attributes.ApproximateNumberOfMessages,Attributes.ApproximateNumberOfMessagesNotVisible]'
}

work=$(mktemp -d)
cat > "$work/worker.py" <<'PY'
def handler(event, context):
    for record in event["Records"]:
        if record["body"].startswith("boom"):
            raise RuntimeError("cannot process " + record["messageId"])
    return {"processed": len(event["Records"])}
PY
python3 -c 'import sys, zipfile
with zipfile.ZipFile(sys.argv[1] + "/worker.zip", "w") as z:
    z.write(sys.argv[1] + "/worker.py", "worker.py")' "$work"

echo "== Lambda SQS event source mapping on the virtual clock"
dlq=$(aws sqs create-queue --queue-name cli-esm-dlq --query QueueUrl)
queue=$(aws sqs create-queue --queue-name cli-esm-work --attributes "{\"VisibilityTimeout\":\"30\",\
\"RedrivePolicy\":\"{\\\"deadLetterTargetArn\\\":\\\"arn:aws:sqs:$region:$account:cli-esm-dlq\\\",\\\"maxReceiveCount\\\":\\\"2\\\"}\"}" \
  --query QueueUrl)
lambda_role cli-queue-worker
aws lambda create-function --function-name cli-queue-worker --runtime python3.12 --handler worker.handler \
  --role "arn:aws:iam::$account:role/cli-queue-worker" --zip-file "fileb://$work/worker.zip" --timeout 10 >/dev/null
uuid=$(aws lambda create-event-source-mapping --function-name cli-queue-worker --batch-size 5 \
  --event-source-arn "arn:aws:sqs:$region:$account:cli-esm-work" --query UUID)
check "lambda create-event-source-mapping" "36" "${#uuid}"
check "lambda get-event-source-mapping" "Enabled	5" \
  "$(aws lambda get-event-source-mapping --uuid "$uuid" --query '[State,BatchSize]')"
check "lambda list-event-source-mappings --function-name" "$uuid" \
  "$(aws lambda list-event-source-mappings --function-name cli-queue-worker --query 'EventSourceMappings[0].UUID')"

aws sqs send-message --queue-url "$queue" --message-body "reboot i-0abc" >/dev/null
advance 0
check "a handled message is deleted" "0	0" "$(visible_and_in_flight "$queue")"
check "one batch" "1" "$(attempts)"

aws sqs send-message --queue-url "$queue" --message-body "boom i-0def" >/dev/null
advance 0
check "a failed message stays in flight" "0	1" "$(visible_and_in_flight "$queue")"
advance 29
check "no retry before the visibility timeout" "2" "$(attempts)"
advance 1
check "received again after 30 s" "3" "$(attempts)"
advance 30
check "after maxReceiveCount the source queue is empty" "0	0" "$(visible_and_in_flight "$queue")"
check "no third receive" "3" "$(attempts)"
check "sqs receive-message: the message is in the dead-letter queue" "boom i-0def" \
  "$(aws sqs receive-message --queue-url "$dlq" --wait-time-seconds 0 --query 'Messages[0].Body')"

check "lambda update-event-source-mapping --no-enabled" "Disabling" \
  "$(aws lambda update-event-source-mapping --uuid "$uuid" --no-enabled --query State)"
check "lambda delete-event-source-mapping" "Deleting" \
  "$(aws lambda delete-event-source-mapping --uuid "$uuid" --query State)"
check "lambda get-event-source-mapping after delete" "ResourceNotFoundException" \
  "$(aws lambda get-event-source-mapping --uuid "$uuid" 2>&1 | grep -o ResourceNotFoundException)"

rm -rf "$work"
echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
