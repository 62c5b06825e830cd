# Sourced by bin/test and bin/e2e: what the console's browser tests need, installed where missing.
#   - Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver), through apt;
#   - axe-core from the npm registry into .tools/axe-core (the accessibility check injected into each page).
# Exports E2E_CHROMIUM, E2E_CHROMEDRIVER and E2E_AXE for e2e's failsafe run.

AXE_VERSION=4.11.4

ensure_browser() {
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
      echo "Installing Debian's chromium and chromium-driver for the console's browser tests ..."
      export DEBIAN_FRONTEND=noninteractive
      apt-get install -y -q chromium chromium-driver >/dev/null \
        || { apt-get update -q >/dev/null && apt-get install -y -q chromium chromium-driver >/dev/null; }
    elif command -v sudo >/dev/null && command -v apt-get >/dev/null; then
      sudo apt-get install -y -q chromium chromium-driver >/dev/null
    else
      echo "The console's browser tests need chromium and chromedriver (Debian: apt-get install chromium chromium-driver)." >&2
    fi
  fi
  local axe_dir=.tools/axe-core
  if [ ! -f "$axe_dir/node_modules/axe-core/axe.min.js" ]; then
    if command -v npm >/dev/null; then
      echo "Installing axe-core $AXE_VERSION from npm into $axe_dir ..."
      mkdir -p "$axe_dir"
      npm install --silent --no-audit --no-fund --prefix "$axe_dir" "axe-core@$AXE_VERSION" >/dev/null
    else
      echo "The console's accessibility check needs npm (to install axe-core)." >&2
    fi
  fi
  export E2E_CHROMIUM=/usr/bin/chromium
  export E2E_CHROMEDRIVER=/usr/bin/chromedriver
  E2E_AXE="$PWD/$axe_dir/node_modules/axe-core/axe.min.js"
  export E2E_AXE
}

ensure_browser
