#!/usr/bin/env bash
# AWS CLI v2 against `selfheal serve --virtual-clock`: Lambda's asynchronous invocation as AWS documents it
# (https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html). A function that always fails,
# with MaximumRetryAttempts 2, an on-failure SQS destination and an SQS dead-letter queue, is tried exactly 3 times —
# at 0, +1 and +3 minutes of virtual time — then leaves one invocation record and one dead letter.
# Prints one line per check and "N passed, N failed".
#
#   scripts/aws-cli-lambda-async.sh http://127.0.0.1:4566
source "$(dirname "${BASH_SOURCE[0]}")/virtual-clock-checks.sh"

attempts() { # how many times the function ran: one START line per attempt in its log group
  aws logs filter-log-events --log-group-name /aws/lambda/cli-always-fails --filter-pattern '"START RequestId"' \
    --query 'length(events)' 2>/dev/null || echo 0
}

work=$(mktemp -d)
cat > "$work/fails.py" <<'PY'
def handler(event, context):
    raise RuntimeError("remediation refused: " + str(event.get("instance")))
PY
python3 -c 'import sys, zipfile
with zipfile.ZipFile(sys.argv[1] + "/fails.zip", "w") as z:
    z.write(sys.argv[1] + "/fails.py", "fails.py")' "$work"

echo "== Lambda asynchronous invocation on the virtual clock"
lambda_role cli-always-fails
records=$(aws sqs create-queue --queue-name cli-async-failures --query QueueUrl)
dlq=$(aws sqs create-queue --queue-name cli-async-dlq --query QueueUrl)
check "lambda create-function with a dead-letter queue" "arn:aws:sqs:$region:$account:cli-async-dlq" \
  "$(aws lambda create-function --function-name cli-always-fails --runtime python3.12 --handler fails.handler \
    --role "arn:aws:iam::$account:role/cli-always-fails" --zip-file "fileb://$work/fails.zip" \
    --dead-letter-config "TargetArn=arn:aws:sqs:$region:$account:cli-async-dlq" --query DeadLetterConfig.TargetArn)"
check "lambda put-function-event-invoke-config" "2" "$(aws lambda put-function-event-invoke-config \
  --function-name cli-always-fails --maximum-retry-attempts 2 \
  --destination-config "{\"OnFailure\":{\"Destination\":\"arn:aws:sqs:$region:$account:cli-async-failures\"}}" \
  --query MaximumRetryAttempts)"
check "lambda get-function-event-invoke-config" "arn:aws:sqs:$region:$account:cli-async-failures" \
  "$(aws lambda get-function-event-invoke-config --function-name cli-always-fails \
    --query DestinationConfig.OnFailure.Destination)"
check "lambda invoke --invocation-type Event" "202" "$(aws lambda invoke --function-name cli-always-fails \
  --invocation-type Event --cli-binary-format raw-in-base64-out --payload '{"instance": "i-0abc"}' \
  "$work/out.json" --query StatusCode)"
advance 0
check "first attempt at once" "1" "$(attempts)"
advance 59
check "no retry before one minute" "1" "$(attempts)"
advance 1
check "second attempt one minute later" "2" "$(attempts)"
advance 119
check "no retry before two more minutes" "2" "$(attempts)"
check "no record while retries remain" "None" \
  "$(aws sqs receive-message --queue-url "$records" --wait-time-seconds 0 --query 'Messages[0].Body')"
advance 1
check "third and last attempt two minutes later" "3" "$(attempts)"
advance 600
check "no fourth attempt" "3" "$(attempts)"

record=$(aws sqs receive-message --queue-url "$records" --wait-time-seconds 0 --query 'Messages[0].Body')
condition=$(python3 -c 'import json, sys; r = json.loads(sys.argv[1]); c = r["requestContext"]
print(c["condition"], c["approximateInvokeCount"], r["requestPayload"]["instance"],
      r["responseContext"]["functionError"], r["responsePayload"]["errorType"])' "$record" 2>&1)
check "sqs receive-message: the on-failure invocation record" "RetriesExhausted 3 i-0abc Unhandled RuntimeError" \
  "$condition"
dead=$(aws sqs receive-message --queue-url "$dlq" --wait-time-seconds 0 --message-attribute-names All \
  --query 'Messages[0].[Body,MessageAttributes.ErrorMessage.StringValue]')
check_contains "sqs receive-message: the dead letter is the original event" '{"instance": "i-0abc"}' "$dead"
check_contains "sqs receive-message: the dead letter's ErrorMessage" "remediation refused: i-0abc" "$dead"
check "sqs: exactly one record" "None" \
  "$(aws sqs receive-message --queue-url "$records" --wait-time-seconds 0 --query 'Messages[0].Body')"

rm -rf "$work"
echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
