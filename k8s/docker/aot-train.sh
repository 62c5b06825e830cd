#!/usr/bin/env bash
# The training run of the JDK's AOT cache (JDK 25+, JEP 483/514/515): starts one packaged service
# (Quarkus' aot-jar layout) with -XX:AOTCacheOutput, with no database, no Kafka, no mail server and
# no hub, sends it what it can answer without them, stops it with SIGTERM and waits for the JVM,
# which writes the cache as it exits. Fails (exit 1) if the service did not start, or if the cache
# is missing. The image build runs it (k8s/docker/Dockerfile.jvm); AotTrainingIT runs it here.
#
#   aot-train.sh <app dir, e.g. /deployments> <cache file, e.g. /deployments/app.aot>
#
# Environment: JAVA (default $JAVA_HOME/bin/java, else java), JAVA_OPTS_APPEND (the service's JVM
# options, as run-java.sh reads them; the production run must use the same JDK, class path and
# module options), AOT_TRAIN_PORT (8080), AOT_TRAIN_TIMEOUT (whole run, seconds, 120),
# AOT_TRAIN_LOG (the service's output; default a temporary file, its tail printed on failure).
# The production run finds the jar at the same path: the cache records the class path, and the
# size and modification time of every jar on it.
set -euo pipefail

app_dir=${1:?usage: aot-train.sh <app dir> <cache file>}
cache=${2:?usage: aot-train.sh <app dir> <cache file>}
app_dir=$(cd "$app_dir" && pwd)
jar="$app_dir/quarkus-run.jar"
java=${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/}java}
port=${AOT_TRAIN_PORT:-8080}
timeout=${AOT_TRAIN_TIMEOUT:-120}
log=${AOT_TRAIN_LOG:-$(mktemp "${TMPDIR:-/tmp}/aot-train.XXXXXX.log")}
deadline=$((SECONDS + timeout))

say() { echo "aot-train: $*" >&2; }
fail() {
  say "FAILED: $*"
  [ -f "$log" ] && { say "last lines of $log:"; tail -n 40 "$log" >&2; }
  [ -n "${pid:-}" ] && kill -KILL "$pid" 2>/dev/null || true
  exit 1
}

[ -f "$jar" ] || fail "no $jar (package the service first)"
rm -f "$cache" "$cache.config"

# Where every dependency would be: port 9 on loopback refuses at once. Only what is needed to start;
# the chart's ConfigMap and Secrets set these for real (see k8s/chart/moderation-suite/templates).
dead=127.0.0.1
export QUARKUS_HTTP_PORT=$port
export QUARKUS_FLYWAY_MIGRATE_AT_START=false
export QUARKUS_SHUTDOWN_DELAY=0S
export QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://$dead:9/training"
export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$dead:9/training"
export QUARKUS_DATASOURCE_USERNAME=training QUARKUS_DATASOURCE_PASSWORD=training
export KAFKA_BOOTSTRAP_SERVERS="$dead:9"
# Kafka's admin client waits out its pending calls when it closes (default 60 s): short ones, so
# the stop is quick.
export KAFKA_DEFAULT_API_TIMEOUT_MS=5000 KAFKA_REQUEST_TIMEOUT_MS=5000
export KIT_HUB_URL="http://$dead:9" KIT_HUB_TOKEN=training
export QUARKUS_MAILER_HOST=$dead QUARKUS_MAILER_PORT=9 QUARKUS_MAILER_MOCK=false
export QUARKUS_MAILER_FROM=noreply@training.invalid
export DEVSTACK_MAIL_DOMAIN=training.invalid
export DEVSTACK_MAIL_SMTP_HOST=$dead DEVSTACK_MAIL_SMTP_PORT=9 DEVSTACK_MAIL_IMAP_HOST=$dead DEVSTACK_MAIL_IMAP_PORT=9
for mailbox in SAFETY DMCA LEGAL FEEDBACK NOREPLY; do
  lower=$(echo "$mailbox" | tr '[:upper:]' '[:lower:]')
  export "DEVSTACK_MAIL_${mailbox}_ADDRESS=$lower@training.invalid"
  export "DEVSTACK_MAIL_${mailbox}_USER=$lower@training.invalid"
  export "DEVSTACK_MAIL_${mailbox}_PASSWORD=training"
done
# The console: an OpenID Connect provider that is not there (its tenant initialises on first use).
export QUARKUS_OIDC_AUTH_SERVER_URL="http://$dead:9/auth" QUARKUS_OIDC_CLIENT_ID=console
export QUARKUS_OIDC_CREDENTIALS_SECRET=training

