# Shared by the AWS CLI scripts that run against `selfheal serve --virtual-clock` (sourced, with $1 the endpoint):
# the CLI's environment, an `aws` wrapper, one-line checks counted in $passed/$failed, and `advance SECONDS`.
set -uo pipefail

endpoint="${1:?usage: $0 ENDPOINT}"
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

advance() { # seconds: moves the virtual clock, running what falls due, once the cloud is quiet
  python3 -c 'import sys, urllib.request
urllib.request.urlopen(urllib.request.Request(sys.argv[1] + "/_selfheal/clock/advance?ms=" + sys.argv[2], method="POST")).read()' \
    "$endpoint" "$(($1 * 1000))"
}
