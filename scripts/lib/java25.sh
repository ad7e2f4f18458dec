# Sourced by the scripts that launch java themselves: sets $java to a JDK 25, as the Maven build's
# toolchain selection would find it: JAVA_HOME_25; else JAVA_HOME when it is a JDK 25; else one
# installed under /usr/lib/jvm (Linux) or /Library/Java/JavaVirtualMachines (macOS).
java=""
for candidate in "${JAVA_HOME_25:-}" "${JAVA_HOME:-}" /usr/lib/jvm/*25* /Library/Java/JavaVirtualMachines/*25*/Contents/Home; do
  [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
  # A JDK names its version in its release file; JAVA_HOME_25 is taken at its word.
  if [ "$candidate" = "${JAVA_HOME_25:-}" ] || grep -qs '^JAVA_VERSION="25' "$candidate/release"; then
    java="$candidate/bin/java"
    break
  fi
done
[ -n "$java" ] || { echo "needs a JDK 25 (set JAVA_HOME_25)" >&2; exit 1; }
