# Sourced by the AWS CLI scripts (set $endpoint first): the CLI pointed at the emulator with fixed credentials, and
# the check helpers that count and print one line per check.
AWS_BIN="${AWS_BIN:-/usr/bin/aws}"
export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
export AWS_DEFAULT_REGION=us-east-1 AWS_PAGER="" AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null
account=123456789012
region=us-east-1
passed=0
failed=0

aws() { "$AWS_BIN" --endpoint-url "$endpoint" --output text "$@"; }

check() { # name expected actual
  if [[ "$2" == "$3" ]]; then
    passed=$((passed + 1)); echo "ok   $1"
  else
    failed=$((failed + 1)); echo "FAIL $1: expected [$2], got [$3]"
  fi
}

check_contains() { # name needle haystack
  if [[ "$3" == *"$2"* ]]; then
    passed=$((passed + 1)); echo "ok   $1"
  else
    failed=$((failed + 1)); echo "FAIL $1: [$2] not in [$3]"
  fi
}


lambda_role() { # name: an execution role trusting Lambda, as CreateFunction requires (AWS refuses one that is not)
  aws iam create-role --role-name "$1" --assume-role-policy-document \
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}' \
    > /dev/null
}

expect_error() { # name error-code command...
  local name=$1 code=$2 out
  shift 2
  if out=$(aws "$@" 2>&1); then
    failed=$((failed + 1)); echo "FAIL $name: expected $code, the call succeeded"
  else
    check_contains "$name" "$code" "$out"
  fi
}

receive() { # queue-url: the body of one message (long poll, returns as soon as one arrives), deleting it
  local out
  out=$(aws sqs receive-message --queue-url "$1" --wait-time-seconds 10 --max-number-of-messages 1 \
    --query 'Messages[0].[ReceiptHandle,Body]')
  local handle=${out%%$'\t'*}
  if [[ -n "$handle" && "$handle" != "None" ]]; then
    aws sqs delete-message --queue-url "$1" --receipt-handle "$handle" > /dev/null
  fi
  echo "${out#*$'\t'}"
}

queue_policy() { # queue-arn principal: a policy letting that service principal send
  printf '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"%s"},"Action":"sqs:SendMessage","Resource":"%s"}]}' "$2" "$1"
}
