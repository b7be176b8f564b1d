# Sourced by run-all-tests and .ci/run: what the test suite needs from the system, and the Debian packages
# that provide it. UI tests open real SWT windows on a virtual X display (Xvfb, run by xvfb-run, which needs
# xauth), SWT needs GTK 3, and the console product test finds its window with xwininfo.

# Prints the packages providing what is missing, one per line.
meseta_missing_test_packages() {
  command -v Xvfb > /dev/null && command -v xvfb-run > /dev/null || echo xvfb
  command -v xauth > /dev/null || echo xauth
  command -v xwininfo > /dev/null || echo x11-utils
  if ! /sbin/ldconfig -p 2>/dev/null | grep -q 'libgtk-3\.so\.0'; then
    # Debian 13 and Ubuntu 24.04 renamed the package for the 64-bit time_t transition.
    if apt-cache show libgtk-3-0t64 > /dev/null 2>&1; then echo libgtk-3-0t64; else echo libgtk-3-0; fi
  fi
}

# Installs what is missing with apt-get when allowed (root, or passwordless sudo); fails loudly otherwise.
meseta_install_test_packages() {
  local missing sudo=""
  missing=$(meseta_missing_test_packages | tr '\n' ' ')
  [ -z "${missing// /}" ] && return 0
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
  # shellcheck disable=SC2086  # a list of package names
  if ! { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq \
      --no-install-recommends $missing > /dev/null; }; then
    echo "$MESETA_PROGRAM: apt-get could not install: $missing" >&2
    exit 1
  fi
  missing=$(meseta_missing_test_packages | tr '\n' ' ')
  if [ -n "${missing// /}" ]; then
    echo "$MESETA_PROGRAM: still missing after apt-get: $missing" >&2
    exit 1
  fi
}
