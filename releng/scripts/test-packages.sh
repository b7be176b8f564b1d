# Sourced by run-all-tests and .ci/run: the Debian packages the test suite needs.
# UI tests open real SWT windows on a virtual X display: Xvfb (with xauth for xvfb-run) and GTK 3.

MESETA_TEST_PACKAGES=(xvfb xauth libgtk-3-0 dbus-x11 procps)

meseta_missing_test_packages() {
  local package missing=()
  for package in "${MESETA_TEST_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
  done
  echo "${missing[@]}"
}

# Installs missing packages with apt-get when allowed (root, or passwordless sudo); fails loudly otherwise.
meseta_install_test_packages() {
  local missing sudo=""
  missing=$(meseta_missing_test_packages)
  [ -z "$missing" ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    if sudo -n true 2>/dev/null; then
      sudo="sudo"
    else
      echo "$MESETA_PROGRAM: the tests need these Debian packages: $missing" >&2
      echo "$MESETA_PROGRAM: install them with: sudo apt-get install -y $missing" >&2
      exit 1
    fi
  fi
  echo "$MESETA_PROGRAM: installing $missing with apt-get" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing > /dev/null
  missing=$(meseta_missing_test_packages)
  if [ -n "$missing" ]; then
    echo "$MESETA_PROGRAM: apt-get did not install: $missing" >&2
    exit 1
  fi
}