# HTTP/1.1 over bash's /dev/tcp (the runtime image has no curl). Connection: close, so the body
# ends when the service closes the connection; `timeout` bounds a service that does not.
drain() { if command -v timeout >/dev/null; then timeout 30 cat; else cat; fi; }
send() { # method path body authorization; the request on fd 3
  local auth=""
  [ -z "$4" ] || auth="Authorization: $4"$'\r\n'
  exec 3<>"/dev/tcp/127.0.0.1/$port" || return 1
  printf '%s %s HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nAccept: */*\r\n%sContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s' \
    "$1" "$2" "$auth" "${#3}" "$3" >&3
}
http() { # method path [body] [authorization]; prints the status code
  local status=000
  send "$1" "$2" "${3:-}" "${4:-}" || { echo 000; return 1; }
  IFS=' ' read -r -t 30 _ status _ <&3 || true
  drain <&3 >/dev/null 2>&1 || true
  exec 3<&-
  echo "$status"
}
body() { # path; prints the response (head and body)
  send GET "$1" "" "" || return 1
  drain <&3 || true
  exec 3<&-
}

say "starting $jar with -XX:AOTCacheOutput=$cache (log: $log)"
cd "$app_dir"
# shellcheck disable=SC2086 # JAVA_OPTS_APPEND is a list of options, as run-java.sh splits it
"$java" ${JAVA_OPTS_APPEND:-} -XX:AOTCacheOutput="$cache" -jar "$jar" >"$log" 2>&1 &
pid=$!

until [ "$(http GET /q/health/live 2>/dev/null)" = 200 ]; do
  kill -0 "$pid" 2>/dev/null || fail "the service exited before it answered /q/health/live"
  [ "$SECONDS" -lt "$deadline" ] || fail "not live within ${timeout}s"
  sleep 0.5
done
say "live after ${SECONDS}s; training requests"

# What a running pod sees first: probes, a scrape, the API description (the console: its start page,
# a redirect to sign in), and API calls refused at the edge (no token, a malformed token, a
# malformed body: 401 problem details, 404 and 405). Not /q/health/ready: its checks wait for the
# database and the broker.
for path in /q/health/live /q/health/started /q/metrics /q/openapi '/q/openapi?format=json' /; do
  say "GET $path -> $(http GET "$path")"
done
# Every path of the API description (YAML: "  /api/v1/reports/{id}:" under "paths:").
api_paths=$(body /q/openapi | sed -n 's#^  \(/[^:]*\):.*#\1#p' | head -n 40) || api_paths=""
id=00000000-0000-4000-8000-000000000001
declare -A answers=()
# Three rounds at most, for at most 30 s, keeping 45 s of the bound for the stop and the cache.
requests_end=$((SECONDS + 30 < deadline - 45 ? SECONDS + 30 : deadline - 45))
for _ in 1 2 3; do
  for path in $api_paths /api/v1/training-unknown; do
    [ "$SECONDS" -lt "$requests_end" ] || break 2
    while [[ $path =~ \{[^}]*\} ]]; do path=${path/"${BASH_REMATCH[0]}"/$id}; done
    for request in "GET|$path||" "GET|$path||Bearer not.a.token" \
      "POST|$path|{\"unexpected\": [1, 2, 3], \"text\": \"training\"}|" "POST|$path|{\"broken|Bearer not.a.token"; do
      IFS='|' read -r method target data auth <<<"$request"
      status=$(http "$method" "$target" "$data" "$auth") || true
      status=${status:-000}
      answers[$status]=$((${answers[$status]:-0} + 1))
    done
  done
done
tally=""
for status in "${!answers[@]}"; do tally+=" $status x${answers[$status]}"; done
say "$(echo "$api_paths" | grep -c . || true) API paths exercised, answers:$tally; stopping with SIGTERM"

kill -TERM "$pid"
while kill -0 "$pid" 2>/dev/null; do
  [ "$SECONDS" -lt "$deadline" ] || fail "the JVM did not exit within ${timeout}s of the start"
  sleep 0.5
done
wait "$pid" || true # a Quarkus service stopped by SIGTERM exits with 143
pid=

[ -s "$cache" ] || fail "no AOT cache at $cache"
grep -q "AOTCache creation is complete" "$log" || fail "the JVM did not report the AOT cache as complete"
say "wrote $cache ($(wc -c <"$cache") bytes) in ${SECONDS}s"
