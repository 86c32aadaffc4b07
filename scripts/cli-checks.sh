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
