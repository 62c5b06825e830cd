# Sourced by bin/test and bin/e2e: Prometheus's promtool (the chart's alert rules are checked and
# unit-tested with it, k8s module) and the prometheus server (the end-to-end fault test evaluates
# the same rules against the running suite), from Debian's prometheus package where missing.
# Exports PROMTOOL and E2E_PROMETHEUS.

ensure_prometheus() {
  if [ ! -x /usr/bin/promtool ] || [ ! -x /usr/bin/prometheus ]; then
    echo "Installing Debian's prometheus package (promtool and the server) for the alert rule tests ..."
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
      export DEBIAN_FRONTEND=noninteractive
      apt-get install -y -q --no-install-recommends prometheus >/dev/null \
        || { apt-get update -q >/dev/null && apt-get install -y -q --no-install-recommends prometheus >/dev/null; }
    elif command -v sudo >/dev/null && command -v apt-get >/dev/null; then
      sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends prometheus >/dev/null
    else
      echo "The alert rule tests need promtool and prometheus (Debian: apt-get install prometheus)." >&2
    fi
  fi
  export PROMTOOL=/usr/bin/promtool
  export E2E_PROMETHEUS=/usr/bin/prometheus
}

ensure_prometheus
